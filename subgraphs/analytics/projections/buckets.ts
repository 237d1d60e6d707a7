/** Hour buckets: creating a bucket row if missing and loading it locked for update (FOR UPDATE on PostgreSQL). */
import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { sqlEm } from '../../../core/outbox';
import { HourBucket, NO_LOCATION } from '../entities/hour-bucket';

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function hourOf(d: Date): Date {
  return new Date(Math.floor(d.getTime() / HOUR_MS) * HOUR_MS);
}

export function dayOf(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
}

export interface BucketKey {
  tenantId: string;
  hourStart: Date;
  locationId: string | null;
  agentId: string;
}

export function lockOptions(em: EntityManager): { lockMode?: LockMode.PESSIMISTIC_WRITE } {
  return em.getPlatform() instanceof PostgreSqlPlatform ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
}

export async function lockBucket(em: EntityManager, key: BucketKey): Promise<HourBucket> {
  const where = {
    tenantId: key.tenantId,
    hourStart: key.hourStart,
    locationId: key.locationId ?? NO_LOCATION,
    agentId: key.agentId,
  };
  await sqlEm(em)
    .createQueryBuilder(HourBucket)
    .insert({
      id: randomUUID(),
      ...where,
      hintsDelivered: 0,
      latencyHistogram: null,
      tokensIn: 0,
      tokensOut: 0,
      costMicros: 0,
      cacheHits: 0,
      accepted: 0,
      dismissed: 0,
      qualSessions: 0,
      qualScoreSum: 0,
      dealsWon: 0,
    })
    .onConflict(['tenantId', 'hourStart', 'locationId', 'agentId'])
    .ignore()
    .execute('run');
  return em.findOneOrFail(HourBucket, where, lockOptions(em));
}
