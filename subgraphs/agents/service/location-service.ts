/**
 * `Location.agents`: the visible agents assigned to a location. Batched per request through one loader
 * per distinct set of arguments, keyed by location id, so a list of N locations costs one batch.
 */
import { loaderFor } from '../../../core/request-context';
import type { Agent } from '../entities/agent';
import { requireRead } from './access';
import { listAgentsOfLocations, parseAgentPage, type AgentFilterInput } from './agent-query';
import type { AgentsContext } from './context';
import type { Connection, PageArgs } from './pagination';

export type LocationAgentFilterInput = Omit<AgentFilterInput, 'locationId' | 'sharedPool' | 'ghlUserId'>;

export interface LocationAgentsArgs extends PageArgs {
  filter?: LocationAgentFilterInput | null;
}

export async function locationAgents(
  ctx: AgentsContext,
  locationId: string,
  args: LocationAgentsArgs,
): Promise<Connection<Agent>> {
  requireRead(ctx.principal);
  const { filter, ...pageArgs } = args;
  const page = parseAgentPage(ctx.principal.tenantId, {
    ...pageArgs,
    filter: filter && {
      role: filter.role,
      experience: filter.experience,
      specialization: filter.specialization,
      search: filter.search,
      active: filter.active,
    },
  });
  const key = `agents.Location.agents:${JSON.stringify([page.first, args.after ?? null, page.filter])}`;
  const loader = loaderFor<string, Connection<Agent>>(ctx, key, (ids) =>
    listAgentsOfLocations(ctx, ids, page),
  );
  return loader.load(locationId);
}
