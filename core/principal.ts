/**
 * Who is calling. Resolved by the gateway from a JWT or an API key, forwarded to subgraphs in
 * a short-lived signed context token, and checked by every service function.
 */
import { MemberRole, type Scope } from './vocabulary';
import { ForbiddenError } from './errors';

export interface Principal {
  /** The tenant: the root organization every row belongs to. */
  tenantId: string;
  /** The organization the credential was issued for (root or a child). */
  organizationId: string;
  /** Organizations visible to the caller (the credential's org and its descendants). */
  organizationIds: string[];
  /** Locations visible to the caller; null means every location of the tenant. */
  locationIds: string[] | null;
  role: MemberRole;
  scopes: Scope[];
  /** User id (JWT `sub`) or `apikey:<id>`. */
  subject: string;
  /** For AGENT principals: the agent profile they are. */
  agentId?: string;
  /** Set when the caller used an API key (usage attribution, partner revenue share). */
  apiKeyId?: string;
  partnerAppId?: string;
}

/** Scopes a member role implies when the credential is a user JWT without explicit scopes. */
export const ROLE_SCOPES: Record<MemberRole, Scope[]> = {
  [MemberRole.OWNER]: [
    'agents:read',
    'agents:write',
    'coaching:read',
    'coaching:write',
    'analytics:read',
    'analytics:write',
    'billing:read',
    'billing:write',
    'tenants:read',
    'tenants:admin',
  ],
  [MemberRole.ADMIN]: [
    'agents:read',
    'agents:write',
    'coaching:read',
    'coaching:write',
    'analytics:read',
    'analytics:write',
    'billing:read',
    'tenants:read',
    'tenants:admin',
  ],
  [MemberRole.MANAGER]: [
    'agents:read',
    'agents:write',
    'coaching:read',
    'coaching:write',
    'analytics:read',
    'tenants:read',
  ],
  [MemberRole.AGENT]: ['agents:read', 'coaching:read', 'coaching:write', 'tenants:read'],
};

export function requireScope(p: Principal, scope: Scope): void {
  if (!p.scopes.includes(scope)) {
    throw new ForbiddenError(`missing scope ${scope}`, { requiredScope: scope });
  }
}

export function isOrgWide(p: Principal): boolean {
  return p.role === MemberRole.OWNER || p.role === MemberRole.ADMIN;
}

/** May the caller see rows of this location? `null` location = the tenant's shared pool. */
export function canSeeLocation(p: Principal, locationId: string | null): boolean {
  if (locationId === null) return true;
  return p.locationIds === null || p.locationIds.includes(locationId);
}

export function canSeeOrganization(p: Principal, organizationId: string): boolean {
  return p.organizationIds.includes(organizationId);
}
