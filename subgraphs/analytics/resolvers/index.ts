/** What the analytics schema is built from (core/server/subgraph-module.ts: resolvers, one way). */
import type { FederatedSchemaOptions } from '../../../core/server/federated-schema';
import { analyticsResolvers } from './analytics-resolvers';
import { Agent, Organization } from './types';

export const analyticsSchemaOptions: FederatedSchemaOptions = {
  resolvers: analyticsResolvers,
  // `Agent` and `Organization` are reached through `_entities` only (their fields are contributed here)
  orphanedTypes: [Agent, Organization],
  referenceResolvers: {
    Agent: { __resolveReference: (ref: Agent) => ({ id: ref.id }) },
    Organization: { __resolveReference: (ref: Organization) => ({ id: ref.id }) },
  },
};
