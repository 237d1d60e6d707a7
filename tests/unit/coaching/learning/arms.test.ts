/**
 * The bandit's arms under concurrent outcomes: many `coaching.hint.feedback` events of two tenants, each
 * delivered twice, all handled at the same moment (Redis Streams consumers run many at once) — every verdict
 * counts exactly once (atomic increments, no read-modify-write; idempotent on the event and on (hint, signal)),
 * and each tenant's arms and picks hold only that tenant's verdicts.
 */
import { randomUUID } from 'node:crypto';
import { withTenantScope } from '../../../../core/db/request-scope';
import { EventTypes, type EventEnvelope, type HintFeedbackPayload } from '../../../../core/vocabulary';
import { coachingSubgraph } from '../../../../subgraphs/coaching';
import { CoachingVariant } from '../../../../subgraphs/coaching/coach/variants';
import { learningConsumer } from '../../../../subgraphs/coaching/consumers/learning';
import { CoachingHint, StrategyArm, StrategyOutcome } from '../../../../subgraphs/coaching/entities';
import { pickVariant, variantCounts } from '../../../../subgraphs/coaching/learning/arms';
import { seededRng } from '../../../../subgraphs/coaching/learning/thompson';
import { createTestDb, type TestDb } from '../../../helpers/db';
import { describeEachDb } from '../../../helpers/variants';
import { hintRow, ROLE, STAGE } from './hint-row';

function feedback(hint: Partial<CoachingHint>, verdict: 'ACCEPTED' | 'DISMISSED'): EventEnvelope {
  const payload: HintFeedbackPayload = {
    hintId: hint.id!,
    sessionId: hint.sessionId!,
    agentId: hint.agentId!,
    verdict,
  };
  return {
    id: randomUUID(),
    type: EventTypes.coachingHintFeedback,
    tenantId: hint.tenantId!,
    at: new Date().toISOString(),
    version: 1,
    payload,
  };
}

describeEachDb('coaching bandit arms, concurrent outcomes (%s)', (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind, 'coaching', coachingSubgraph.entities, coachingSubgraph.migrations);
  });
  afterAll(() => db.close());

  it('counts every verdict once, per tenant, with everything in flight together', async () => {
    const tenants: string[] = [randomUUID(), randomUUID()];
    // tenant 0 accepts EMPATHETIC and dismisses DIRECT; tenant 1 the opposite
    const favourite = [CoachingVariant.EMPATHETIC, CoachingVariant.DIRECT];
    const hints = tenants.flatMap((tenantId) =>
      [CoachingVariant.EMPATHETIC, CoachingVariant.DIRECT].flatMap((variant) =>
        Array.from({ length: 30 }, () => hintRow(tenantId, variant)),
      ),
    );
    const seed = db.owner.em.fork();
    for (const h of hints) seed.create(CoachingHint, h as CoachingHint);
    await seed.flush();

    const invalid: unknown[] = [];
    const handle = learningConsumer(db.orm, (_e, err) => invalid.push(err));
    const events = hints.map((h) => {
      const t = tenants.indexOf(h.tenantId!);
      return feedback(h, h.variant === favourite[t] ? 'ACCEPTED' : 'DISMISSED');
    });
    // every event delivered twice, all at once; and a second verdict on the same hint counts nothing
    const rerated = events.slice(0, 5).map((e) => ({
      ...e,
      id: randomUUID(),
      payload: { ...(e.payload as HintFeedbackPayload), verdict: 'DISMISSED' as const },
    }));
    const results = await Promise.allSettled([...events, ...events, ...rerated].map((e) => handle(e)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(invalid).toEqual([]);

    for (const [t, tenantId] of tenants.entries()) {
      const counts = await withTenantScope(db.orm, tenantId, (em) =>
        variantCounts(em, { tenantId, role: ROLE, stage: STAGE }),
      );
      const other = favourite[1 - t]!;
      expect(counts.find((c) => c.arm === favourite[t])).toMatchObject({ successes: 30, failures: 0 });
      expect(counts.find((c) => c.arm === other)).toMatchObject({ successes: 0, failures: 30 });
      expect(counts.find((c) => c.arm === CoachingVariant.QUESTION_LED)).toMatchObject({
        successes: 0,
        failures: 0,
      });
      // the tenant's own posteriors decide its picks: its favourite nearly always, never the other's by mistake
      const rng = seededRng(9);
      const picks = await withTenantScope(db.orm, tenantId, async (em) => {
        const out: string[] = [];
        for (let i = 0; i < 50; i++)
          out.push(await pickVariant(em, { tenantId, role: ROLE, stage: STAGE }, rng));
        return out;
      });
      expect(picks.filter((p) => p === favourite[t]).length).toBeGreaterThanOrEqual(45);
      expect(picks.filter((p) => p === other).length).toBe(0);
    }
    const scope = db.owner.em.fork();
    expect(await scope.count(StrategyOutcome, { tenantId: { $in: tenants } }, { filters: false })).toBe(120);
    expect(await scope.count(StrategyArm, { tenantId: { $in: tenants } }, { filters: false })).toBe(4);
  });
});
