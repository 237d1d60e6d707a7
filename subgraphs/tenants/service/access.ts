/**
 * Authorization rules of the tenants subgraph, from the caller's principal: reads need `tenants:read`
 * (or `tenants:admin`), writes need `tenants:admin` and an organization-wide role (OWNER/ADMIN), and
 * nobody can hand out more than they hold.
 */
import { ForbiddenError } from '../../../core/errors';
import { isOrgWide, requireScope, type Principal } from '../../../core/principal';
import type { Scope } from '../../../core/vocabulary';

export function requireRead(p: Principal): void {
  if (p.scopes.includes('tenants:read') || p.scopes.includes('tenants:admin')) return;
  throw new ForbiddenError('missing scope tenants:read', { requiredScope: 'tenants:read' });
}

export function requireAdmin(p: Principal): void {
  requireScope(p, 'tenants:admin');
  if (!isOrgWide(p)) throw new ForbiddenError('an OWNER or ADMIN role is required');
}

/** Tenant-wide administration (audit log, partner apps): an admin of the root organization. */
export function requireTenantAdmin(p: Principal): void {
  requireAdmin(p);
  if (p.organizationId !== p.tenantId) throw new ForbiddenError('only the root organization may do this');
}

/** A caller may grant (to a key, a member or a token) only scopes it holds itself. */
export function assertCanGrant(p: Principal, scopes: readonly Scope[]): void {
  const missing = scopes.filter((s) => !p.scopes.includes(s));
  if (missing.length)
    throw new ForbiddenError(`cannot grant scopes you do not hold: ${missing.join(', ')}`, {
      missingScopes: missing,
    });
}
