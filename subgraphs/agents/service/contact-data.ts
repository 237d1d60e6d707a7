/**
 * What agents holds about a contact (GDPR): the sessions with that contact. A session's free-form
 * `context` is where a partner may have put the contact's name, email or notes; the session itself (ids,
 * channel, stage, times) stays after an erasure because hints, analytics and billing refer to it.
 * Every agents table with contact data is listed in AGENTS_CONTACT_STORES (the unit test checks the rest
 * are declared in NO_CONTACT_DATA).
 */
import type { EntityManager } from '@mikro-orm/core';
import { requireContactDataAdmin } from '../../../core/contact-data';
import type { RequestContext } from '../../../core/request-context';
import { AgentSession } from '../entities/agent-session';

export const AGENTS_CONTACT_STORES = {
  agent_sessions: 'context cleared ({}); the session row stays',
} as const;

export const NO_CONTACT_DATA: Readonly<Record<string, string>> = {
  agents: 'the tenant’s own agents, not contacts',
  known_locations: 'the tenant’s locations',
  outbox_event: 'event payloads carry ids and stages only',
  processed_event: 'consumed event ids',
  dead_letter: 'copies of outbox_event rows a consumer gave up on: ids and stages only',
};

export function contactSessions(ctx: RequestContext, contactId: string): Promise<AgentSession[]> {
  requireContactDataAdmin(ctx.principal);
  return ctx.em.find(AgentSession, { contactId }, { orderBy: { startedAt: 'asc', id: 'asc' } });
}

/** Clears the context of the tenant's sessions with the contact; answers counts by table. */
export async function eraseContactSessions(
  em: EntityManager,
  tenantId: string,
  contactId: string,
): Promise<Record<string, number>> {
  const n = await em.nativeUpdate(AgentSession, { tenantId, contactId }, { context: {} });
  return { agent_sessions: n };
}
