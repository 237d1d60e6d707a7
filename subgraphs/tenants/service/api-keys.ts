/**
 * API keys: created for an organization (optionally a partner app), the secret returned exactly once,
 * only its sha256 stored; a key never carries scopes its creator does not hold.
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../../core/errors';
import type { RequestContext } from '../../../core/request-context';
import { generateApiKey } from '../../../core/api-key';
import { ApiKey, PartnerApp } from '../entities';
import { assertCanGrant, requireAdmin } from './access';
import * as check from '../../../core/validation';
import { requireScopes, TEXT_MAX } from './validation';
import { visibility } from './visibility';
import { writeAudited } from './write';
import { apiKeyRevoked } from './events';

export interface CreateApiKeyInput {
  name: string;
  scopes: string[];
  /** Default: the caller's organization. */
  organizationId?: string | null;
  partnerAppId?: string | null;
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** The full key. Shown once; only its hash is stored. */
  secret: string;
}

/** Keys of the organizations the caller administers (revoked ones included), newest first. */
export async function listApiKeys(ctx: RequestContext): Promise<ApiKey[]> {
  requireAdmin(ctx.principal);
  const vis = await visibility(ctx);
  const rows = await ctx.em.find(ApiKey, {}, { orderBy: { createdAt: 'desc', id: 'asc' } });
  return rows.filter((k) => vis.canAdminister(k.organizationId));
}

export async function createApiKey(ctx: RequestContext, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  requireAdmin(ctx.principal);
  const name = check.text('name', input.name, TEXT_MAX);
  const scopes = requireScopes('scopes', input.scopes);
  assertCanGrant(ctx.principal, scopes);
  const organizationId = input.organizationId ?? ctx.principal.organizationId;
  const vis = await visibility(ctx);
  if (!vis.tree.get(organizationId) || !vis.canAdminister(organizationId))
    throw new NotFoundError('Organization', organizationId);
  const partnerAppId = input.partnerAppId ?? null;
  if (partnerAppId && !(await ctx.em.findOne(PartnerApp, { id: partnerAppId })))
    throw new NotFoundError('PartnerApp', partnerAppId);
  const { secret, prefix, hash } = generateApiKey();
  const apiKey = await writeAudited(ctx, async (em) => {
    const key = em.create(ApiKey, {
      id: randomUUID(),
      tenantId: ctx.principal.tenantId,
      organizationId,
      name,
      prefix,
      keyHash: hash,
      scopes,
      partnerAppId,
      createdAt: new Date(),
      revokedAt: null,
      lastUsedAt: null,
    });
    const change = { name, prefix, scopes, organizationId, partnerAppId };
    return {
      result: key,
      audit: { action: 'api_key.create', targetType: 'ApiKey', targetId: key.id, change },
    };
  });
  return { apiKey, secret };
}

/** Revokes a key; revoking a revoked key changes nothing and answers the key. */
export async function revokeApiKey(ctx: RequestContext, id: string): Promise<ApiKey> {
  requireAdmin(ctx.principal);
  const vis = await visibility(ctx);
  const current = await ctx.em.findOne(ApiKey, { id });
  if (!current || !vis.canAdminister(current.organizationId)) throw new NotFoundError('ApiKey', id);
  if (current.revokedAt) return current;
  return writeAudited(ctx, async (em) => {
    const key = await em.findOneOrFail(ApiKey, { id: current.id });
    key.revokedAt = new Date();
    const change = { prefix: key.prefix, revokedAt: key.revokedAt.toISOString() };
    return {
      result: key,
      audit: { action: 'api_key.revoke', targetType: 'ApiKey', targetId: key.id, change },
      events: [apiKeyRevoked(key)],
    };
  });
}
