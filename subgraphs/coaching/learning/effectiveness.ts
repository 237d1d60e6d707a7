/**
 * `coachingEffectiveness`: per strategy (hint category × variant), what the hints the caller may see achieved —
 * hints shown, acceptance (accepted / rated), the lead's replies (replied / shown, and their tone), the lift of
 * the acceptance rate over the category's baseline (all variants of the category together) — next to what the
 * bandit believes: the arm's counts and posterior mean, Beta(1 + successes, 1 + failures).
 *
 * Hint figures follow the coaching visibility rules (a MANAGER: their locations and the shared pool; an
 * AGENT: their own hints). The arms are the tenant's (the bandit learns per tenant, role and stage, not per
 * location), so the posterior is the same for every caller of a tenant and never mixes two tenants.
 */
import { raw, type EntityManager } from '@mikro-orm/core';
import { ForbiddenError } from '../../../core/errors';
import type { Principal } from '../../../core/principal';
import { sqlEm } from '../../../core/outbox';
import { HintCategory, MemberRole } from '../../../core/vocabulary';
import { COACHING_VARIANTS, type CoachingVariant } from '../coach/variants';
import { CoachingHint, StrategyArm, StrategyOutcome } from '../entities';
import { OutcomeSignal, OutcomeValue } from '../entities/strategy-outcome';
import { requireRead } from '../service/access';
import { posteriorMean } from './thompson';

export interface EffectivenessFilter {
  role?: string | null;
  stage?: string | null;
}

export interface StrategyFigures {
  category: HintCategory;
  variant: CoachingVariant;
  hints: number;
  rated: number;
  accepted: number;
  acceptanceRate: number | null;
  replies: number;
  positiveReplies: number;
  negativeReplies: number;
  replyRate: number | null;
  categoryAcceptanceRate: number | null;
  lift: number | null;
  successes: number;
  failures: number;
  posteriorMean: number;
}

type Row = Record<string, string | number | null>;

/** The hint conditions for this caller: tenant, visibility, strategy context. */
function visible(p: Principal): Record<string, unknown> {
  const where: Record<string, unknown> = { tenantId: p.tenantId };
  if (p.locationIds !== null) where['$or'] = [{ locationId: { $in: p.locationIds } }, { locationId: null }];
  if (p.role === MemberRole.AGENT) {
    if (!p.agentId) throw new ForbiddenError('agents see only their own coaching figures');
    where['agentId'] = p.agentId;
  }
  return where;
}

function context(f: EffectivenessFilter, roleKey: string, stageKey: string): Record<string, unknown> {
  return { ...(f.role ? { [roleKey]: f.role } : {}), ...(f.stage ? { [stageKey]: f.stage } : {}) };
}

const key = (category: unknown, variant: unknown): string => `${String(category)}/${String(variant)}`;
const num = (v: unknown): number => Number(v ?? 0);

async function hintRows(em: EntityManager, p: Principal, f: EffectivenessFilter): Promise<Row[]> {
  return (await sqlEm(em)
    .createQueryBuilder(CoachingHint, 'h')
    .select([
      'h.category',
      'h.variant',
      raw('count(*) as hints'),
      raw(`sum(case when h.status = 'ACCEPTED' then 1 else 0 end) as accepted`),
      raw(`sum(case when h.status <> 'SHOWN' then 1 else 0 end) as rated`),
    ])
    .where({ ...visible(p), variant: { $ne: null }, ...context(f, 'strategyRole', 'strategyStage') })
    .groupBy(['h.category', 'h.variant'])
    .execute('all', false)) as unknown as Row[];
}

async function replyRows(em: EntityManager, p: Principal, f: EffectivenessFilter): Promise<Row[]> {
  return (await sqlEm(em)
    .createQueryBuilder(StrategyOutcome, 'o')
    .select(['o.category', 'o.variant', 'o.value', raw('count(*) as n')])
    .where({ ...visible(p), signal: OutcomeSignal.REPLY, ...context(f, 'role', 'stage') })
    .groupBy(['o.category', 'o.variant', 'o.value'])
    .execute('all', false)) as unknown as Row[];
}

async function armRows(em: EntityManager, p: Principal, f: EffectivenessFilter): Promise<Row[]> {
  return (await sqlEm(em)
    .createQueryBuilder(StrategyArm, 'a')
    .select([
      'a.category',
      'a.variant',
      raw('sum(a.successes) as successes'),
      raw('sum(a.failures) as failures'),
    ])
    .where({ tenantId: p.tenantId, ...context(f, 'role', 'stage') })
    .groupBy(['a.category', 'a.variant'])
    .execute('all', false)) as unknown as Row[];
}

function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export async function coachingEffectiveness(
  p: Principal,
  em: EntityManager,
  f: EffectivenessFilter,
): Promise<StrategyFigures[]> {
  requireRead(p);
  // one after another: on PostgreSQL they share the request's transaction (one connection)
  const hints = await hintRows(em, p, f);
  const replies = await replyRows(em, p, f);
  const arms = await armRows(em, p, f);

  const out = new Map<string, StrategyFigures>();
  const at = (category: unknown, variant: unknown): StrategyFigures | undefined => {
    if (!COACHING_VARIANTS.includes(variant as CoachingVariant)) return undefined;
    const k = key(category, variant);
    let s = out.get(k);
    if (!s) {
      s = {
        category: category as HintCategory,
        variant: variant as CoachingVariant,
        hints: 0,
        rated: 0,
        accepted: 0,
        acceptanceRate: null,
        replies: 0,
        positiveReplies: 0,
        negativeReplies: 0,
        replyRate: null,
        categoryAcceptanceRate: null,
        lift: null,
        successes: 0,
        failures: 0,
        posteriorMean: posteriorMean(0, 0),
      };
      out.set(k, s);
    }
    return s;
  };
  for (const r of hints) {
    const s = at(r['category'], r['variant']);
    if (!s) continue;
    s.hints = num(r['hints']);
    s.accepted = num(r['accepted']);
    s.rated = num(r['rated']);
  }
  for (const r of replies) {
    const s = at(r['category'], r['variant']);
    if (!s) continue;
    const n = num(r['n']);
    s.replies += n;
    if (r['value'] === OutcomeValue.SUCCESS) s.positiveReplies += n;
    if (r['value'] === OutcomeValue.FAILURE) s.negativeReplies += n;
  }
  for (const r of arms) {
    const s = at(r['category'], r['variant']);
    if (!s) continue;
    s.successes = num(r['successes']);
    s.failures = num(r['failures']);
  }
  return finish([...out.values()]);
}

/** Rates, the category baselines and the lifts; rows ordered by category, then variant. */
function finish(rows: StrategyFigures[]): StrategyFigures[] {
  const baseline = new Map<string, { accepted: number; rated: number }>();
  for (const s of rows) {
    const b = baseline.get(s.category) ?? { accepted: 0, rated: 0 };
    b.accepted += s.accepted;
    b.rated += s.rated;
    baseline.set(s.category, b);
  }
  const categories = Object.values(HintCategory) as string[];
  for (const s of rows) {
    const b = baseline.get(s.category)!;
    s.acceptanceRate = rate(s.accepted, s.rated);
    s.replyRate = rate(s.replies, s.hints);
    s.categoryAcceptanceRate = rate(b.accepted, b.rated);
    s.lift =
      s.acceptanceRate !== null && s.categoryAcceptanceRate
        ? s.acceptanceRate / s.categoryAcceptanceRate - 1
        : null;
    s.posteriorMean = posteriorMean(s.successes, s.failures);
  }
  return rows.sort(
    (a, b) =>
      categories.indexOf(a.category) - categories.indexOf(b.category) ||
      COACHING_VARIANTS.indexOf(a.variant) - COACHING_VARIANTS.indexOf(b.variant),
  );
}
