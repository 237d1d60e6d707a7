/**
 * The tenant filter: every tenant-owned entity is decorated with `@TenantOwned()`. The filter is on by
 * default and has no default parameter, so a query on a fork whose tenant was never set throws instead
 * of returning every tenant's rows (fail closed).
 */
import { Filter } from '@mikro-orm/core';

export const TENANT_FILTER = 'tenant';

export interface TenantFilterArgs {
  tenantId: string;
}

export function TenantOwned(): ClassDecorator {
  return Filter({
    name: TENANT_FILTER,
    cond: (args: TenantFilterArgs) => ({ tenantId: args.tenantId }),
    default: true,
  }) as ClassDecorator;
}
