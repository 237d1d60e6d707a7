import { randomUUID } from 'node:crypto';
import { createAnalyticsSubgraph } from '../../../subgraphs/analytics';
import { MemberRole, type EventEnvelope } from '../../../core/vocabulary';
import { OutboxEvent } from '../../../core/outbox';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { delivered, feedback, opportunity, qualification, session } from './fixtures';

const T0 = new Date('2025-03-10T09:00:00Z'); // a Monday
const min = (m: number) => new Date(T0.getTime() + m * 60_000);
const DAY = { from: '2025-03-10T00:00:00Z', to: '2025-03-11T00:00:00Z' };

const SERIES = `query($f: AnalyticsFilter!, $g: Granularity!) { analytics(filter: $f, granularity: $g) {
  start hintsDelivered latencyP50Ms latencyP95Ms tokensIn tokensOut costMicros cacheHitRate acceptanceRate feedbackCount
  qualificationCompletion dealsWon roi attributedValueCents } }`;

interface Point {
  start: string;
  hintsDelivered: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  tokensIn: number;
  costMicros: number;
  cacheHitRate: number | null;
  acceptanceRate: number | null;
  feedbackCount: number;
  qualificationCompletion: number | null;
  dealsWon: number;
  roi: number | null;
  attributedValueCents: number;
}

describeEachDb('analytics subgraph (%s)', (kind) => {
  let h: SubgraphHarness;
  const A = randomUUID();
  const B = randomUUID();
  const [L1, L2] = [randomUUID(), randomUUID()];
  const [a1, a2] = [randomUUID(), randomUUID()];
  const [S1, S2, S0] = [randomUUID(), randomUUID(), randomUUID()];
  const owner = principal({ tenantId: A });

  async function publish(events: EventEnvelope[]) {
    for (const e of events) await h.events.publish(e);
    await h.events.drain();
  }

  beforeAll(async () => {
    h = await startHarness(createAnalyticsSubgraph({ relayIntervalMs: 20 }), kind);
    const s = await h.exec(
      owner,
      `mutation { updateAnalyticsSettings(input: { p95LatencyThresholdMs: 500, dailyCostThresholdMicros: 20000, minSamples: 5 }) { minSamples } }`,
    );
    expect(s.errors).toBeUndefined();

    // Yesterday's baseline: 5 hints, all accepted (no session contact).
    const base = Array.from({ length: 5 }, (_, i) =>
      delivered(A, new Date(T0.getTime() - 86_400_000 + i * 1000), {
        agentId: a1,
        sessionId: S0,
        locationId: L1,
      }),
    );
    await publish(base);
    await publish(base.map((e) => feedback(A, new Date(T0.getTime() - 86_000_000), e.payload, 'ACCEPTED')));

    // Today: a1 in L1, 20 hints at 09:xx, latencies 10..200 ms, every 4th cached.
    const h1 = Array.from({ length: 20 }, (_, i) =>
      delivered(A, min(i + 1), {
        agentId: a1,
        sessionId: S1,
        locationId: L1,
        latencyMs: (i + 1) * 10,
        cached: (i + 1) % 4 === 0,
      }),
    );
    // a2 in L2, 10 hints at 10:xx, 1000 ms each; the first one's feedback arrives BEFORE its delivery.
    const h2 = Array.from({ length: 10 }, (_, i) =>
      delivered(A, min(60 + i), { agentId: a2, sessionId: S2, locationId: L2, latencyMs: 1_000 }),
    );
    await publish([feedback(A, min(75), h2[0]!.payload, 'DISMISSED')]);
    await publish([...h1, ...h2]);
    await publish(h1.slice(0, 10).map((e, i) => feedback(A, min(30 + i), e.payload, 'ACCEPTED')));
    await publish(h1.slice(10, 14).map((e, i) => feedback(A, min(40 + i), e.payload, 'DISMISSED')));
    await publish(h1.slice(0, 10).map((e, i) => feedback(A, min(30 + i), e.payload, 'ACCEPTED'))); // the same verdicts again (new event ids): nothing changes

    // Sessions and outcomes: C1 (S1, accepted hints at 09:30) wins at 12:00 -> attributed;
    // C1's earlier win at 08:00 predates any acceptance -> not attributed; C2 (only dismissed) -> not attributed.
    await publish([opportunity(A, min(180), 'O1', 'C1', L1, 'won')]); // the win arrives before the session's contact
    await publish([session(A, min(0), S1, a1, L1, 'C1'), session(A, min(59), S2, a2, L2, 'C2')]);
    await publish([
      opportunity(A, min(-60), 'O0', 'C1', L1, 'won'),
      opportunity(A, min(180), 'O2', 'C2', L2, 'won'),
    ]);
    await publish([opportunity(A, min(181), 'O1', 'C1', L1, 'won')]); // duplicate status: counted once

    // Qualification: S1 40 then 80 (latest wins, even if delivered out of order), S2 50.
    await publish([
      qualification(A, min(20), S1, a1, L1, 80),
      qualification(A, min(5), S1, a1, L1, 40),
      qualification(A, min(65), S2, a2, L2, 50),
    ]);

    // Tenant B: some noise that A must never see.
    await publish([
      delivered(B, min(1), { agentId: a1, sessionId: randomUUID(), locationId: L1, latencyMs: 5 }),
    ]);
  });
  afterAll(() => h.close());

  it('computes the day from a known event set', async () => {
    const res = await h.exec<{ analytics: Point[] }>(owner, SERIES, { f: DAY, g: 'DAY' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.analytics).toHaveLength(1);
    const p = res.data!.analytics[0]!;
    expect(p.start).toBe('2025-03-10T00:00:00.000Z');
    expect(p.hintsDelivered).toBe(30);
    expect(p.tokensIn).toBe(3_000);
    expect(p.costMicros).toBe(30_000);
    expect(p.cacheHitRate).toBeCloseTo(5 / 30, 10);
    expect(p.acceptanceRate).toBeCloseTo(10 / 15, 10); // 10 accepted, 4 + 1 dismissed
    expect(p.feedbackCount).toBe(15);
    expect(p.qualificationCompletion).toBeCloseTo((80 + 50) / 200, 10);
    expect(p.dealsWon).toBe(1);
    expect(p.attributedValueCents).toBe(900_000);
    expect(p.roi).toBeCloseTo((900_000 - 3) / 3, 6); // cost 30,000 micros = 3 cents
  });

  it('reports latency percentiles from merged histograms', async () => {
    const res = await h.exec<{ analytics: Point[] }>(owner, SERIES, {
      f: { ...DAY, agentId: a1 },
      g: 'HOUR',
    });
    const [nine] = res.data!.analytics;
    expect(nine).toMatchObject({
      start: '2025-03-10T09:00:00.000Z',
      hintsDelivered: 20,
      latencyP50Ms: 100,
      latencyP95Ms: 190,
    });
    const all = await h.exec<{ analytics: Point[] }>(owner, SERIES, { f: DAY, g: 'WEEK' });
    expect(all.data!.analytics).toHaveLength(1);
    expect(all.data!.analytics[0]!.start).toBe('2025-03-10T00:00:00.000Z');
    // 30 values: 10..200 (20) and 1000 x 10 -> p50 is the 15th value (150), p95 the 29th (1000).
    expect(all.data!.analytics[0]).toMatchObject({ latencyP50Ms: 150, latencyP95Ms: 1_000 });
  });

  it('resolves Agent.performance and Organization.coachingSummary, with ROI from the tenant setting', async () => {
    await h.exec(
      owner,
      `mutation { updateAnalyticsSettings(input: { valuePerWonDealCents: 500000 }) { valuePerWonDealCents } }`,
    );
    const res = await h.exec<{
      _entities: ({
        performance?: Point & { dealsWon: number };
        coachingSummary?: Point & { activeAgents: number };
      } | null)[];
    }>(
      owner,
      `query($reps: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $reps) {
        ... on Agent { performance(from: $from, to: $to) { hintsDelivered dealsWon acceptanceRate roi latencyP95Ms } }
        ... on Organization { coachingSummary(from: $from, to: $to) { hintsDelivered dealsWon activeAgents roi } } } }`,
      {
        reps: [
          { __typename: 'Agent', id: a1 },
          { __typename: 'Agent', id: a2 },
          { __typename: 'Organization', id: A },
        ],
        ...DAY,
      },
    );
    expect(res.errors).toBeUndefined();
    const [p1, p2, org] = res.data!._entities;
    expect(p1!.performance).toMatchObject({ hintsDelivered: 20, dealsWon: 1, latencyP95Ms: 190 });
    expect(p1!.performance!.acceptanceRate).toBeCloseTo(10 / 14, 10);
    expect(p1!.performance!.roi).toBeCloseTo((500_000 - 2) / 2, 6);
    expect(p2!.performance).toMatchObject({ hintsDelivered: 10, dealsWon: 0, acceptanceRate: 0 });
    expect(org!.coachingSummary).toMatchObject({ hintsDelivered: 30, dealsWon: 1, activeAgents: 2 });
  });

  it('raises threshold alerts once, each announced by one analytics.alert.raised in the outbox', async () => {
    const res = await h.exec<{
      alerts: { id: string; kind: string; locationId: string | null; value: number; threshold: number }[];
    }>(
      owner,
      `query($from: DateTime!, $to: DateTime!) { alerts(from: $from, to: $to) { id kind locationId value threshold windowStart } }`,
      { from: DAY.from, to: DAY.to },
    );
    expect(res.errors).toBeUndefined();
    const kinds = res.data!.alerts.map((a) => `${a.kind}:${a.locationId ?? ''}`).sort();
    expect(kinds).toEqual(['ACCEPTANCE_DROP:', 'DAILY_COST:', `P95_LATENCY:${L2}`].sort());
    const cost = res.data!.alerts.find((a) => a.kind === 'DAILY_COST')!;
    expect(cost.threshold).toBe(20_000);
    expect(cost.value).toBeGreaterThan(20_000); // the day's cost when the first event crossed it
    // issue 10: alerts reach managers as they fire — one event per alert raised (consumed by analytics'
    // alertRaised fan-out and tenants' workflows), with what the alerts query shows
    const staged = await h.db.owner.em.fork().find(OutboxEvent, { type: 'analytics.alert.raised' });
    expect(staged).toHaveLength(3);
    for (const alert of res.data!.alerts) {
      const events = staged.filter((e) => (e.payload as { alertId: string }).alertId === alert.id);
      expect(events).toHaveLength(1);
      expect(events[0]!.payload).toMatchObject({
        kind: alert.kind,
        locationId: alert.locationId,
        value: alert.value,
        threshold: alert.threshold,
      });
    }
  });

  it("limits visibility to the principal's locations and an agent to their own numbers", async () => {
    const manager = principal({ tenantId: A, role: MemberRole.MANAGER, locationIds: [L1] });
    const m = await h.exec<{ analytics: Point[] }>(manager, SERIES, { f: DAY, g: 'DAY' });
    expect(m.data!.analytics[0]!.hintsDelivered).toBe(20);
    const forbidden = await h.exec(manager, SERIES, { f: { ...DAY, locationId: L2 }, g: 'DAY' });
    expect(forbidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const agent = principal({ tenantId: A, role: MemberRole.AGENT, agentId: a2, scopes: ['analytics:read'] });
    const own = await h.exec<{ analytics: Point[] }>(agent, SERIES, { f: DAY, g: 'DAY' });
    expect(own.data!.analytics[0]!.hintsDelivered).toBe(10);
    const other = await h.exec(agent, SERIES, { f: { ...DAY, agentId: a1 }, g: 'DAY' });
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const noScope = await h.exec(principal({ tenantId: A, role: MemberRole.AGENT, agentId: a2 }), SERIES, {
      f: DAY,
      g: 'DAY',
    });
    expect(noScope.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it("shows tenant B none of tenant A's analytics", async () => {
    const ownerB = principal({ tenantId: B });
    const series = await h.exec<{ analytics: Point[] }>(ownerB, SERIES, {
      f: { ...DAY, agentId: a2 },
      g: 'DAY',
    });
    expect(series.data!.analytics).toEqual([]);
    const perf = await h.exec<{ _entities: { performance: { hintsDelivered: number; dealsWon: number } }[] }>(
      ownerB,
      `query($from: DateTime!, $to: DateTime!) { _entities(representations: [{ __typename: "Agent", id: "${a2}" }]) { ... on Agent { performance(from: $from, to: $to) { hintsDelivered dealsWon } } } }`,
      DAY,
    );
    expect(perf.data!._entities[0]!.performance).toEqual({ hintsDelivered: 0, dealsWon: 0 });
    const alerts = await h.exec<{ alerts: unknown[] }>(
      ownerB,
      `query($from: DateTime!, $to: DateTime!) { alerts(from: $from, to: $to) { id } }`,
      DAY,
    );
    expect(alerts.data!.alerts).toEqual([]);
    const summary = await h.exec(
      ownerB,
      `query($from: DateTime!, $to: DateTime!) { _entities(representations: [{ __typename: "Organization", id: "${A}" }]) { ... on Organization { coachingSummary(from: $from, to: $to) { hintsDelivered } } } }`,
      DAY,
    );
    expect(summary.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
