/**
 * Federation `__resolveReference` for the entities of this subgraph. Agent and AgentSession batch
 * through the request's one loader per entity; Location just echoes its key.
 */
import type { AgentsContext } from '../runtime';
import type { SubgraphResolverMap } from '../../../core/server/federated-schema';
import * as service from '../service';

interface Reference {
  id?: unknown;
}

export const referenceResolvers: SubgraphResolverMap = {
  Agent: {
    __resolveReference: (ref: Reference, ctx: AgentsContext) => service.resolveAgentReference(ctx, ref.id),
  },
  AgentSession: {
    __resolveReference: (ref: Reference, ctx: AgentsContext) => service.resolveSessionReference(ctx, ref.id),
  },
  Location: {
    __resolveReference: (ref: Reference) => (typeof ref.id === 'string' ? { id: ref.id } : null),
  },
};
