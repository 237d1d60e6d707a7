/**
 * One offline-coach analysis per lead turn (issue 13): the qualification's analysis travels with the turn's
 * CoachRequest and the engine reuses it — only for the same tenant and session and exactly the inputs the
 * analysis reads; otherwise the engine analyses anew. Either way the hints are the offline coach's own.
 */
import { AgentRole, ConversationStage, Experience, Speaker } from '../../../core/vocabulary';
import { MemoryCache } from '../../../core/cache';
import { CoachingVariant } from '../../../core/coaching-feature-vocabulary';
import {
  coachWithShared,
  shareAnalysis,
  type SharedAnalysis,
} from '../../../subgraphs/coaching/coach/conversation-analysis';
import { offlineCoach } from '../../../subgraphs/coaching/coach/offline-coach';
import type { CoachInput, Turn } from '../../../subgraphs/coaching/coach/types';
import { createCoachingEngine } from '../../../subgraphs/coaching/engine';
import type { CoachRequest, EngineEvent } from '../../../subgraphs/coaching/engine/types';

const lead = (text: string): Turn => ({ speaker: Speaker.LEAD, text });
const agentSays = (text: string): Turn => ({ speaker: Speaker.AGENT, text });
const scope = { tenantId: 'tenant-a', sessionId: 'session-a' };

function input(turns: Turn[], overrides: Partial<CoachInput> = {}): CoachInput {
  return {
    agent: { role: AgentRole.BUYER_AGENT, experience: Experience.NOVICE, specializations: [] },
    stage: ConversationStage.QUALIFICATION,
    turns,
    ...overrides,
  };
}

const PRICE = [agentSays('Hi! Homes in Austin?'), lead('The list price feels way too high, we max at 450k')];
const COMMISSION = [agentSays('Hi!'), lead('Is your commission negotiable? Another agent offered 1%.')];

/** An analysis of the commission turn, labelled as if it were made from `turns` for `made`. */
function forged(made: typeof scope, turns: Turn[]): SharedAnalysis {
  const real = shareAnalysis(made, input(turns));
  return { ...real, analysis: shareAnalysis(made, input(COMMISSION)).analysis };
}

describe('the shared analysis of a turn', () => {
  it.each([
    ['a price objection', PRICE],
    ['a commission objection', COMMISSION],
    ['a showing request', [lead('Can we see the one on Maple this Saturday around 10?')]],
    ['a timeline', [lead('We need to sell our current home first, maybe next spring.')]],
  ])('gives the offline coach its own answer for %s, whatever the stage, question or variant', (_, turns) => {
    const shared = shareAnalysis(scope, input(turns, { stage: ConversationStage.INITIAL_CONTACT }));
    const engineInput = input(turns, {
      stage: ConversationStage.NEGOTIATION,
      question: 'How do I answer that?',
      variant: CoachingVariant.EMPATHETIC,
    });
    expect(coachWithShared(engineInput, scope, shared)).toEqual(offlineCoach(engineInput));
  });

  it('is used when it was made for this session from these inputs', () => {
    const out = coachWithShared(input(PRICE), scope, forged(scope, PRICE));
    // the forged analysis is what answered: proof the engine does not analyse again
    expect(out.hints[0]!.objection).toBe(offlineCoach(input(COMMISSION)).hints[0]!.objection);
    expect(out.hints[0]!.objection).not.toBe(offlineCoach(input(PRICE)).hints[0]!.objection);
  });

  it.each([
    ['another tenant', { ...scope, tenantId: 'tenant-b' }, PRICE, {}],
    ['another session', { ...scope, sessionId: 'session-b' }, PRICE, {}],
    ['other turns', scope, [...PRICE, lead('ok')], {}],
    ['other remembered facts', scope, PRICE, { remembered: { budget: 300_000 } }],
    ['another vertical', scope, PRICE, { vertical: 'COMMERCIAL' }],
    ['another role', scope, PRICE, { agent: { ...input([]).agent, role: AgentRole.LISTING_AGENT } }],
  ])('is not used for %s', (_, madeFor, turns, overrides: Partial<CoachInput>) => {
    const shared = forged(madeFor, turns);
    const asked = input(PRICE, overrides);
    expect(coachWithShared(asked, scope, shared)).toEqual(offlineCoach(asked));
  });

  it('is not changed by the one who reuses it', () => {
    const shared = shareAnalysis(scope, input(PRICE));
    const before = structuredClone(shared.analysis);
    const out = coachWithShared(input(PRICE), scope, shared);
    out.slots.budget = 1;
    out.qualification.missing.length = 0;
    expect(shared.analysis).toEqual(before);
  });
});

describe('the engine with the turn’s analysis', () => {
  const engine = createCoachingEngine({ cache: new MemoryCache() });
  afterAll(() => engine.close?.());

  function request(sessionId: string, sharedAnalysis: SharedAnalysis): CoachRequest {
    return {
      ...scope,
      sessionId,
      agent: input([]).agent,
      stage: ConversationStage.QUALIFICATION,
      turns: PRICE,
      known: {},
      kind: 'QUICK',
      sharedAnalysis,
    };
  }

  async function firstHint(req: CoachRequest): Promise<string | undefined> {
    const events: EngineEvent[] = [];
    const result = await engine.run(req, (e) => events.push(e));
    expect(events.length).toBeGreaterThan(0);
    return result.hints[0]?.objection;
  }

  it("answers from the turn's analysis of its own session, not another session's", async () => {
    const commission = offlineCoach(input(COMMISSION)).hints[0]!.objection;
    const price = offlineCoach(input(PRICE)).hints[0]!.objection;
    expect(commission).not.toBe(price);
    expect(await firstHint(request('session-a', forged(scope, PRICE)))).toBe(commission);
    expect(await firstHint(request('session-b', forged(scope, PRICE)))).toBe(price);
  });
});
