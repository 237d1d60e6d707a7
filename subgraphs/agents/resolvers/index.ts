/** What the agents schema is built from (core/server/subgraph-module.ts: resolvers, one way). */
import type { FederatedSchemaOptions } from '../../../core/server/federated-schema';
import { AgentResolver } from './agent-resolver';
import { LocationResolver } from './location-resolver';
import { referenceResolvers } from './reference-resolvers';
import { AgentSessionResolver } from './session-resolver';
import { ContactDataExportRef, ContactDataExportSessionsResolver } from './contact-data-resolver';

export const agentsSchemaOptions: FederatedSchemaOptions = {
  resolvers: [AgentResolver, AgentSessionResolver, LocationResolver, ContactDataExportSessionsResolver],
  // `ContactDataExport` is reachable from no root field here; the gateway reaches it through `_entities`
  orphanedTypes: [ContactDataExportRef],
  referenceResolvers,
};
