/**
 * Where an agent may be put: only at a location of the caller's own tenant, as the tenants subgraph
 * announced it (`tenants.location.upserted` → the KnownLocation read model). Another tenant's location
 * id answers exactly like one that does not exist (BAD_USER_INPUT on the field, after the same bounded
 * wait), so the answer leaks nothing about other tenants. The wait is for read-your-writes: a location
 * created a moment ago may not have reached this read model yet (core/events/arrivals.ts).
 */
import { Arrivals, type ArrivalKey } from '../../../core/events/arrivals';
import { BadUserInputError } from '../../../core/errors';
import { KnownLocation } from '../entities/known-location';
import type { AgentsContext } from './context';

export const LOCATION_ARRIVAL_KIND = 'agents.location';

export function locationArrival(tenantId: string, locationId: string): ArrivalKey {
  return { kind: LOCATION_ARRIVAL_KIND, tenantId, id: locationId };
}

/** Looks once, never waits (callers without the subgraph's arrivals, e.g. scripts). */
export const NO_LOCATION_WAIT = new Arrivals({ timeoutMs: 0 });

export async function assertTenantLocation(
  ctx: AgentsContext,
  arrivals: Arrivals,
  locationId: string,
  field = 'locationId',
): Promise<void> {
  const tenantId = ctx.principal.tenantId;
  const found = await arrivals.await(locationArrival(tenantId, locationId), () =>
    ctx.em.findOne(KnownLocation, { tenantId, locationId }),
  );
  if (!found) throw new BadUserInputError(field, 'no such location');
}
