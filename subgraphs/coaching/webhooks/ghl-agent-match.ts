/**
 * Which agent a GoHighLevel message belongs to — never an arbitrary one:
 * - the message names a GHL user (`userId` / `assignedTo`): the active agent of the location (or of the
 *   tenant's shared pool) with that `ghlUserId`, else no one;
 * - it names none (many inbound messages): the agent of the contact's open session at the location, when
 *   exactly one agent has one, else no one.
 * No one → the delivery is dead-lettered NO_MATCHING_AGENT (visible to the tenant), not handed to the
 * location's first agent as before.
 */
import type { EntityManager } from '@mikro-orm/core';
import { AgentProfile, SessionView } from '../entities';

export type AgentMatch = { agent: AgentProfile } | { agent: null; detail: string };

export async function matchAgent(
  em: EntityManager,
  locationId: string,
  contactId: string,
  ghlUserId: string | null,
): Promise<AgentMatch> {
  if (ghlUserId) {
    const agent = await em.findOne(AgentProfile, {
      ghlUserId,
      active: true,
      $or: [{ locationId }, { locationId: null }],
    });
    return agent
      ? { agent }
      : { agent: null, detail: `GHL user ${ghlUserId} is not an active agent of this location` };
  }
  const sessions = await em.find(SessionView, { locationId, contactId, active: true }, { limit: 10 });
  const agentIds = [...new Set(sessions.map((s) => s.agentId))];
  if (agentIds.length !== 1) {
    return {
      agent: null,
      detail:
        agentIds.length === 0
          ? 'the message names no GHL user and the contact has no open session at this location'
          : 'the message names no GHL user and several agents have open sessions with the contact',
    };
  }
  const agent = await em.findOne(AgentProfile, { agentId: agentIds[0]!, active: true });
  return agent ? { agent } : { agent: null, detail: "the open session's agent is not active" };
}
