/**
 * Who sees which analytics: `analytics:read`; only the principal's locations (plus the shared pool);
 * an AGENT only their own numbers.
 */
import type { FilterQuery } from '@mikro-orm/core';
import { BadUserInputError, ForbiddenError } from '../../../core/errors';
import { canSeeLocation, requireScope, type Principal } from '../../../core/principal';
import { MemberRole } from '../../../core/vocabulary';
import { HourBucket, NO_LOCATION } from '../entities/hour-bucket';

export interface RangeFilter {
  from: Date;
  to: Date;
  locationId?: string | null;
  agentId?: string | null;
}

const MAX_RANGE_MS = 400 * 24 * 3_600_000;

export function assertRange(from: Date, to: Date, maxMs = MAX_RANGE_MS): void {
  if (!(from.getTime() < to.getTime())) throw new BadUserInputError('to', 'must be after from');
  if (to.getTime() - from.getTime() > maxMs)
    throw new BadUserInputError('to', `range longer than ${Math.round(maxMs / 86_400_000)} days`);
}

/** The bucket conditions for this principal and filter (visibility always applied). */
export function visibleBuckets(p: Principal, f: RangeFilter): FilterQuery<HourBucket> {
  requireScope(p, 'analytics:read');
  assertRange(f.from, f.to);
  const where: Record<string, unknown> = { tenantId: p.tenantId, hourStart: { $gte: f.from, $lt: f.to } };
  if (f.locationId) {
    if (!canSeeLocation(p, f.locationId))
      throw new ForbiddenError('location not visible', { locationId: f.locationId });
    where['locationId'] = f.locationId;
  } else if (p.locationIds !== null) {
    where['locationId'] = { $in: [...p.locationIds, NO_LOCATION] };
  }
  if (p.role === MemberRole.AGENT) {
    if (!p.agentId || (f.agentId && f.agentId !== p.agentId))
      throw new ForbiddenError('agents see only their own analytics');
    where['agentId'] = p.agentId;
  } else if (f.agentId) {
    where['agentId'] = f.agentId;
  }
  return where as FilterQuery<HourBucket>;
}
