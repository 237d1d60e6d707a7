/**
 * Who may export or erase a contact's data (GDPR): an OWNER or ADMIN of the tenant's root organization
 * with scope `tenants:admin` — the same bar as the audit log. Every subgraph that contributes to
 * `exportContactData` or serves `contactErasure` checks it itself (defence in depth: a subgraph trusts
 * the principal, not the gateway's plan).
 */
import { ForbiddenError } from './errors';
import { isOrgWide, requireScope, type Principal } from './principal';

export const CONTACT_DATA_SCOPE = 'tenants:admin' as const;

export function requireContactDataAdmin(p: Principal): void {
  requireScope(p, CONTACT_DATA_SCOPE);
  if (!isOrgWide(p)) throw new ForbiddenError('an OWNER or ADMIN role is required');
  if (p.organizationId !== p.tenantId) throw new ForbiddenError('only the root organization may do this');
}

/**
 * `ContactDataExport @key(fields: "contactId")` is declared by every subgraph that contributes to the export;
 * the type and key field read the same everywhere.
 */
export const CONTACT_DATA_EXPORT_DESCRIPTION =
  'Everything the platform holds about one contact of the tenant, gathered from every subgraph (each adds its own fields). Made by exportContactData.';
export const CONTACT_ID_DESCRIPTION = 'The contact (GoHighLevel contact id).';
