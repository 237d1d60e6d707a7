/**
 * Where an agent may be put: only at a location of the caller's own tenant, as the tenants subgraph
 * announced it (`tenants.location.upserted` → the KnownLocation read model). Another tenant's location
 * id answers exactly like one that does not exist (BAD_USER_INPUT on the field, after the same bounded
 * wait), so the answer leaks nothing about other tenants. The wait is for read-your-writes: a location
 * created a moment ago may not have reached this read model yet (core/events/arrivals.ts). While the
 * consumer feeding the read model cannot hear events (Redis down, or back less than a moment ago) a
 * location it does not hold may well exist: that answers UPSTREAM_UNAVAILABLE, reason READ_MODEL_BEHIND,
 * with retryAfterSeconds — for an unknown or another tenant's id alike, so it still leaks nothing.
 */
import { Arrivals, type ArrivalKey } from '../../../core/events/arrivals';
import { ALWAYS_HEALTHY } from '../../../core/events/consumer-health';
import { BadUserInputError, ReadModelBehindError } from '../../../core/errors';
import type { LocationReadModel } from '../runtime';
import { KnownLocation } from '../entities/known-location';
import type { AgentsContext } from './context';

export const LOCATION_ARRIVAL_KIND = 'agents.location';

export function locationArrival(tenantId: string, locationId: string): ArrivalKey {
  return { kind: LOCATION_ARRIVAL_KIND, tenantId, id: locationId };
}

/** Looks once, never waits (callers without the subgraph's runtime, e.g. scripts). */
export const NO_LOCATION_WAIT: LocationReadModel = {
  locations: new Arrivals({ timeoutMs: 0 }),
  readModelHealth: () => ALWAYS_HEALTHY,
};

export async function assertTenantLocation(
  ctx: AgentsContext,
  readModel: LocationReadModel,
  locationId: string,
  field = 'locationId',
): Promise<void> {
  const tenantId = ctx.principal.tenantId;
  const found = await readModel.locations.await(locationArrival(tenantId, locationId), () =>
    ctx.em.findOne(KnownLocation, { tenantId, locationId }),
  );
  if (found) return;
  const health = readModel.readModelHealth();
  if (!health.healthy) throw new ReadModelBehindError('agents', health.retryAfterSeconds);
  throw new BadUserInputError(field, 'no such location');
}
