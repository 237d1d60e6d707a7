/**
 * Prompt caching really engages: the stable prefix (tools + the shared coaching library) is above the routed
 * model's minimum, holds nothing of a tenant, and — through the real SDK against the fake Anthropic server on
 * loopback — the second turn on Claude Haiku 4.5 reads it from the cache and costs less. A prefix under the floor
 * is never cached; a different model or an expired entry misses.
 */
import {
  AgentRole,
  ConversationStage,
  Experience,
  Speaker,
  Specialization,
} from '../../../../core/vocabulary';
import { costMicros } from '../../../../subgraphs/coaching/engine/pricing';
import { buildPrompt, type BuiltPrompt } from '../../../../subgraphs/coaching/engine/prompts/build-prompt';
import {
  buildEmitHintsTool,
  createAnthropicProvider,
} from '../../../../subgraphs/coaching/engine/providers/anthropic';
import {
  estimateTokens,
  minCacheableTokens,
  PREFIX_TARGET_TOKENS,
} from '../../../../subgraphs/coaching/engine/providers/anthropic-cache';
import { DEFAULT_MODELS } from '../../../../subgraphs/coaching/engine/routing';
import { start, type FakeAnthropic } from '../../../fixtures/fake-anthropic';
import { makeRequest } from './helpers';

const HAIKU = 'claude-haiku-4-5';

function prompt(role: AgentRole, experience: Experience, text: string, extra: { vertical?: string } = {}) {
  return buildPrompt({
    role,
    experience,
    specializations: [Specialization.LUXURY],
    stage: ConversationStage.QUALIFICATION,
    kind: 'QUICK',
    turns: [{ speaker: Speaker.LEAD, text }],
    facts: { known: {}, missing: [], score: 0, suggestedStage: ConversationStage.QUALIFICATION, signals: [] },
    ...extra,
  });
}

describe('the stable prefix', () => {
  it('is above every routed model’s minimum (estimated, with a margin) and shared by every role and experience', () => {
    const tools = estimateTokens(JSON.stringify([buildEmitHintsTool(true)]));
    const libraries = new Set<string>();
    for (const role of Object.values(AgentRole))
      for (const exp of Object.values(Experience)) libraries.add(prompt(role, exp, 'hi').systemBlocks![0]!);
    expect(libraries.size).toBe(1);
    const prefix = tools + estimateTokens([...libraries][0]!);
    expect(prefix).toBeGreaterThanOrEqual(PREFIX_TARGET_TOKENS);
    expect(prefix).toBeGreaterThanOrEqual(minCacheableTokens(DEFAULT_MODELS.quick));
    expect(prefix).toBeGreaterThanOrEqual(minCacheableTokens(DEFAULT_MODELS.deep));
  });

  it('holds nothing of a tenant or a turn: vertical, specializations and the conversation stay in the user message', () => {
    const a = prompt(AgentRole.BUYER_AGENT, Experience.NOVICE, 'Prices seem too high near Maple St.', {
      vertical: 'commercial',
    });
    const b = prompt(AgentRole.BUYER_AGENT, Experience.NOVICE, 'Can we tour Saturday?');
    expect(a.systemBlocks).toEqual(b.systemBlocks);
    expect(a.system).not.toMatch(/Maple St|Agent specializations:|Market vertical:/);
    expect(a.user).toMatch(/Agent specializations: LUXURY/);
    expect(a.user).toMatch(/Maple St/);
  });

  it('knows the documented minimums (dated ids by family; unknown models assumed to need the most)', () => {
    expect(minCacheableTokens('claude-haiku-4-5-20251001')).toBe(4_096);
    expect(minCacheableTokens('claude-sonnet-4-6')).toBe(2_048);
    expect(minCacheableTokens('claude-sonnet-4-5')).toBe(1_024);
    expect(minCacheableTokens('claude-opus-4-5-20251101')).toBe(4_096);
    expect(minCacheableTokens('someone-elses-model')).toBe(4_096);
  });
});

describe('prompt caching through the real SDK and the fake API', () => {
  let fake: FakeAnthropic;
  let clock = 0;
  beforeEach(async () => {
    clock = Date.parse('2026-12-07T10:00:00Z');
    fake = await start({ cache: { now: () => clock } });
    fake.setDefault({
      hints: [{ category: 'NEXT_STEP', text: 'Book the consult.', rationale: 'r', confidence: 0.6 }],
    });
  });
  afterEach(async () => {
    await fake.close();
  });

  const call = async (p: BuiltPrompt, model = HAIKU) => {
    const provider = createAnthropicProvider({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 });
    const res = await provider.generate(
      { prompt: p, model, coachInput: makeRequest() as never },
      () => undefined,
    );
    return res.usage;
  };

  it('Haiku: the first turn writes the prefix, the second turn (another tenant, another lead) reads it', async () => {
    const first = await call(prompt(AgentRole.BUYER_AGENT, Experience.NOVICE, 'Prices seem too high.'));
    expect(first.cacheReadInputTokens).toBe(0);
    expect(first.cacheCreationInputTokens).toBeGreaterThanOrEqual(4_096);

    const second = await call(
      prompt(AgentRole.BUYER_AGENT, Experience.NOVICE, 'Is the commission negotiable?'),
    );
    expect(second.cacheReadInputTokens).toBe(first.cacheCreationInputTokens);
    expect(second.cacheCreationInputTokens).toBe(0);
    expect(second.inputTokens).toBeLessThan(1_000);
    expect(costMicros(HAIKU, second)).toBeLessThan(costMicros(HAIKU, first) / 3);
  });

  it('another role reads the shared library and writes only its own agent block', async () => {
    const buyer = await call(prompt(AgentRole.BUYER_AGENT, Experience.NOVICE, 'Hi'));
    const tc = await call(prompt(AgentRole.TRANSACTION_COORDINATOR, Experience.EXPERT, 'Hi'));
    expect(tc.cacheReadInputTokens).toBeGreaterThanOrEqual(4_096);
    expect(tc.cacheCreationInputTokens).toBeGreaterThan(0);
    expect(tc.cacheCreationInputTokens).toBeLessThan(200);
    expect(tc.cacheReadInputTokens).toBeLessThan(buyer.cacheCreationInputTokens);
  });

  it('a different model misses; an entry unused for more than 5 minutes has expired', async () => {
    const p = prompt(AgentRole.LISTING_AGENT, Experience.EXPERIENCED, 'Hi');
    await call(p);
    const sonnet = await call(p, 'claude-sonnet-4-6');
    expect(sonnet.cacheReadInputTokens).toBe(0);
    expect(sonnet.cacheCreationInputTokens).toBeGreaterThan(0);
    clock += 4 * 60_000;
    expect((await call(p)).cacheReadInputTokens).toBeGreaterThan(0); // a read refreshes the TTL
    clock += 5 * 60_000 + 1;
    const expired = await call(p);
    expect(expired.cacheReadInputTokens).toBe(0);
    expect(expired.cacheCreationInputTokens).toBeGreaterThan(0);
  });

  it('a prefix under the model’s minimum is never cached (0 cache tokens), though a smaller minimum caches it', async () => {
    // about 2,000 estimated tokens: the size of the version-1 prompt
    const small: BuiltPrompt = { version: 't', system: 'Coach the agent. '.repeat(470), user: 'LEAD: hi' };
    for (let i = 0; i < 2; i++) {
      const u = await call(small);
      expect(u.cacheCreationInputTokens).toBe(0);
      expect(u.cacheReadInputTokens).toBe(0);
      expect(u.inputTokens).toBeGreaterThan(1_900);
    }
    await call(small, 'claude-sonnet-4-5'); // minimum 1,024
    expect((await call(small, 'claude-sonnet-4-5')).cacheReadInputTokens).toBeGreaterThan(1_900);
  });
});
