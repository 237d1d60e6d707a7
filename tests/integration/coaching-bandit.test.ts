/**
 * Learning from outcomes, through the gateway: every hint carries its strategy (category × variant); the agent's
 * verdicts reach the bandit's arms; `coachingEffectiveness` reports exactly what was sent (ratings, acceptance,
 * replies, the arm's counts and posterior mean); and two tenants that rate in opposite ways, in flight at the
 * same time, each converge on their own favourite variant — nothing one tenant teaches reaches the other.
 */
import { DEMO, demoAgents } from '../../bin/demo-plan';
import { signAccessToken } from '../../core/access-token';
import { ROLE_SCOPES, type Principal } from '../../core/principal';
import { MemberRole } from '../../core/vocabulary';
import { eventually } from '../helpers/eventually';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { TEST_JWT_SECRET } from '../helpers/subgraph-harness';
import { describeEachDb } from '../helpers/variants';

const jwtOpts = { secret: TEST_JWT_SECRET, issuer: 'coaching-platform', audience: 'coaching-api' };

function userToken(p: Partial<Principal> & Pick<Principal, 'tenantId' | 'role'>): Promise<string> {
  return signAccessToken(
    jwtOpts,
    {
      organizationId: p.tenantId,
      organizationIds: [p.tenantId],
      locationIds: [],
      scopes: ROLE_SCOPES[p.role],
      subject: `user:${p.role.toLowerCase()}`,
      ...p,
    },
    600,
  );
}

interface Strategy {
  category: string;
  variant: string;
  role: string;
  stage: string;
  key: string;
}
interface StoredHint {
  id: string;
  requestId: string;
  createdAt: string;
  strategy: Strategy | null;
}
interface Figures {
  category: string;
  variant: string;
  hints: number;
  rated: number;
  accepted: number;
  acceptanceRate: number | null;
  replies: number;
  replyRate: number | null;
  categoryAcceptanceRate: number | null;
  lift: number | null;
  successes: number;
  failures: number;
  posteriorMean: number;
}

const ROUNDS = 36;
/** A neutral message (no tone, no stage change after the first): only the verdicts teach the bandit. */
const LEAD_TEXT = 'We are looking at a few places in the area this month.';
const HINTS = `query ($id: ID!) { agentSession(id: $id) {
  hints(first: 100) { id requestId createdAt strategy { category variant role stage key } }
  turns(last: 200) { speaker at } } }`;
const EFFECTIVENESS = `query { coachingEffectiveness {
  category variant hints rated accepted acceptanceRate replies replyRate categoryAcceptanceRate lift
  successes failures posteriorMean } }`;

interface Tally {
  rated: Map<string, number>;
  accepted: Map<string, number>;
  picks: string[];
}

const bump = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};

describeEachDb('coaching bandit through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  const sessions: Record<'acme' | 'summit', string> = { acme: '', summit: '' };

  const as = (tenant: 'acme' | 'summit') => ({ 'x-api-key': t.apiKeys[tenant] });

  async function ok<T>(tenant: 'acme' | 'summit', query: string, variables?: Record<string, unknown>) {
    const r = await t.gql<T>(query, variables, as(tenant));
    if (r.errors) throw new Error(`${tenant}: ${JSON.stringify(r.errors)}`);
    return r.data!;
  }

  beforeAll(async () => {
    t = await startTestPlatform(kind);
    for (const tenant of ['acme', 'summit'] as const) {
      const agent = demoAgents(tenant).find((a) => a.role === 'BUYER_AGENT')!;
      const started = await ok<{ startAgentSession: { id: string } }>(
        tenant,
        'mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }',
        { input: { agentId: agent.id, contactId: `bandit-${tenant}`, channel: 'SMS' } },
      );
      sessions[tenant] = started.startAgentSession.id;
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  /** One coaching moment: the lead writes, the agent asks for coaching, rates the run's first hint. */
  async function round(tenant: 'acme' | 'summit', favourite: string, tally: Tally): Promise<void> {
    const sessionId = sessions[tenant];
    await ok(
      tenant,
      'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
      {
        input: { sessionId, speaker: 'LEAD', text: LEAD_TEXT, coach: false },
      },
    );
    const run = await ok<{ requestCoaching: { id: string } }>(
      tenant,
      'mutation ($s: ID!) { requestCoaching(sessionId: $s) { id } }',
      { s: sessionId },
    );
    const runId = run.requestCoaching.id;
    // the run stores its hints in the background; nothing but the subscription announces them
    const first = await eventually(
      async () => {
        const d = await ok<{ agentSession: { hints: StoredHint[] } }>(tenant, HINTS, { id: sessionId });
        const mine = d.agentSession.hints.filter((h) => h.requestId === runId);
        return mine.length > 0 ? mine.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]! : false;
      },
      { timeoutMs: 15_000, what: `the hints of run ${runId}` },
    );
    expect(first.strategy).not.toBeNull();
    const s = first.strategy!;
    expect(s.key).toBe(`${s.category}/${s.variant}`);
    expect(s.role).toBe('BUYER_AGENT');
    const verdict = s.variant === favourite ? 'ACCEPTED' : 'DISMISSED';
    await ok(
      tenant,
      'mutation ($h: ID!, $v: HintVerdict!) { rateHint(hintId: $h, verdict: $v) { id status } }',
      {
        h: first.id,
        v: verdict,
      },
    );
    bump(tally.rated, s.key);
    if (verdict === 'ACCEPTED') bump(tally.accepted, s.key);
    tally.picks.push(s.variant);
  }

  async function teach(tenant: 'acme' | 'summit', favourite: string): Promise<Tally> {
    const tally: Tally = { rated: new Map(), accepted: new Map(), picks: [] };
    for (let i = 0; i < ROUNDS; i++) await round(tenant, favourite, tally);
    return tally;
  }

  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

  test('two tenants rating in opposite ways at the same time each converge on their own variant', async () => {
    // acme's agents accept EMPATHETIC hints and dismiss the rest; summit's accept QUESTION_LED ones
    const [acme, summit] = await Promise.all([teach('acme', 'EMPATHETIC'), teach('summit', 'QUESTION_LED')]);

    for (const [tenant, tally, favourite, other] of [
      ['acme', acme, 'EMPATHETIC', 'QUESTION_LED'],
      ['summit', summit, 'QUESTION_LED', 'EMPATHETIC'],
    ] as const) {
      const last = tally.picks.slice(-10);
      // the figure, for the report
      process.stdout.write(
        `${kind} ${tenant}: picks ${tally.picks.map((p) => p[0]).join('')} — last 10: ` +
          `${last.filter((p) => p === favourite).length}/10 ${favourite}\n`,
      );
      expect(last.filter((p) => p === favourite).length).toBeGreaterThanOrEqual(8);

      // the verdicts reach the arms (a consumer applies them: wait until every one is counted)
      const figures = await eventually(
        async () => {
          const d = await ok<{ coachingEffectiveness: Figures[] }>(tenant, EFFECTIVENESS);
          const rows = d.coachingEffectiveness;
          const counted = rows.reduce((a, r) => a + r.successes + r.failures, 0);
          return counted >= sum(tally.rated) ? rows : false;
        },
        { timeoutMs: 15_000, what: `${tenant}'s verdicts in the arms` },
      );

      // what coachingEffectiveness reports is exactly what was sent, per strategy
      const byKey = new Map(figures.map((f) => [`${f.category}/${f.variant}`, f]));
      for (const [key, rated] of tally.rated) {
        const f = byKey.get(key)!;
        const accepted = tally.accepted.get(key) ?? 0;
        expect({ key, rated: f.rated, accepted: f.accepted }).toEqual({ key, rated, accepted });
        expect(f.acceptanceRate).toBeCloseTo(accepted / rated, 10);
        // neutral replies teach nothing: the arm holds exactly the verdicts
        expect({ key, successes: f.successes, failures: f.failures }).toEqual({
          key,
          successes: accepted,
          failures: rated - accepted,
        });
        expect(f.posteriorMean).toBeCloseTo((1 + accepted) / (2 + rated), 10);
      }
      expect(figures.reduce((a, f) => a + f.rated, 0)).toBe(sum(tally.rated));
      // lift against the category's baseline: the favourite's strategies beat it, the others fall below
      for (const f of figures.filter((x) => x.rated > 0 && x.categoryAcceptanceRate)) {
        const baseline = figures
          .filter((x) => x.category === f.category)
          .reduce((a, x) => ({ acc: a.acc + x.accepted, rated: a.rated + x.rated }), { acc: 0, rated: 0 });
        expect(f.categoryAcceptanceRate).toBeCloseTo(baseline.acc / baseline.rated, 10);
        expect(f.lift).toBeCloseTo(f.acceptanceRate! / f.categoryAcceptanceRate! - 1, 10);
      }
      const mean = (variant: string): number => {
        const rows = figures.filter((f) => f.variant === variant);
        const s = rows.reduce((a, f) => a + f.successes, 0);
        const n = rows.reduce((a, f) => a + f.successes + f.failures, 0);
        return (1 + s) / (2 + n);
      };
      // each tenant's bandit believes in its own favourite, not in the other tenant's
      expect(mean(favourite)).toBeGreaterThan(0.8);
      // (never above the prior: an arm this tenant never tried stays at 0.5, a tried one was dismissed)
      expect(mean(other)).toBeLessThanOrEqual(0.5);
      expect(mean(other)).toBeLessThan(mean(favourite));
      expect(figures.filter((f) => f.variant === other).every((f) => f.accepted === 0)).toBe(true);

      // replies: every hint stored before a later lead message was replied to, and only those
      const d = await ok<{ agentSession: { hints: StoredHint[]; turns: { speaker: string; at: string }[] } }>(
        tenant,
        HINTS,
        { id: sessions[tenant] },
      );
      const lastLead = d.agentSession.turns
        .filter((x) => x.speaker === 'LEAD')
        .map((x) => x.at)
        .sort()
        .at(-1)!;
      const replied = new Map<string, number>();
      for (const h of d.agentSession.hints)
        if (h.strategy && h.createdAt < lastLead) bump(replied, h.strategy.key);
      for (const f of figures) {
        const key = `${f.category}/${f.variant}`;
        expect({ key, replies: f.replies }).toEqual({ key, replies: replied.get(key) ?? 0 });
        expect(f.replyRate).toBeCloseTo(f.hints ? f.replies / f.hints : 0, 10);
      }
      expect(figures.reduce((a, f) => a + f.hints, 0)).toBe(d.agentSession.hints.length);
    }
  }, 240_000);

  test("a MANAGER sees the hints of their locations, with the organization's posterior", async () => {
    const agent = demoAgents('acme').find((a) => a.role === 'BUYER_AGENT')!;
    const other = DEMO.acme.locations.map((l) => l.id).find((id) => id !== agent.locationId)!;
    const figures = async (token: string) => {
      const r = await t.gql<{ coachingEffectiveness: Figures[] }>(
        EFFECTIVENESS,
        {},
        { authorization: `Bearer ${token}` },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.coachingEffectiveness;
    };
    const total = (rows: Figures[], k: 'hints' | 'rated' | 'successes') => rows.reduce((a, f) => a + f[k], 0);
    const owner = await figures(
      await userToken({ tenantId: DEMO.acme.id, role: MemberRole.OWNER, locationIds: null }),
    );
    const theirs = await figures(
      await userToken({ tenantId: DEMO.acme.id, role: MemberRole.MANAGER, locationIds: [agent.locationId!] }),
    );
    const elsewhere = await figures(
      await userToken({ tenantId: DEMO.acme.id, role: MemberRole.MANAGER, locationIds: [other] }),
    );
    expect(total(owner, 'rated')).toBe(ROUNDS);
    expect(total(theirs, 'hints')).toBe(total(owner, 'hints'));
    expect(total(elsewhere, 'hints')).toBe(0);
    // the bandit learns per organization: its counts are the same whoever asks
    expect(total(elsewhere, 'successes')).toBe(total(owner, 'successes'));
    expect(total(owner, 'successes')).toBeGreaterThan(0);
  });

  test('needs coaching:read', async () => {
    const r = await t.gql(EFFECTIVENESS, {}, {});
    expect(r.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
