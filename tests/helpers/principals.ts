import type { Principal } from '../../core/principal';
import { ROLE_SCOPES } from '../../core/principal';
import { MemberRole } from '../../core/vocabulary';

export function principal(p: Partial<Principal> & Pick<Principal, 'tenantId'>): Principal {
  const role = p.role ?? MemberRole.OWNER;
  return {
    organizationId: p.tenantId,
    organizationIds: [p.tenantId],
    locationIds: null,
    role,
    scopes: ROLE_SCOPES[role],
    subject: 'user:test',
    ...p,
  };
}
