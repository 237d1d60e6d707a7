/**
 * Prompt-cache bench: what a run of coaching turns costs on Claude Haiku 4.5 with the version-2 prompt (a cached
 * ~8.4k-token prefix), the same turns had nothing been cached, and a prompt the size of version 1 (~2k tokens,
 * under Haiku's 4,096-token floor, so never cached). Every call goes through the real `@anthropic-ai/sdk` to the
 * fake Anthropic API on loopback (tests/fixtures/fake-anthropic.ts), which reports cache creation / read tokens
 * by the API's rules; costs come from engine/pricing.ts (cache write 1.25× input, cache read 0.1×).
 *
 *   node -r @swc-node/register bench/prompt-cache.ts [--turns 30] [--count-tokens]
 *
 * Token counts are the fake's estimate (4 characters a token). With `--count-tokens` and ANTHROPIC_API_KEY set,
 * the real size of the cached prefix is asked of the API (`messages.countTokens`) and printed too.
 */
import Anthropic from '@anthropic-ai/sdk';
import { AgentRole, ConversationStage, Experience, Speaker } from '../core/vocabulary';
import { costMicros, type TokenUsage } from '../subgraphs/coaching/engine/pricing';
import { buildPrompt, type BuiltPrompt } from '../subgraphs/coaching/engine/prompts/build-prompt';
import {
  buildEmitHintsTool,
  createAnthropicProvider,
} from '../subgraphs/coaching/engine/providers/anthropic';
import { start } from '../tests/fixtures/fake-anthropic';

const MODEL = 'claude-haiku-4-5';
const LEADS = [
  'Prices seem way too high for what you get around here.',
  'Is the commission negotiable?',
  'We want to wait until spring, rates are crazy.',
  'Can we see the one on the corner this Saturday?',
  'The appraisal came in low, what now?',
  'My last agent pushed us into a bad deal.',
];
const PAIRS = Object.values(AgentRole).flatMap((role) =>
  Object.values(Experience).map((experience) => ({ role, experience })),
);

interface Totals extends TokenUsage {
  turns: number;
  micros: number;
}

function turnPrompt(i: number): BuiltPrompt {
  const { role, experience } = PAIRS[i % PAIRS.length]!;
  return buildPrompt({
    role,
    experience,
    specializations: [],
    stage: ConversationStage.QUALIFICATION,
    kind: 'QUICK',
    turns: [{ speaker: Speaker.LEAD, text: `${LEADS[i % LEADS.length]} (turn ${i + 1})` }],
    facts: { known: {}, missing: [], score: 0, suggestedStage: ConversationStage.QUALIFICATION, signals: [] },
  });
}

/** A prompt as large as version 1's (~7,000 characters of system text: about 2k tokens with the tool). */
function versionOneSized(p: BuiltPrompt): BuiltPrompt {
  const system = p.system.slice(0, 7_000);
  return { version: 'v1-sized', system, systemBlocks: [system], user: p.user };
}

function add(t: Totals, u: TokenUsage): void {
  t.turns += 1;
  t.inputTokens += u.inputTokens;
  t.outputTokens += u.outputTokens;
  t.cacheCreationInputTokens += u.cacheCreationInputTokens;
  t.cacheReadInputTokens += u.cacheReadInputTokens;
  t.micros += costMicros(MODEL, u);
}

const zero = (): Totals => ({
  turns: 0,
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
  micros: 0,
});

/** The same usage billed with no cache at all: every input token at the input price. */
function uncached(t: Totals): Totals {
  const all = t.inputTokens + t.cacheCreationInputTokens + t.cacheReadInputTokens;
  const u = {
    inputTokens: all,
    outputTokens: t.outputTokens,
    cacheCreationInputTokens: 0,
    cacheReadInputTokens: 0,
  };
  return { ...u, turns: t.turns, micros: costMicros(MODEL, u) };
}

async function run(turns: number, shape: (p: BuiltPrompt) => BuiltPrompt): Promise<Totals> {
  const fake = await start();
  fake.setDefault({
    hints: [{ category: 'NEXT_STEP', text: 'Offer two tour times.', rationale: 'r', confidence: 0.7 }],
    outputTokens: 60,
  });
  const provider = createAnthropicProvider({ apiKey: 'sk-bench', baseURL: fake.url, maxRetries: 0 });
  const totals = zero();
  try {
    for (let i = 0; i < turns; i++) {
      const res = await provider.generate(
        { prompt: shape(turnPrompt(i)), model: MODEL, coachInput: undefined as never },
        () => undefined,
      );
      add(totals, res.usage);
    }
  } finally {
    await fake.close();
  }
  return totals;
}

function row(name: string, t: Totals, base: Totals): string {
  const cells = [
    name,
    t.turns,
    t.inputTokens,
    t.cacheCreationInputTokens,
    t.cacheReadInputTokens,
    t.outputTokens,
    (t.micros / 1e6).toFixed(4),
    Math.round(t.micros / t.turns),
    `${Math.round((100 * t.micros) / base.micros)} %`,
  ];
  return `| ${cells.join(' | ')} |`;
}

async function realPrefixTokens(): Promise<string> {
  const key = process.env['ANTHROPIC_API_KEY'];
  if (!key) return 'set ANTHROPIC_API_KEY to count with the API';
  const client = new Anthropic({ apiKey: key });
  const p = turnPrompt(0);
  const res = await client.messages.countTokens({
    model: MODEL,
    system: [{ type: 'text', text: p.systemBlocks![0]! }],
    tools: [buildEmitHintsTool(false)],
    messages: [{ role: 'user', content: '.' }],
  });
  return `${res.input_tokens} (API count, tools + library + a one-character message)`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const turnsAt = args.indexOf('--turns');
  const turns = turnsAt >= 0 ? Number(args[turnsAt + 1]) : 30;
  const cached = await run(turns, (p) => p);
  const small = await run(turns, versionOneSized);
  const base = uncached(cached);
  const lines = [
    `Prompt cache on ${MODEL}: ${turns} turns cycling 3 roles × 3 experience levels, fake API (estimated tokens)`,
    '',
    '| prompt | turns | input | cache write | cache read | output | USD | µ$/turn | vs uncached v2 |',
    '|---|---|---|---|---|---|---|---|---|',
    row('v2 (cached prefix ~8.4k)', cached, base),
    row('v2, had nothing been cached', base, base),
    row('v1-sized (~2k, under the 4,096 floor)', small, base),
  ];
  if (args.includes('--count-tokens')) lines.push('', `Real prefix size: ${await realPrefixTokens()}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
