/**
 * draftReply through the gateway against the fake Anthropic server (the real SDK over loopback): the four
 * model calls are made once each, ANALYZE and RETRIEVE overlap (both reach the server before either
 * answers), the whole runs under its time budget — a draft still being written at the deadline is replaced
 * by the offline one, flagged — no PII leaves, and the Fair Housing guardrail withholds a steering draft.
 */
import { randomUUID } from 'node:crypto';
import { demoAgents } from '../../bin/demo-plan';
import {
  start as startFakeAnthropic,
  type Behaviour,
  type FakeAnthropic,
  type MessagesBody,
} from '../fixtures/fake-anthropic';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const STEP_DELAY_MS = 600;
const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const DRAFT = `mutation ($id: ID!, $budget: Int) { draftReply(sessionId: $id, budgetMs: $budget) {
  sessionId text context budgetMs elapsedMs budgetExceeded guardrailTriggered
  analysis { intent sentiment objections summary } plan { goal points }
  steps { step source startedMs endedMs model }
} }`;

interface Step {
  step: string;
  source: string;
  startedMs: number;
  endedMs: number;
  model: string;
}
interface Draft {
  sessionId: string;
  text: string;
  context: string[];
  budgetMs: number;
  elapsedMs: number;
  budgetExceeded: boolean;
  guardrailTriggered: boolean;
  analysis: { intent: string; sentiment: string; objections: string[]; summary: string };
  plan: { goal: string; points: string[] };
  steps: Step[];
}

const ANSWERS: Record<string, unknown> = {
  analyze_lead: {
    intent: 'book a showing',
    sentiment: 'POSITIVE',
    objections: [],
    summary: 'Ready to see homes.',
  },
  select_context: { facts: ['budget $450,000', 'wants Round Rock'] },
  plan_reply: { goal: 'Book the showing', points: ['confirm Saturday', 'send listings'] },
  write_reply: { text: 'Great! I can show you three homes in Round Rock on Saturday at 10. Does that work?' },
};

describeEachDb('draftReply through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  let fake: FakeAnthropic;
  /** When each tool's request reached the fake server (ms, performance clock). */
  let arrivals: { tool: string; at: number }[] = [];
  let override: Partial<Record<string, Behaviour>> = {};
  const agentId = demoAgents('acme')[0]!.id;

  const gql = async <T>(q: string, v: Record<string, unknown>): Promise<{ data?: T; errors?: unknown[] }> =>
    t.gql(q, v, { 'x-api-key': t.apiKeys.acme }) as never;
  async function sessionWithTurns(): Promise<string> {
    const s = await gql<{ startAgentSession: { id: string } }>(START, {
      input: { agentId, contactId: `dr-${randomUUID().slice(0, 8)}`, channel: 'SMS' },
    });
    const id = s.data!.startAgentSession.id;
    for (const text of [
      'Hi, we saw the Round Rock listings. Our budget is $450,000.',
      'Can we see some homes this Saturday? Email me at jane.doe@example.com or call 512-555-0199.',
    ])
      expect(
        (await gql(ADD_TURN, { input: { sessionId: id, speaker: 'LEAD', text, coach: false } })).errors,
      ).toBeUndefined();
    return id;
  }
  async function draft(id: string, budget?: number): Promise<Draft> {
    const res = await gql<{ draftReply: Draft }>(DRAFT, { id, budget });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.draftReply;
  }

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    fake.respond((body: MessagesBody) => {
      const tool = body.tools?.[0]?.name ?? '';
      if (!(tool in ANSWERS)) return { status: 400, message: 'not a draft step' };
      arrivals.push({ tool, at: performance.now() });
      const then: Behaviour = override[tool] ?? { rawInput: JSON.stringify(ANSWERS[tool]) };
      return { delayMs: tool === 'analyze_lead' || tool === 'select_context' ? STEP_DELAY_MS : 50, then };
    });
    t = await startTestPlatform(kind, {
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_BASE_URL: fake.url,
      DRAFT_BUDGET_MS: '4000',
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });
  beforeEach(() => {
    arrivals = [];
    override = {};
  });

  it('runs analyze ∥ retrieve, then plan, then draft: one model call each, the parallel two overlapping', async () => {
    const id = await sessionWithTurns();
    const d = await draft(id);
    expect(d).toMatchObject({
      sessionId: id,
      text: ANSWERS['write_reply'] && (ANSWERS['write_reply'] as { text: string }).text,
      context: ['budget $450,000', 'wants Round Rock'],
      analysis: { intent: 'book a showing', sentiment: 'POSITIVE' },
      plan: { goal: 'Book the showing' },
      budgetMs: 4000,
      budgetExceeded: false,
      guardrailTriggered: false,
    });
    expect(d.steps.map((s) => `${s.step}:${s.source}`)).toEqual([
      'ANALYZE:MODEL',
      'RETRIEVE:MODEL',
      'PLAN:MODEL',
      'DRAFT:MODEL',
    ]);
    // one call per step, counted at the server
    expect(arrivals.map((a) => a.tool).sort()).toEqual([
      'analyze_lead',
      'plan_reply',
      'select_context',
      'write_reply',
    ]);
    // the independent two reached the server before either could answer (each takes STEP_DELAY_MS) …
    const at = (tool: string) => arrivals.find((a) => a.tool === tool)!.at;
    const apart = Math.abs(at('analyze_lead') - at('select_context'));
    expect(apart).toBeLessThan(STEP_DELAY_MS);
    // … and overlap in the draft's own timeline; plan starts after both, draft after plan
    const [an, re, pl, dr] = d.steps as [Step, Step, Step, Step];
    expect(an.startedMs).toBeLessThan(re.endedMs);
    expect(re.startedMs).toBeLessThan(an.endedMs);
    expect(pl.startedMs).toBeGreaterThanOrEqual(Math.max(an.endedMs, re.endedMs));
    expect(dr.startedMs).toBeGreaterThanOrEqual(pl.endedMs);
    // parallel: the four calls took less than the two slow ones would one after the other (server delays alone)
    const window = dr.endedMs - Math.min(an.startedMs, re.startedMs);
    expect(window).toBeLessThan(2 * STEP_DELAY_MS);
    console.log(
      `[draftReply ${kind}] 4 calls in ${window} ms (one after the other ≥ ${2 * STEP_DELAY_MS + 100} ms), whole draft ${d.elapsedMs} ms; analyze/retrieve arrived ${apart.toFixed(0)} ms apart; steps ${d.steps.map((s) => `${s.step} ${s.startedMs}–${s.endedMs}`).join(', ')}`,
    );
    // nothing identifying left the process
    expect(fake.receivedText()).not.toMatch(/jane\.doe@example\.com|512-555-0199/);
  });

  it('returns the best available draft, flagged, when the budget runs out', async () => {
    override = { write_reply: { delayMs: 5_000 } };
    const id = await sessionWithTurns();
    const budget = 1_200;
    const started = performance.now();
    const d = await draft(id, budget);
    const wall = performance.now() - started;
    expect(d.budgetExceeded).toBe(true);
    expect(d.steps.map((s) => `${s.step}:${s.source}`)).toEqual([
      'ANALYZE:MODEL',
      'RETRIEVE:MODEL',
      'PLAN:MODEL',
      'DRAFT:TIMED_OUT',
    ]);
    expect(d.text.length).toBeGreaterThan(0);
    expect(d.analysis.intent).toBe('book a showing'); // what the model finished is kept
    expect(d.elapsedMs).toBeGreaterThanOrEqual(budget);
    expect(d.elapsedMs).toBeLessThan(budget + 250);
    console.log(
      `[draftReply ${kind}] budget ${budget} ms: answered after ${d.elapsedMs} ms (${wall.toFixed(0)} ms at the client), draft ${d.steps[3]!.source}`,
    );
  });

  it('withholds a draft that steers by a protected class', async () => {
    override = {
      write_reply: {
        rawInput: JSON.stringify({
          text: "You'd fit in better in Round Rock, it's mostly white families with good values.",
        }),
      },
    };
    const id = await sessionWithTurns();
    const d = await draft(id);
    expect(d.guardrailTriggered).toBe(true);
    expect(d.text).not.toMatch(/white families|fit in/i);
    expect(d.text.length).toBeGreaterThan(0);
  });

  it('refuses an ended session and a budget above the configured one', async () => {
    const id = await sessionWithTurns();
    const tooLong = await gql(DRAFT, { id, budget: 60_000 });
    expect(JSON.stringify(tooLong.errors)).toContain('BAD_USER_INPUT');
    await gql(`mutation ($id: ID!) { endAgentSession(id: $id) { id } }`, { id });
    // coaching learns the end from agents' event (its read model may lag it an instant)
    const ended = await eventually(async () => (await gql(DRAFT, { id })).errors ?? false);
    expect(JSON.stringify(ended)).toContain('SESSION_ENDED');
  });
});
