/**
 * What a stored GHL delivery becomes, inside the inbox transaction that marks it (ghl-inbox.ts): messages
 * become turns of the agent's open session with the contact and lead turns are coached; a message with no
 * such session states `coaching.ghl_conversation.started` and waits, PENDING, for the session the agents
 * subgraph opens (ghl-conversation.ts); opportunity updates become an event for the other subgraphs; an
 * app UNINSTALL ends the location's routes. Every effect is written through the transaction's EntityManager (events through the outbox), so it commits with the DONE mark or
 * not at all; the coaching run starts after the commit (`after`), and never holds the transaction open.
 *
 * What cannot be processed is dead-lettered with a reason, never dropped: a GHL location no tenant proved
 * installing (UNKNOWN_LOCATION), a message no agent matches (NO_MATCHING_AGENT, see ghl-agent-match.ts),
 * a body without the ids its type needs (INVALID_PAYLOAD).
 */
import {
  EventTypes,
  GhlDeadLetterReason,
  GhlDeliveryStatus,
  type OpportunityStatusPayload,
  Speaker,
  TurnSource,
} from '../../../core/vocabulary';
import type { CoachingRuntime } from '../runtime';
import { launchCoachingRun, newRunId, type CoachRun } from '../service/coach-session';
import { stageEvent } from '../service/publish';
import { recordTurn } from '../service/turns';
import { matchAgent } from './ghl-agent-match';
import {
  conversationOf,
  findConversationSession,
  stateConversationStarted,
  type ConversationRef,
} from './ghl-conversation';
import type { DeliveryOutcome, DeliveryTx } from './ghl-inbox';
import {
  numberOrNull,
  optString,
  parseDelivery,
  parseMessage,
  type GhlDelivery,
  type GhlMessage,
} from './ghl-payload';
import { installBrandOf, stageAppInstalled } from './ghl-install-brand';
import { findRouteTarget, removeRoutesOf } from './ghl-routes';

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

/**
 * No open session for the agent and the contact: state the conversation's start (once) and wait, PENDING,
 * for the session agents opens — dead-lettered when none came within `sessionWaitSeconds`.
 */
async function awaitSession(
  rt: CoachingRuntime,
  tx: DeliveryTx,
  msg: GhlMessage,
  ref: ConversationRef,
): Promise<DeliveryOutcome> {
  const waitedMs = Date.now() - tx.row.receivedAt.getTime();
  const limitSeconds = rt.options.ghl.sessionWaitSeconds;
  if (waitedMs >= limitSeconds * 1000)
    return dead(
      GhlDeadLetterReason.NO_MATCHING_AGENT,
      `agents opened no session for agent ${ref.agentId} within ${limitSeconds}s (unknown or inactive there)`,
    );
  await stateConversationStarted(tx.em, {
    ref,
    ghlLocationId: msg.ghlLocationId,
    ghlConversationId: msg.conversationId,
    webhookId: tx.row.webhookId,
    messageId: msg.messageId,
  });
  return {
    status: GhlDeliveryStatus.PENDING,
    // re-checked after as long again as it has waited (1 s to 30 s); woken at once when the session arrives
    retryAt: new Date(Date.now() + Math.min(30_000, Math.max(1_000, waitedMs))),
    detail: 'waiting for the agents subgraph to open the session',
    waitingFor: ref,
  };
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
  const ref = conversationOf(match.agent, msg.contactId);
  const session = await findConversationSession(em, ref);
  if (!session) return awaitSession(rt, tx, msg, ref);
  const recorded = await recordTurn(
    rt,
    em,
    session,
    { speaker, text: msg.text, source: TurnSource.GHL, at: msg.at ?? undefined, externalId: msg.messageId },
    speaker === Speaker.LEAD ? { kind: 'QUICK' } : null,
  );
  if (!recorded) return done();
  const pushProactive = () => rt.proactive.onTurn(session, recorded.turn, recorded.request !== null);
  if (!recorded.request) return done(pushProactive);
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
  return done(() => {
    launchCoachingRun(rt, run);
    pushProactive();
  });
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

/**
 * INSTALL / UNINSTALL of the app at a GHL location. An UNINSTALL ends every route of the location: no
 * tenant receives its webhooks until one proves a new installation (`connectGhlLocation`). An INSTALL for
 * a location a tenant has connected (its route now, not when it was received) states
 * `coaching.ghl_app.installed` with the brand it carries; one for a location nobody connected yet waits in
 * the inbox until a tenant does (ghl-install-brand.ts). Both are kept in the inbox (DONE), visible to the
 * location's tenant. (They were published as `tenants.tenant.provisioned`/`deprovisioned`, facts coaching
 * does not own, which nothing consumed: removed.)
 */
async function processLifecycle(
  rt: CoachingRuntime,
  tx: DeliveryTx,
  action: 'INSTALL' | 'UNINSTALL',
): Promise<DeliveryOutcome> {
  const { row, em } = tx;
  if (action === 'UNINSTALL' && row.ghlLocationId) {
    if (row.tenantId) await tx.enterTenant(row.tenantId);
    await removeRoutesOf(rt.orm, em, row.ghlLocationId);
  }
  if (action === 'INSTALL' && row.ghlLocationId) {
    const route = await findRouteTarget(rt.orm, em, row.ghlLocationId);
    const brand = installBrandOf(row.body, row.receivedAt);
    if (route && brand) {
      await tx.enterTenant(route.tenantId);
      stageAppInstalled(em, { ...route, ghlLocationId: row.ghlLocationId }, brand);
      await em.flush();
    }
  }
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
      return processLifecycle(rt, tx, delivery.type);
    default:
      return done();
  }
}
