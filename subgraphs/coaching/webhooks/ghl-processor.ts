/**
 * What a stored GHL delivery becomes, inside the inbox transaction that marks it (ghl-inbox.ts): messages
 * become turns of the contact's session (opened on the fly when needed) and lead turns are coached;
 * opportunity updates and app (un)installs become events for the other subgraphs. Every effect is written
 * through the transaction's EntityManager (events through the outbox), so it commits with the DONE mark or
 * not at all; the coaching run starts after the commit (`after`), and never holds the transaction open.
 *
 * What cannot be processed is dead-lettered with a reason, never dropped: a GHL location no tenant proved
 * installing (UNKNOWN_LOCATION), a message no agent matches (NO_MATCHING_AGENT, see ghl-agent-match.ts),
 * a body without the ids its type needs (INVALID_PAYLOAD).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import {
  ConversationStage,
  EventTypes,
  Speaker,
  type GhlAppLifecyclePayload,
  type OpportunityStatusPayload,
  type SessionOpenRequestedPayload,
} from '../../../core/vocabulary';
import { GhlDeadLetterReason, GhlDeliveryStatus, SessionOrigin, SessionView } from '../entities';
import type { AgentProfile } from '../entities';
import { TurnSource } from '../enums';
import type { CoachingRuntime } from '../runtime';
import { launchCoachingRun, newRunId, type CoachRun } from '../service/coach-session';
import { stageEvent } from '../service/publish';
import { recordTurn } from '../service/turns';
import { matchAgent } from './ghl-agent-match';
import type { DeliveryOutcome, DeliveryTx } from './ghl-inbox';
import { numberOrNull, optString, parseDelivery, parseMessage, type GhlDelivery } from './ghl-payload';
import { removeRoutesOf } from './ghl-routes';

const done = (after?: () => void): DeliveryOutcome => ({ status: GhlDeliveryStatus.DONE, after });
const dead = (reason: GhlDeadLetterReason, detail: string): DeliveryOutcome => ({
  status: GhlDeliveryStatus.DEAD,
  reason,
  detail: detail.slice(0, 300),
});
const unknownLocation = (ghlLocationId: string | null) =>
  dead(
    GhlDeadLetterReason.UNKNOWN_LOCATION,
    `no tenant has connected GHL location ${ghlLocationId ?? '(none)'} (connectGhlLocation)`,
  );

async function findOrOpenSession(
  em: EntityManager,
  agent: AgentProfile,
  locationId: string,
  contactId: string,
): Promise<SessionView> {
  const existing = await em.findOne(
    SessionView,
    { agentId: agent.agentId, locationId, contactId, active: true },
    { orderBy: { eventAt: 'desc', sessionId: 'desc' } },
  );
  if (existing) return existing;
  const session = em.create(SessionView, {
    sessionId: randomUUID(),
    tenantId: agent.tenantId,
    agentId: agent.agentId,
    locationId,
    contactId,
    stage: ConversationStage.INITIAL_CONTACT,
    active: true,
    origin: SessionOrigin.COACHING,
    // any event from the agents subgraph about this session is newer than this local placeholder
    eventAt: new Date(0),
  });
  stageEvent<SessionOpenRequestedPayload>(em, EventTypes.agentSessionOpenRequested, agent.tenantId, {
    sessionId: session.sessionId,
    agentId: session.agentId,
    locationId,
    contactId,
    stage: session.stage,
    source: 'GHL',
  });
  await em.flush();
  return session;
}

async function processMessage(
  rt: CoachingRuntime,
  tx: DeliveryTx,
  delivery: GhlDelivery,
  speaker: Speaker,
): Promise<DeliveryOutcome> {
  const { row, em } = tx;
  const contactId = optString(delivery.body, 'contactId', 64);
  if (!row.ghlLocationId || !contactId)
    return dead(GhlDeadLetterReason.INVALID_PAYLOAD, 'message without locationId or contactId');
  if (!row.tenantId || !row.locationId) return unknownLocation(row.ghlLocationId);
  const msg = parseMessage(delivery.body);
  // no text (an attachment only): nothing to record or coach
  if (!msg) return done();
  await tx.enterTenant(row.tenantId);
  const match = await matchAgent(em, row.locationId, msg.contactId, msg.ghlUserId);
  if (!match.agent) return dead(GhlDeadLetterReason.NO_MATCHING_AGENT, match.detail);
  const session = await findOrOpenSession(em, match.agent, row.locationId, msg.contactId);
  const recorded = await recordTurn(
    rt,
    em,
    session,
    { speaker, text: msg.text, source: TurnSource.GHL, at: msg.at ?? undefined, externalId: msg.messageId },
    speaker === Speaker.LEAD ? { kind: 'QUICK' } : null,
  );
  if (!recorded?.request) return done();
  const run: CoachRun = {
    runId: newRunId(),
    tenantId: session.tenantId,
    sessionId: session.sessionId,
    agentId: session.agentId,
    locationId: session.locationId,
    request: recorded.request,
    apiKeyId: null,
    partnerAppId: null,
  };
  return done(() => launchCoachingRun(rt, run));
}

async function processOpportunity(tx: DeliveryTx, delivery: GhlDelivery): Promise<DeliveryOutcome> {
  const { row, em } = tx;
  const b = delivery.body;
  const contactId = optString(b, 'contactId', 64);
  const opportunityId = optString(b, 'id', 100) ?? optString(b, 'opportunityId', 100);
  const status = optString(b, 'status', 64);
  if (!contactId || !opportunityId || !status)
    return dead(GhlDeadLetterReason.INVALID_PAYLOAD, 'opportunity update without contactId, id or status');
  if (!row.tenantId || !row.locationId) return unknownLocation(row.ghlLocationId);
  await tx.enterTenant(row.tenantId);
  stageEvent<OpportunityStatusPayload>(em, EventTypes.ghlOpportunityStatus, row.tenantId, {
    locationId: row.locationId,
    contactId,
    opportunityId,
    status,
    monetaryValue: numberOrNull(b['monetaryValue']),
  });
  await em.flush();
  return done();
}

async function processLifecycle(
  rt: CoachingRuntime,
  tx: DeliveryTx,
  delivery: GhlDelivery,
  action: 'INSTALL' | 'UNINSTALL',
): Promise<DeliveryOutcome> {
  const { row, em } = tx;
  const b = delivery.body;
  const companyId = optString(b, 'companyId', 64);
  // a location no tenant connected yet: the event names the GHL company (see GhlAppLifecyclePayload)
  const tenantId = row.tenantId ?? `ghl-company:${companyId ?? row.ghlLocationId ?? 'unknown'}`;
  await tx.enterTenant(tenantId);
  stageEvent<GhlAppLifecyclePayload>(
    em,
    action === 'INSTALL' ? EventTypes.tenantProvisioned : EventTypes.tenantDeprovisioned,
    tenantId,
    {
      source: 'GHL',
      action,
      webhookId: delivery.webhookId,
      appId: optString(b, 'appId', 100),
      companyId,
      ghlLocationId: row.ghlLocationId,
      locationId: row.locationId,
      installType: optString(b, 'installType', 32),
      body: b,
    },
  );
  await em.flush();
  // the app is gone from the location: no tenant receives its webhooks until one proves a new installation
  if (action === 'UNINSTALL' && row.ghlLocationId) await removeRoutesOf(rt.orm, em, row.ghlLocationId);
  return done();
}

/** Processes one claimed delivery inside its inbox transaction; the outcome is recorded with the effects. */
export async function handleDelivery(rt: CoachingRuntime, tx: DeliveryTx): Promise<DeliveryOutcome> {
  const parsed = parseDelivery(Buffer.from(tx.row.body, 'utf8'));
  if (!parsed.ok) return dead(GhlDeadLetterReason.INVALID_PAYLOAD, parsed.error);
  const delivery = parsed.delivery;
  switch (delivery.type) {
    case 'InboundMessage':
      return processMessage(rt, tx, delivery, Speaker.LEAD);
    case 'OutboundMessage':
      return processMessage(rt, tx, delivery, Speaker.AGENT);
    case 'OpportunityStatusUpdate':
      return processOpportunity(tx, delivery);
    case 'INSTALL':
    case 'UNINSTALL':
      return processLifecycle(rt, tx, delivery, delivery.type);
    default:
      return done();
  }
}
