/**
 * draftReply's pipeline without a network: without a model every step is the offline coach's (and the
 * draft asks the next qualifying question); a model that fails is replaced step by step (FAILED), one
 * that is late is cut at the deadline (TIMED_OUT) and the answer comes at the budget, not when the model
 * would have finished; plan waits for analyze and retrieve, which run together.
 */
import { AgentRole, ConversationStage, Experience } from '../../../../core/vocabulary';
import { runDraft } from '../../../../subgraphs/coaching/drafting/run-draft';
import type { DraftModel } from '../../../../subgraphs/coaching/engine/providers/draft-model';
import { createOfflineDrafter } from '../../../../subgraphs/coaching/engine/providers/offline-draft';
import type { CoachRequest } from '../../../../subgraphs/coaching/engine/types';

const req: CoachRequest = {
  tenantId: 't',
  sessionId: 's',
  agent: { role: AgentRole.BUYER_AGENT, experience: Experience.NOVICE, specializations: [] },
  stage: ConversationStage.QUALIFICATION,
  turns: [{ speaker: 'LEAD' as never, text: "Hi, we're looking for a 3 bedroom home in Austin." }],
  known: {},
  kind: 'QUICK',
};
const offline = createOfflineDrafter();
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new Error('aborted'));
    });
  });

/** A model whose every step takes `ms` and records when it ran. */
function slowModel(ms: Record<string, number>, log: string[], fail = false): DraftModel {
  const answer = async <T>(name: string, value: T, signal: AbortSignal) => {
    log.push(`${name}:start`);
    await sleep(ms[name] ?? 0, signal);
    log.push(`${name}:end`);
    if (fail) throw new Error('model down');
    return { value, model: 'fake', tokensIn: 1, tokensOut: 1 };
  };
  return {
    kind: 'anthropic',
    begin: () => ({
      analyze: (s) =>
        answer('analyze', { intent: 'buy', sentiment: 'NEUTRAL', objections: [], summary: 'x' }, s),
      retrieve: (s) => answer('retrieve', { facts: ['3 bedrooms'] }, s),
      plan: (_a, _c, s) => answer('plan', { goal: 'ask budget', points: [] }, s),
      draft: (_a, _c, _p, s) => answer('draft', 'What budget do you have in mind?', s),
    }),
  };
}

describe('runDraft', () => {
  it('without a model: every step offline, a reply that asks for what is missing', async () => {
    const d = await runDraft({ model: null, offline }, req, 1_000);
    expect(d.steps.map((s) => s.source)).toEqual(['OFFLINE', 'OFFLINE', 'OFFLINE', 'OFFLINE']);
    expect(d.text).toMatch(/\?$/);
    expect(d.budgetExceeded).toBe(false);
    expect(d.elapsedMs).toBeLessThan(1_000); // the first call loads the offline classifier (~150 ms)
  });

  it('runs analyze and retrieve together, then plan, then draft', async () => {
    const log: string[] = [];
    const d = await runDraft(
      { model: slowModel({ analyze: 60, retrieve: 60, plan: 5, draft: 5 }, log), offline },
      req,
      2_000,
    );
    expect(log.slice(0, 2).sort()).toEqual(['analyze:start', 'retrieve:start']);
    expect(log.indexOf('plan:start')).toBeGreaterThan(
      Math.max(log.indexOf('analyze:end'), log.indexOf('retrieve:end')),
    );
    expect(d.text).toBe('What budget do you have in mind?');
    expect(d.tokensIn).toBe(4);
  });

  it('replaces failed steps and cuts a late one at the deadline', async () => {
    const failed = await runDraft({ model: slowModel({}, [], true), offline }, req, 1_000);
    expect(failed.steps.map((s) => s.source)).toEqual(['FAILED', 'FAILED', 'FAILED', 'FAILED']);
    const started = performance.now();
    const late = await runDraft({ model: slowModel({ draft: 10_000 }, []), offline }, req, 300);
    expect(performance.now() - started).toBeLessThan(450);
    expect(late.steps.map((s) => s.source)).toEqual(['MODEL', 'MODEL', 'MODEL', 'TIMED_OUT']);
    expect(late.budgetExceeded).toBe(true);
    expect(late.text.length).toBeGreaterThan(0);
  });
});
