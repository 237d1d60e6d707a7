/**
 * A coaching subgraph on a real HTTP port over a test database (via core's startHarness, which also
 * attaches the graphql-ws server through the module's `onServer`), helpers to feed the read models with the
 * agents/tenants events, capture what coaching publishes, and subscribe over WebSocket directly.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { makeEvent } from '../../../../core/events/envelope';
import { CONTEXT_HEADER } from '../../../../core/context-token';
import type { Principal } from '../../../../core/principal';
import { MemoryPubSub, type PubSub } from '../../../../core/pubsub';
import {
  AgentRole,
  ConversationStage,
  EventTypes,
  Experience,
  Specialization,
  type EventEnvelope,
  type EventType,
} from '../../../../core/vocabulary';
import {
  createCoachingSubgraph,
  type CoachingOptions,
  type CoachingRuntime,
} from '../../../../subgraphs/coaching';
import { seedGhlRoutes } from '../../../../subgraphs/coaching/seed';
import type { DbKind } from '../../../helpers/db';
import { standInForAgents, type AgentsStandIn } from './agents-stand-in';
import { startHarness, type SubgraphHarness } from '../../../helpers/subgraph-harness';

export interface CoachingHarness extends SubgraphHarness {
  rt: CoachingRuntime;
  /** The in-process pub/sub, unless the test passed another (e.g. Redis). */
  pubsub: MemoryPubSub;
  sessionPubSub: PubSub;
  wsUrl: string;
  /** Events coaching published (through its outbox), in order. */
  published: EventEnvelope[];
  /** What stands in for the agents subgraph (opens the sessions of new GHL conversations). */
  agents: AgentsStandIn;
  /** Waits for background work (webhooks, coaching runs, outbox) and event deliveries. */
  settle(): Promise<void>;
}

const CAPTURED: EventType[] = [
  EventTypes.coachingHintDelivered,
  EventTypes.coachingHintFeedback,
  EventTypes.coachingQualificationUpdated,
  EventTypes.ghlOpportunityStatus,
  EventTypes.coachingGhlConversationStarted,
  EventTypes.coachingGhlAppInstalled,
];

export async function startCoaching(kind: DbKind, opts: CoachingOptions = {}): Promise<CoachingHarness> {
  const pubsub = opts.pubsub instanceof MemoryPubSub ? opts.pubsub : new MemoryPubSub();
  const sessionPubSub = opts.pubsub ?? pubsub;
  const module = createCoachingSubgraph({ relayIntervalMs: 20, ...opts, pubsub: sessionPubSub });
  const h = await startHarness(module, kind);
  const rt = h.instance.runtime;
  const published: EventEnvelope[] = [];
  await h.events.subscribe('test-capture', CAPTURED, async (e) => {
    published.push(e);
  });
  const agents = await standInForAgents(h.events);
  return {
    ...h,
    rt,
    pubsub,
    sessionPubSub,
    wsUrl: h.server.url.replace(/^http/, 'ws'),
    published,
    agents,
    async settle() {
      await rt.idle();
      await h.events.drain();
    },
  };
}

export interface Fixture {
  tenantId: string;
  locationId: string;
  ghlLocationId: string;
  agentId: string;
  otherAgentId: string;
  ghlUserId: string;
  sessionId: string;
  contactId: string;
}

export function fixture(): Fixture {
  return {
    tenantId: `t-${randomUUID().slice(0, 8)}`,
    locationId: randomUUID(),
    ghlLocationId: `ghl-loc-${randomUUID().slice(0, 8)}`,
    agentId: randomUUID(),
    otherAgentId: randomUUID(),
    ghlUserId: `ghl-user-${randomUUID().slice(0, 8)}`,
    sessionId: randomUUID(),
    contactId: `contact-${randomUUID().slice(0, 8)}`,
  };
}

/**
 * Feeds the read models as the tenants and agents subgraphs would: a location, two agents, a session; and
 * routes the location's GHL webhooks to the tenant (as if it had connected the location).
 */
export async function feedReadModels(h: SubgraphHarness, f: Fixture): Promise<void> {
  await h.events.publish(
    makeEvent(EventTypes.tenantLocationUpserted, f.tenantId, {
      locationId: f.locationId,
      organizationId: f.tenantId,
      ghlLocationId: f.ghlLocationId,
      name: 'Downtown',
    }),
  );
  await h.events.publish(
    makeEvent(EventTypes.agentUpserted, f.tenantId, {
      agentId: f.agentId,
      locationId: f.locationId,
      name: 'Beth Buyer',
      role: AgentRole.BUYER_AGENT,
      experience: Experience.NOVICE,
      specializations: [Specialization.FIRST_TIME_BUYERS],
      tags: [],
      active: true,
      ghlUserId: f.ghlUserId,
    }),
  );
  await h.events.publish(
    makeEvent(EventTypes.agentUpserted, f.tenantId, {
      agentId: f.otherAgentId,
      locationId: f.locationId,
      name: 'Aaron Other',
      role: AgentRole.LISTING_AGENT,
      experience: Experience.EXPERT,
      specializations: [],
      tags: [],
      active: true,
    }),
  );
  await h.events.publish(
    makeEvent(EventTypes.agentSessionUpserted, f.tenantId, {
      sessionId: f.sessionId,
      agentId: f.agentId,
      locationId: f.locationId,
      contactId: f.contactId,
      stage: ConversationStage.QUALIFICATION,
      active: true,
    }),
  );
  await h.events.drain();
  await seedGhlRoutes(h.db.orm, [
    { tenantId: f.tenantId, ghlLocationId: f.ghlLocationId, locationId: f.locationId },
  ]);
}

export interface WsSubscription<T> {
  items: T[];
  errors: unknown[];
  completed: boolean;
  /** Resolves when `pred` holds for the received items (rejects after `ms`). */
  until(pred: (items: T[]) => boolean, ms?: number): Promise<T[]>;
  dispose(): void;
}

export function wsClient(url: string, token: string | null, onClosed?: (code: number) => void): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token === null ? {} : { [CONTEXT_HEADER]: token },
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => onClosed?.((event as { code: number }).code),
    },
  });
}

export function subscribe<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): WsSubscription<T> {
  const sub: WsSubscription<T> = {
    items: [],
    errors: [],
    completed: false,
    until: (pred, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          if (pred(sub.items)) return resolve(sub.items);
          if (sub.errors.length > 0 || sub.completed)
            return reject(new Error(`subscription ended: ${JSON.stringify(sub.errors)}`));
          if (Date.now() - started > ms)
            return reject(new Error(`timed out with ${JSON.stringify(sub.items)}`));
          setTimeout(tick, 10);
        };
        tick();
      }),
    dispose: () => undefined,
  };
  sub.dispose = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (r) => {
        if (r.errors) sub.errors.push(...r.errors);
        const v = r.data?.[field];
        if (v) sub.items.push(v);
      },
      error: (err) => {
        sub.errors.push(err);
      },
      complete: () => {
        sub.completed = true;
      },
    },
  );
  return sub;
}

/** Waits until `channel` has `n` local subscribers (the server-side subscription is live). */
export async function waitForSubscribers(
  pubsub: MemoryPubSub,
  channel: string,
  n = 1,
  ms = 5_000,
): Promise<void> {
  const started = Date.now();
  while (pubsub.subscriberCount(channel) < n) {
    if (Date.now() - started > ms) throw new Error(`no subscriber on ${channel}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function waitFor(pred: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const started = Date.now();
  while (!(await pred())) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function tokenFor(h: SubgraphHarness, p: Principal): Promise<string> {
  return h.codec.sign(p);
}
