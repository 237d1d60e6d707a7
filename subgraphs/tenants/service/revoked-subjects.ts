/**
 * The deny state of access tokens: a removed member's subject with the time of removal. Written in the
 * removal's write unit (with its audit entry and its `tenants.member.removed` event), read by the gateway
 * through the internal route (routes.ts) for tokens whose subject it has not cached.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import { withTenantScope } from '../../../core/db/request-scope';
import { RevokedSubject } from '../entities';

/** Records (or moves forward) the revocation of `subject` in the em's tenant. */
export async function recordSubjectRevocation(
  em: EntityManager,
  tenantId: string,
  subject: string,
  revokedAt: Date,
): Promise<void> {
  const existing = await em.findOne(RevokedSubject, { subject });
  if (existing) {
    if (existing.revokedAt < revokedAt) existing.revokedAt = revokedAt;
    return;
  }
  em.create(RevokedSubject, { id: randomUUID(), tenantId, subject, revokedAt });
}

/** When the subject's tokens were last revoked in the tenant, or null. */
export async function subjectRevokedAt(orm: Orm, tenantId: string, subject: string): Promise<Date | null> {
  return withTenantScope(orm, tenantId, async (em) => {
    const row = await em.findOne(RevokedSubject, { subject });
    return row?.revokedAt ?? null;
  });
}
