import type { SubgraphDeps } from '../../../core/server/subgraph-module';
import { accessTokenResolver } from './access-token';
import { ApiKeyResolver, PartnerAppResolver } from './api-key';
import { AuditResolver } from './audit';
import { LocationResolver } from './location';
import { MemberResolver } from './member';
import { OrganizationResolver } from './organization';
import { ViewerResolver } from './viewer';

export { referenceResolvers } from './references';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function tenantsResolvers(deps: Pick<SubgraphDeps, 'config'>): [Function, ...Function[]] {
  return [
    OrganizationResolver,
    LocationResolver,
    MemberResolver,
    ApiKeyResolver,
    PartnerAppResolver,
    AuditResolver,
    ViewerResolver,
    accessTokenResolver(deps.config.auth),
  ];
}
