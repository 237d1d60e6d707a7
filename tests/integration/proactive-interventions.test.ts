/**
 * Proactive interventions through the gateway (issue 10, part 2): detectors over the turn stream push hints
 * nobody asked for on the session's `coachingHints`, each with its detector and a `reason`; a benign
 * conversation gets none; the per-session limit holds with many turns in flight; sessions of two tenants in
 * flight together each get only their own; the time-based detectors fire from per-session timers that the
 * session's end clears. Intervention latency (turn sent → hint received) is printed.
 */
import { randomUUID } from 'node:crypto';
import { DEMO, demoAgents } from '../../bin/demo-plan';
import type { CoachingRuntime } from '../../subgraphs/coaching/runtime';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { endSession, LiveSession, startSession } from '../helpers/live-session';

type Tenant = 'acme' | 'summit';
const CONTENT = ['OBJECTION', 'BUYING_SIGNAL', 'SENTIMENT_DROP', 'COMPLIANCE_RISK'];

/** Crafted conversations: turns (coach false, so content detectors are the only hints) and what must fire. */
const CRAFTED: { name: string; turns: ['LEAD' | 'AGENT', string][]; expect: string; reason: RegExp }[] = [
  {
    name: 'price objection',
    turns: [['LEAD', 'Honestly the list price feels way too high for that street']],
    expect: 'OBJECTION',
    reason: /PRICE objection/,
  },
  {
    name: 'buying signal',
    turns: [['LEAD', 'Can we schedule a showing on Saturday at 10?']],
    expect: 'BUYING_SIGNAL',
    reason: /next step \(.*schedule_request/,
  },
  {
    name: 'sentiment drop',
    turns: [
      ['LEAD', 'We love the area, thanks so much!'],
      ['AGENT', 'Great! I will send listings tonight.'],
      ['LEAD', 'Ugh, still nothing. This is frustrating, I am tired of waiting.'],
    ],
    expect: 'SENTIMENT_DROP',
    reason: /from POSITIVE to NEGATIVE/,
  },
  {
    name: 'agent steering (Fair Housing)',
    turns: [['AGENT', "That area is mostly white families, you'd fit right in."]],
    expect: 'COMPLIANCE_RISK',
    reason: /may steer by race or color/,
  },
  {
    name: 'agent promises returns',
    turns: [['AGENT', 'This home is guaranteed to appreciate, you really cannot lose.']],
    expect: 'COMPLIANCE_RISK',
    reason: /promises a return "guaranteed to appreciate"/,
  },
  {
    name: 'agent pressure',
    turns: [['AGENT', 'The offer expires tonight, you need to decide right now.']],
    expect: 'COMPLIANCE_RISK',
    reason: /pressure tactic "offer expires tonight"/,
  },
];

const BENIGN: ['LEAD' | 'AGENT', string][] = [
  ['LEAD', 'Hi! We are relocating to Austin in about 4 months.'],
  ['AGENT', 'Welcome! What is your budget and how many bedrooms do you need?'],
  ['LEAD', 'Around 500k, 3 bedrooms, we are pre-approved.'],
  ['AGENT', 'Great, comparable homes in Round Rock sold for 470k to 520k recently.'],
  ['LEAD', 'That sounds good, thanks.'],
  ['AGENT', 'You are welcome, I will send a few listings this afternoon.'],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function tenantId(tenant: Tenant): string {
  return DEMO[tenant].id;
}

describeEachDb('proactive interventions through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  const live: LiveSession[] = [];
  const latencies: number[] = [];
  const storedAt: number[] = [];
  const runtime = () => t.platform.services.coaching.instance.runtime as CoachingRuntime;

  beforeAll(async () => {
    t = await startTestPlatform(kind);
  }, 120_000);

  afterAll(async () => {
    for (const s of live) await s.close();
    await t?.close();
    if (latencies.length > 0)
      console.log(
        `[proactive ${kind}] intervention latency turn sent → hint received over ${latencies.length} hints: median ${median(latencies)} ms, max ${Math.max(...latencies)} ms; turn sent → hint stored: median ${median(storedAt)} ms, max ${Math.max(...storedAt)} ms (${storedAt.length} hints)`,
      );
  });

  async function open(tenant: Tenant, agentIndex = 0): Promise<LiveSession> {
    const agent = demoAgents(tenant)[agentIndex]!;
    const id = await startSession(t, t.apiKeys[tenant], agent.id, `c-pro-${randomUUID()}`);
    const s = await LiveSession.open(t, t.apiKeys[tenant], id);
    live.push(s);
    return s;
  }

  /** Adds the turns in order (coach false); returns when each mutation was sent. */
  async function play(s: LiveSession, turns: ['LEAD' | 'AGENT', string][]): Promise<number[]> {
    const sent: number[] = [];
    for (const [speaker, text] of turns) {
      sent.push(Date.now());
      const r = await s.addTurn(speaker, text, false);
      expect(r.errors).toBeUndefined();
    }
    return sent;
  }

  const contentDetectors = (s: LiveSession) =>
    s
      .proactive()
      .map((p) => p.hint.detector!)
      .filter((d) => CONTENT.includes(d));

  test.each(CRAFTED.map((c) => [c.name, c] as const))(
    '%s: its detector fires with its reason',
    async (_, c) => {
      const s = await open('acme');
      const sent = await play(s, c.turns);
      const pushed = await s.until(
        () => s.proactive().find((p) => p.hint.detector === c.expect),
        `${c.expect} intervention`,
      );
      latencies.push(pushed.at - sent[sent.length - 1]!);
      storedAt.push(Date.parse(pushed.hint.createdAt) - sent[sent.length - 1]!);
      expect(pushed.hint.reason).toMatch(new RegExp(`^${c.expect}: `));
      expect(pushed.hint.reason).toMatch(c.reason);
      expect(pushed.hint.nextBestAction.length).toBeGreaterThan(0);
      expect(pushed.hint.session.id).toBe(s.sessionId);
      await runtime().runs.idle();
      expect(contentDetectors(s)).toEqual([c.expect]);
      // stored like any hint: the session's history has it, with its reason
      const history = await t.gql<{ agentSession: { hints: { id: string; reason: string | null }[] } }>(
        'query ($id: ID!) { agentSession(id: $id) { hints { id reason } } }',
        { id: s.sessionId },
        { 'x-api-key': t.apiKeys.acme },
      );
      expect(history.data!.agentSession.hints).toContainEqual({
        id: pushed.hint.id,
        reason: pushed.hint.reason,
      });
      await endSession(t, t.apiKeys.acme, s.sessionId);
    },
  );

  test('a benign conversation gets no intervention', async () => {
    const s = await open('acme');
    await play(s, BENIGN);
    await runtime().runs.idle(); // every detection of those turns has run
    expect(s.proactive()).toEqual([]);
    // the agent answered: no AGENT_SLOW timer is waiting (LEAD_QUIET waits on the lead's reply)
    expect(runtime().proactive.timersOf(tenantId('acme'), s.sessionId).agentSlow).toBe(false);
  });

  test('the limit holds with many turns in flight: one hint per detector and cooldown', async () => {
    const s = await open('acme');
    const texts = Array.from({ length: 16 }, (_, i) => `The price is way too high, ${400 + i}k max for us`);
    const results = await Promise.all(texts.map((text) => s.addTurn('LEAD', text, false)));
    for (const r of results) expect(r.errors).toBeUndefined();
    await s.until(() => s.proactive().find((p) => p.hint.detector === 'OBJECTION'), 'an OBJECTION hint');
    await runtime().runs.idle();
    expect(s.proactive().filter((p) => p.hint.detector === 'OBJECTION')).toHaveLength(1);
    const agentTurns = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        s.addTurn('AGENT', `It is guaranteed to appreciate ${i + 5}% a year.`),
      ),
    );
    for (const r of agentTurns) expect(r.errors).toBeUndefined();
    await s.until(
      () => s.proactive().find((p) => p.hint.detector === 'COMPLIANCE_RISK'),
      'a compliance hint',
    );
    await runtime().runs.idle();
    expect(s.proactive().filter((p) => p.hint.detector === 'COMPLIANCE_RISK')).toHaveLength(1);
  });

  test('ending the session clears its timers: nothing fires after the end', async () => {
    const s = await open('acme');
    expect((await s.addTurn('LEAD', 'Hello, any news on the condo?', false)).errors).toBeUndefined();
    expect(runtime().proactive.timersOf(tenantId('acme'), s.sessionId).agentSlow).toBe(true);
    await endSession(t, t.apiKeys.acme, s.sessionId);
    await s.until(() => s.updates.find((u) => u.update.ended), 'sessionUpdated with ended');
    expect(runtime().proactive.timersOf(tenantId('acme'), s.sessionId)).toEqual({
      agentSlow: false,
      leadQuiet: false,
    });
    expect(s.proactive().filter((p) => p.hint.detector === 'AGENT_SLOW')).toEqual([]);
  });

  test('sessions of two tenants in flight together each get only their own interventions', async () => {
    const sessions = await Promise.all([
      ...[0, 1, 2].map((i) => open('acme', i)),
      ...[0, 1, 2].map((i) => open('summit', i)),
    ]);
    // identical risky text everywhere, sent together: each session must get exactly one, its own
    const text = "That area is mostly white families, you'd fit right in.";
    const sent = Date.now();
    const results = await Promise.all(sessions.map((s) => s.addTurn('AGENT', text, false)));
    for (const r of results) expect(r.errors).toBeUndefined();
    for (const s of sessions) {
      const p = await s.until(() => s.proactive()[0], `the intervention of ${s.sessionId}`);
      latencies.push(p.at - sent);
    }
    await runtime().runs.idle();
    for (const s of sessions) {
      expect(s.proactive()).toHaveLength(1);
      expect(s.proactive()[0]!.hint.session.id).toBe(s.sessionId);
      expect(s.proactive()[0]!.hint.detector).toBe('COMPLIANCE_RISK');
    }
    const ids = new Set(sessions.map((s) => s.proactive()[0]!.hint.id));
    expect(ids.size).toBe(sessions.length);
  });
});

describeEachDb('proactive time-based interventions (%s)', (kind) => {
  let t: TestPlatform;
  const live: LiveSession[] = [];
  const runtime = () => t.platform.services.coaching.instance.runtime as CoachingRuntime;

  beforeAll(async () => {
    t = await startTestPlatform(kind, {
      PROACTIVE_LEAD_QUIET_SECONDS: '1',
      PROACTIVE_AGENT_SLOW_SECONDS: '1',
    });
  }, 120_000);

  afterAll(async () => {
    for (const s of live) await s.close();
    await t?.close();
  });

  async function open(): Promise<LiveSession> {
    const agent = demoAgents('acme')[0]!;
    const id = await startSession(t, t.apiKeys.acme, agent.id, `c-time-${randomUUID()}`);
    const s = await LiveSession.open(t, t.apiKeys.acme, id);
    live.push(s);
    return s;
  }

  test('the agent slow to answer: AGENT_SLOW from the timer, with how long the lead waited', async () => {
    const s = await open();
    const sent = Date.now();
    expect((await s.addTurn('LEAD', 'Is the house on Elm still available?', false)).errors).toBeUndefined();
    const p = await s.until(() => s.proactive().find((x) => x.hint.detector === 'AGENT_SLOW'), 'AGENT_SLOW');
    expect(p.at - sent).toBeGreaterThanOrEqual(1000);
    expect(p.hint.reason).toMatch(/^AGENT_SLOW: the lead has waited 1 s for your reply$/);
    await endSession(t, t.apiKeys.acme, s.sessionId);
  });

  test('the lead gone quiet: LEAD_QUIET after the agent’s message; a lead reply in time prevents it', async () => {
    const s = await open();
    expect(
      (await s.addTurn('AGENT', 'Would Saturday at 10 work for a showing?', false)).errors,
    ).toBeUndefined();
    const p = await s.until(() => s.proactive().find((x) => x.hint.detector === 'LEAD_QUIET'), 'LEAD_QUIET');
    expect(p.hint.reason).toMatch(/^LEAD_QUIET: no reply from the lead for 1 s/);
    // the lead answers: the quiet timer is gone, the agent's is armed
    expect((await s.addTurn('LEAD', 'Sunday works', false)).errors).toBeUndefined();
    expect(runtime().proactive.timersOf(DEMO.acme.id, s.sessionId)).toEqual({
      agentSlow: true,
      leadQuiet: false,
    });
    await endSession(t, t.apiKeys.acme, s.sessionId);
  });
});
