/**
 * Turns an API-key hash into a principal for the gateway. The lookup crosses tenants: on PostgreSQL
 * through the SECURITY DEFINER function `<schema>.resolve_api_key` (the runtime role is under RLS), on
 * SQLite with filters off. Everything after the lookup runs tenant-scoped.
 */
import { withTenantScope, isPostgres } from '../../../core/db/request-scope';
import { quoteIdent } from '../../../core/db/rls';
import type { Orm } from '../../../core/db/orm';
import type { Principal } from '../../../core/principal';
import { ApiKey } from '../entities';
import { apiKeyPrincipal } from './principals';

/** Created by the baseline migration (migrations/postgresql/Migration20261206234144_baseline.ts). */
export const RESOLVE_API_KEY_FUNCTION = 'resolve_api_key';

export const LAST_USED_RESOLUTION_MS = 60_000;

interface KeyRef {
  apiKeyId: string;
  tenantId: string;
}

async function findKeyRef(orm: Orm, keyHash: string): Promise<KeyRef | null> {
  const em = orm.em.fork({ clear: true });
  if (isPostgres(orm)) {
    const schema = quoteIdent(String(orm.config.get('schema') ?? 'public'));
    const rows = await em
      .getConnection()
      .execute<{ api_key_id: string; tenant_id: string }[]>(
        `select api_key_id, tenant_id from ${schema}.${RESOLVE_API_KEY_FUNCTION}(?)`,
        [keyHash],
      );
    const row = rows[0];
    return row ? { apiKeyId: row.api_key_id, tenantId: row.tenant_id } : null;
  }
  const key = await em.findOne(ApiKey, { keyHash, revokedAt: null }, { filters: false });
  return key ? { apiKeyId: key.id, tenantId: key.tenantId } : null;
}

/** The key's principal, or null for an unknown or revoked key. Touches lastUsedAt at most once a minute. */
export async function resolveApiKey(orm: Orm, keyHash: string, now = new Date()): Promise<Principal | null> {
  const ref = await findKeyRef(orm, keyHash);
  if (!ref) return null;
  return withTenantScope(orm, ref.tenantId, async (em) => {
    const key = await em.findOne(ApiKey, { id: ref.apiKeyId });
    if (!key || key.revokedAt || key.keyHash !== keyHash) return null;
    const principal = await apiKeyPrincipal(em, key);
    if (
      principal &&
      (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
    ) {
      key.lastUsedAt = now;
      await em.flush();
    }
    return principal;
  });
}
