/** Billing access: reads need billing:read, writes billing:write (owners), both on a visible organization. */
import type { Principal } from '../../../core/principal';
import { canSeeOrganization, requireScope } from '../../../core/principal';
import { ForbiddenError } from '../../../core/errors';

export function assertBillingRead(p: Principal, organizationId?: string): void {
  requireScope(p, 'billing:read');
  if (organizationId !== undefined && !canSeeOrganization(p, organizationId)) {
    throw new ForbiddenError('organization not visible', { organizationId });
  }
}

export function assertBillingWrite(p: Principal, organizationId: string): void {
  requireScope(p, 'billing:write');
  if (!canSeeOrganization(p, organizationId))
    throw new ForbiddenError('organization not visible', { organizationId });
}
