/** The caller as the tenants subgraph sees it. Needs no scope: everyone may ask who they are. */
import type { RequestContext } from '../../../core/request-context';
import type { Principal } from '../../../core/principal';
import type { Organization } from '../entities';
import { organizationLoader } from './loaders';

export type ViewerData = Pick<
  Principal,
  'tenantId' | 'organizationId' | 'organizationIds' | 'locationIds' | 'role' | 'scopes' | 'subject'
> & { agentId: string | null; apiKeyId: string | null; partnerAppId: string | null };

export function viewer(ctx: RequestContext): ViewerData {
  const p = ctx.principal;
  return {
    tenantId: p.tenantId,
    organizationId: p.organizationId,
    organizationIds: p.organizationIds,
    locationIds: p.locationIds,
    role: p.role,
    scopes: p.scopes,
    subject: p.subject,
    agentId: p.agentId ?? null,
    apiKeyId: p.apiKeyId ?? null,
    partnerAppId: p.partnerAppId ?? null,
  };
}

/** The caller's organization; null when the caller may not read organizations. */
export async function viewerOrganization(ctx: RequestContext): Promise<Organization | null> {
  const scopes = ctx.principal.scopes;
  if (!scopes.includes('tenants:read') && !scopes.includes('tenants:admin')) return null;
  return organizationLoader(ctx).load(ctx.principal.organizationId);
}
