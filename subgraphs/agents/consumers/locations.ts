/**
 * The `agents-locations` consumer group: applies `tenants.location.upserted` to the KnownLocation read
 * model — once per event (core consumeOnce), in the event's tenant scope (RLS on PostgreSQL) — then wakes
 * the requests waiting for that location (read-your-writes: createAgent right after createLocation).
 * A group of its own: a consumer group hands each event to one of its handlers, whatever its type.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import type { Arrivals } from '../../../core/events/arrivals';
import type { Logger } from '../../../core/logger';
import { consumeOnce } from '../../../core/outbox/consume-once';
import { sqlEm } from '../../../core/outbox/sql-em';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';
import { KnownLocation } from '../entities/known-location';
import { locationArrival } from '../service/known-locations';
import { isUuid } from '../service/validation';

export const AGENTS_LOCATIONS_CONSUMER = 'agents-locations';

export interface LocationConsumerDeps {
  orm: Orm;
  logger: Logger;
  arrivals: Arrivals;
}

export interface AnnouncedLocation {
  locationId: string;
  organizationId: string;
  at: Date;
}

/** The location an event announces, or why it is unusable. */
export function parseLocationEvent(event: EventEnvelope): AnnouncedLocation | string {
  const p = event.payload as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null) return 'payload is not an object';
  const { locationId, organizationId } = p;
  if (typeof locationId !== 'string' || !isUuid(locationId)) return 'locationId must be a UUID';
  if (typeof organizationId !== 'string' || !organizationId) return 'organizationId must be a string';
  const at = new Date(event.at);
  if (Number.isNaN(at.getTime())) return 'event without a valid time';
  if (!event.tenantId) return 'event without a tenant';
  return { locationId: locationId.toLowerCase(), organizationId, at };
}

/**
 * Upserts the row unless it already holds a newer event — in one statement, so two events about one
 * location applied at the same moment (PostgreSQL) do not collide on the key.
 */
export async function applyLocation(
  em: EntityManager,
  tenantId: string,
  loc: AnnouncedLocation,
): Promise<void> {
  await sqlEm(em)
    .createQueryBuilder(KnownLocation)
    .insert({ tenantId, locationId: loc.locationId, organizationId: loc.organizationId, eventAt: loc.at })
    .onConflict(['tenantId', 'locationId'])
    .merge(['organizationId', 'eventAt'])
    .where({ eventAt: { $lte: loc.at } })
    .execute('run');
}

export function locationEventHandler(deps: LocationConsumerDeps): (event: EventEnvelope) => Promise<void> {
  return async (event) => {
    if (event.type !== EventTypes.tenantLocationUpserted) return;
    const loc = parseLocationEvent(event);
    if (typeof loc === 'string') {
      deps.logger.warn({ eventId: event.id, reason: loc }, 'malformed location event: ignored');
      return;
    }
    await consumeOnce({
      orm: deps.orm,
      consumer: AGENTS_LOCATIONS_CONSUMER,
      event,
      handle: (em) => applyLocation(em, event.tenantId, loc),
    });
    // committed (or applied before): whoever waits for it looks again
    deps.arrivals.notify(locationArrival(event.tenantId, loc.locationId));
  };
}
