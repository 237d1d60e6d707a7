/** What the billing schema is built from (core/server/subgraph-module.ts: resolvers, one way). */
import type { FederatedSchemaOptions } from '../../../core/server/federated-schema';
import { BillingResolver, OrganizationResolver, SubscriptionResolver } from './billing-resolvers';
import { Organization } from './types';

export const billingSchemaOptions: FederatedSchemaOptions = {
  resolvers: [BillingResolver, OrganizationResolver, SubscriptionResolver],
  orphanedTypes: [Organization],
  referenceResolvers: { Organization: { __resolveReference: (ref: Organization) => ({ id: ref.id }) } },
};
