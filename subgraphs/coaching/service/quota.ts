/**
 * The hint quota on the coaching path, from coaching's own data only: the limit from its quota view
 * (QuotaView, fed by billing's `billing.subscription.changed`), the count from its own QuotaCounter (Redis
 * under `<prefix>:coaching:quota` with REDIS_URL, in process otherwise), rebuilt from its own stored hints
 * when missing. Nothing here queries or calls billing.
 *
 * A run is admitted with a grant of one hint (its first) before the engine runs, and takes one more for each
 * further hint the engine starts (hint-allowance.ts); a hint the quota has no room for is never shown. Every
 * take is atomic, so however many runs of one tenant are in flight they never keep more hints than the
 * limit. When the run ends, what it took and did not keep is released. No view = no limit published for
 * the tenant: unmetered.
 *
 * When nothing is left, the request waits (bounded, `readModelWaitMs`) before answering QUOTA_EXCEEDED,
 * taking again whenever the tenant's quota may have changed: a plan change billing committed just before
 * is on its way as an event (its consumer wakes us), or a run in flight releases hints it did not use.
 */
import type { EntityManager } from '@mikro-orm/core';
import { withTenantScope } from '../../../core/db/request-scope';
import type { ArrivalKey } from '../../../core/events/arrivals';
import { currentPeriod, quotaExceeded, statusOf, type QuotaPeriod } from '../../../core/quota';
import { CoachingHint, QuotaView } from '../entities';
import type { CoachingRuntime } from '../runtime';

export interface QuotaGrant {
  tenantId: string;
  /** The period the hints were counted in; null when the tenant is unmetered. */
  period: QuotaPeriod | null;
  /** Hints the run may keep (grows as it takes more). */
  granted: number;
}

/** Whoever waits for a tenant's quota to change: woken by the quota consumer and by released grants. */
export function quotaArrival(tenantId: string): ArrivalKey {
  return { kind: 'coaching.quota', tenantId, id: tenantId };
}

/** The tenant's limit for the current period, read fresh (never from the identity map). */
async function periodOf(em: EntityManager, tenantId: string, now: Date): Promise<QuotaPeriod | null> {
  const view = await em.findOne(QuotaView, { tenantId }, { refresh: true });
  if (!view) return null;
  const stored = {
    limit: view.hintLimit,
    periodStart: view.periodStart.toISOString(),
    periodEnd: view.periodEnd.toISOString(),
  };
  return currentPeriod(stored, now);
}

/** Hints coaching stored for the tenant in the period: what a missing count starts from. */
function hintsIn(em: EntityManager, tenantId: string, period: QuotaPeriod): Promise<number> {
  return em.count(CoachingHint, {
    tenantId,
    createdAt: { $gte: new Date(period.periodStart), $lt: new Date(period.periodEnd) },
  });
}

export interface TakeHintsOptions {
  /** The request's EntityManager (tenant-scoped); default: a tenant scope of the runtime's ORM per lookup. */
  em?: EntityManager;
  /** Default 1: the run's first hint. */
  want?: number;
}

/** Admits one run: a grant of its first hint; throws QUOTA_EXCEEDED (remaining 0, resetsAt) when none is left. */
export async function takeHints(
  rt: CoachingRuntime,
  tenantId: string,
  opts: TakeHintsOptions = {},
): Promise<QuotaGrant> {
  const want = opts.want ?? 1;
  const inScope = <T>(fn: (em: EntityManager) => Promise<T>): Promise<T> =>
    opts.em ? fn(opts.em) : withTenantScope(rt.orm, tenantId, fn);
  let spent: QuotaPeriod | null = null;
  let used = 0;
  const attempt = async (): Promise<QuotaGrant | null> => {
    const period = await inScope((em) => periodOf(em, tenantId, new Date()));
    if (!period) return { tenantId, period: null, granted: want };
    const key = { tenantId, periodEnd: period.periodEnd };
    const rebuild = () => inScope((em) => hintsIn(em, tenantId, period));
    const taken = await rt.quota.take(key, period.limit, want, rebuild);
    if (taken.granted > 0) return { tenantId, period, granted: taken.granted };
    spent = period;
    used = taken.used;
    return null;
  };
  const grant = await rt.arrivals.await(quotaArrival(tenantId), attempt);
  if (grant) return grant;
  throw quotaExceeded(statusOf(used, spent));
}

/** Adds up to `n` hints to a run's grant, without waiting; returns how many were added. */
export async function takeMoreHints(rt: CoachingRuntime, grant: QuotaGrant, n: number): Promise<number> {
  const period = grant.period;
  if (!period) {
    grant.granted += n;
    return n;
  }
  const key = { tenantId: grant.tenantId, periodEnd: period.periodEnd };
  const rebuild = () => withTenantScope(rt.orm, grant.tenantId, (em) => hintsIn(em, grant.tenantId, period));
  const taken = await rt.quota.take(key, period.limit, n, rebuild);
  grant.granted += taken.granted;
  return taken.granted;
}

/** Ends a grant: the hints the run kept stay counted, the rest is released (and waiters woken). */
export async function settleHints(rt: CoachingRuntime, grant: QuotaGrant, kept: number): Promise<void> {
  const unused = grant.granted - Math.min(kept, grant.granted);
  if (!grant.period || unused <= 0) return;
  await rt.quota.release({ tenantId: grant.tenantId, periodEnd: grant.period.periodEnd }, unused);
  rt.arrivals.notify(quotaArrival(grant.tenantId));
}
