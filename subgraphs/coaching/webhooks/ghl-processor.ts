/**
 * Processes a verified, accepted GHL delivery (off the request path, from the bounded queue):
 * messages become turns of the contact's session (opened on the fly when needed) and lead turns are
 * coached; opportunity updates and app (un)installs become events for the other subgraphs.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { unscopedFork, withTenantScope } from '../../../core/db/request-scope';
import {
  ConversationStage,
  EventTypes,
  Speaker,
  type GhlAppLifecyclePayload,
  type OpportunityStatusPayload,
  type SessionOpenRequestedPayload,
} from '../../../core/vocabulary';
import { AgentProfile, GhlLocationRoute, SessionOrigin, SessionView } from '../entities';
import { TurnSource } from '../enums';
import type { CoachingRuntime } from '../runtime';
import { launchCoachingRun, newRunId, type CoachRun } from '../service/coach-session';
import { stageEvent } from '../service/publish';
import { recordTurn } from '../service/turns';
import { numberOrNull, optString, parseMessage, type GhlDelivery, type GhlMessage } from './ghl-payload';

export async function findRoute(
  rt: CoachingRuntime,
  ghlLocationId: string | null,
): Promise<GhlLocationRoute | null> {
  if (!ghlLocationId) return null;
  return unscopedFork(rt.orm).findOne(GhlLocationRoute, { ghlLocationId });
}

/** The agent for a message: the one whose GHL user id matches, else the location's first active agent. */
async function resolveAgent(
  em: EntityManager,
  locationId: string,
  ghlUserId: string | null,
): Promise<AgentProfile | null> {
  if (ghlUserId) {
    const matched = await em.findOne(AgentProfile, {
      ghlUserId,
      active: true,
      $or: [{ locationId }, { locationId: null }],
    });
    if (matched) return matched;
  }
  return em.findOne(AgentProfile, { locationId, active: true }, { orderBy: { name: 'asc', agentId: 'asc' } });
}

async function findOrOpenSession(
  rt: CoachingRuntime,
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

async function processMessage(rt: CoachingRuntime, delivery: GhlDelivery, speaker: Speaker): Promise<void> {
  const msg: GhlMessage | null = parseMessage(delivery.body);
  if (!msg) {
    rt.logger.info(
      { webhookId: delivery.webhookId, type: delivery.type },
      'GHL message without location, contact or text: ignored',
    );
    return;
  }
  const route = await findRoute(rt, msg.ghlLocationId);
  if (!route) {
    rt.logger.warn(
      { webhookId: delivery.webhookId, ghlLocationId: msg.ghlLocationId },
      'GHL location not mapped to a tenant: ignored',
    );
    return;
  }
  const run = await withTenantScope(rt.orm, route.ownerTenantId, async (em): Promise<CoachRun | null> => {
    const agent = await resolveAgent(em, route.locationId, msg.ghlUserId);
    if (!agent) {
      rt.logger.warn(
        { webhookId: delivery.webhookId, locationId: route.locationId },
        'no active agent for GHL message: ignored',
      );
      return null;
    }
    const session = await findOrOpenSession(rt, em, agent, route.locationId, msg.contactId);
    const recorded = await recordTurn(
      rt,
      em,
      session,
      { speaker, text: msg.text, source: TurnSource.GHL, at: msg.at ?? undefined, externalId: msg.messageId },
      speaker === Speaker.LEAD ? { kind: 'QUICK' } : null,
    );
    if (!recorded?.request) return null;
    return {
      runId: newRunId(),
      tenantId: session.tenantId,
      sessionId: session.sessionId,
      agentId: session.agentId,
      locationId: session.locationId,
      request: recorded.request,
      apiKeyId: null,
      partnerAppId: null,
    };
  });
  // after the turn is committed: the model never holds the transaction open
  if (run) launchCoachingRun(rt, run);
}

async function processOpportunity(rt: CoachingRuntime, delivery: GhlDelivery): Promise<void> {
  const b = delivery.body;
  const route = await findRoute(rt, optString(b, 'locationId', 64));
  const contactId = optString(b, 'contactId', 64);
  const opportunityId = optString(b, 'id', 100) ?? optString(b, 'opportunityId', 100);
  const status = optString(b, 'status', 64);
  if (!route || !contactId || !opportunityId || !status) {
    rt.logger.warn(
      { webhookId: delivery.webhookId },
      'GHL opportunity update for an unknown location or without ids: ignored',
    );
    return;
  }
  await stageAndFlush(rt, (em) =>
    stageEvent<OpportunityStatusPayload>(em, EventTypes.ghlOpportunityStatus, route.ownerTenantId, {
      locationId: route.locationId,
      contactId,
      opportunityId,
      status,
      monetaryValue: numberOrNull(b['monetaryValue']),
    }),
  );
}

async function processLifecycle(
  rt: CoachingRuntime,
  delivery: GhlDelivery,
  action: 'INSTALL' | 'UNINSTALL',
): Promise<void> {
  const b = delivery.body;
  const ghlLocationId = optString(b, 'locationId', 64);
  const companyId = optString(b, 'companyId', 64);
  const route = await findRoute(rt, ghlLocationId);
  const tenantId = route?.ownerTenantId ?? `ghl-company:${companyId ?? ghlLocationId ?? 'unknown'}`;
  await stageAndFlush(rt, (em) =>
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
        ghlLocationId,
        locationId: route?.locationId ?? null,
        installType: optString(b, 'installType', 32),
        body: b,
      },
    ),
  );
}

/** Events with no state change of their own: written to the outbox (not tenant-owned) in a fork. */
async function stageAndFlush(rt: CoachingRuntime, stage: (em: EntityManager) => void): Promise<void> {
  const em = unscopedFork(rt.orm);
  stage(em);
  await em.flush();
}

export async function processDelivery(rt: CoachingRuntime, delivery: GhlDelivery): Promise<void> {
  switch (delivery.type) {
    case 'InboundMessage':
      return processMessage(rt, delivery, Speaker.LEAD);
    case 'OutboundMessage':
      return processMessage(rt, delivery, Speaker.AGENT);
    case 'OpportunityStatusUpdate':
      return processOpportunity(rt, delivery);
    case 'INSTALL':
    case 'UNINSTALL':
      return processLifecycle(rt, delivery, delivery.type);
    default:
      return undefined;
  }
}
