/**
 * The bandit's durable state: one StrategyArm row per (tenant, role, stage, category, variant) and one
 * StrategyOutcome row per (hint, signal). Both writes are single SQL statements that cannot lose a concurrent
 * update — the outcome is inserted with ON CONFLICT DO NOTHING (a duplicate counts nothing), the arm is
 * created the same way and then incremented in place (`successes = successes + 1`) — so many outcomes of one
 * arm at the same moment are all counted, on SQLite and on PostgreSQL, without locks or read-modify-write.
 * Everything runs on the caller's tenant-scoped EntityManager (RLS on PostgreSQL) and names the tenant in
 * every statement: no state is shared across tenants.
 */
import { randomUUID } from 'node:crypto';
import { raw, type EntityManager } from '@mikro-orm/core';
import { sqlEm } from '../../../core/outbox';
import { COACHING_VARIANTS, type CoachingVariant } from '../coach/variants';
import { StrategyArm } from '../entities/strategy-arm';
import { OutcomeValue, StrategyOutcome, type OutcomeSignal } from '../entities/strategy-outcome';
import type { CoachingHint } from '../entities';
import { thompsonPick, type ArmCounts, type Rng } from './thompson';

/** The bandit context of a coaching run. */
export interface BanditContext {
  tenantId: string;
  role: string;
  stage: string;
}

interface SumRow {
  variant: string;
  successes: number | string | null;
  failures: number | string | null;
}

/** Each variant's counts in the context, summed over hint categories (an untried variant: 0/0). */
export async function variantCounts(
  em: EntityManager,
  ctx: BanditContext,
): Promise<ArmCounts<CoachingVariant>[]> {
  const rows = (await sqlEm(em)
    .createQueryBuilder(StrategyArm, 'a')
    .select(['a.variant', raw('sum(a.successes) as successes'), raw('sum(a.failures) as failures')])
    .where({ tenantId: ctx.tenantId, role: ctx.role, stage: ctx.stage })
    .groupBy('a.variant')
    .execute('all', false)) as unknown as SumRow[];
  const byVariant = new Map(rows.map((r) => [r.variant, r]));
  return COACHING_VARIANTS.map((arm) => {
    const r = byVariant.get(arm);
    return { arm, successes: Number(r?.successes ?? 0), failures: Number(r?.failures ?? 0) };
  });
}

/** Thompson sampling over the context's variants. */
export async function pickVariant(
  em: EntityManager,
  ctx: BanditContext,
  rng: Rng = Math.random,
): Promise<CoachingVariant> {
  return thompsonPick(await variantCounts(em, ctx), rng);
}

/** A hint whose strategy is known (hints stored before learning existed have none and teach nothing). */
export type LearnableHint = Pick<
  CoachingHint,
  'id' | 'tenantId' | 'agentId' | 'locationId' | 'category' | 'variant' | 'strategyRole' | 'strategyStage'
>;

export interface Outcome {
  signal: OutcomeSignal;
  value: OutcomeValue;
  /** What brought it: an event id, or the id of the turn that showed it. */
  eventId: string;
  at: Date;
}

/**
 * Records one outcome of a hint and, when it is new and not neutral, adds it to the hint's arm. Returns
 * whether it was new. Call inside a transaction: the outcome row and the increment commit together.
 */
export async function recordOutcome(em: EntityManager, hint: LearnableHint, o: Outcome): Promise<boolean> {
  const { variant, strategyRole: role, strategyStage: stage } = hint;
  if (!variant || !role || !stage) return false;
  const inserted = await sqlEm(em)
    .createQueryBuilder(StrategyOutcome)
    .insert({
      id: `${hint.id}:${o.signal}`,
      tenantId: hint.tenantId,
      hintId: hint.id,
      signal: o.signal,
      value: o.value,
      eventId: o.eventId.slice(0, 100),
      role,
      stage,
      category: hint.category,
      variant,
      agentId: hint.agentId,
      locationId: hint.locationId,
      at: o.at,
    })
    .onConflict('id')
    .ignore()
    .execute('run');
  if (inserted.affectedRows === 0) return false;
  if (o.value === OutcomeValue.NEUTRAL) return true;
  const key = { tenantId: hint.tenantId, role, stage, category: hint.category, variant };
  await sqlEm(em)
    .createQueryBuilder(StrategyArm)
    .insert({ id: randomUUID(), ...key, successes: 0, failures: 0, updatedAt: o.at })
    .onConflict(['tenantId', 'role', 'stage', 'category', 'variant'])
    .ignore()
    .execute('run');
  const success = o.value === OutcomeValue.SUCCESS;
  await sqlEm(em)
    .createQueryBuilder(StrategyArm)
    .update({
      [success ? 'successes' : 'failures']: raw(success ? 'successes + 1' : 'failures + 1'),
      updatedAt: o.at,
    })
    .where(key)
    .execute('run');
  return true;
}
