/**
 * Shared helpers for the agents subgraph tests: GraphQL documents, a typed createAgent, error
 * assertions, publishing the outbox on demand, and a SQL counter on the ORM's knex instance.
 */
import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Principal } from '../../../core/principal';
import {
  AgentRole,
  EventTypes,
  Experience,
  MemberRole,
  Specialization,
  type LocationUpsertedPayload,
} from '../../../core/vocabulary';
import type { GraphQLResponse, SubgraphHarness } from '../../helpers/subgraph-harness';
import { principal } from '../../helpers/principals';
import type { Orm } from '../../../core/db/orm';
import { OutboxEvent, startOutboxRelay, type OutboxRelay } from '../../../core/outbox';
import { makeEvent } from '../../../core/events/envelope';

export const AGENT_FIELDS = `id name email phone ghlUserId role experience specializations tags locationId sharedPool
  active createdAt updatedAt location { id }`;

export const SESSION_FIELDS = `id agentId locationId contactId channel stage context startedAt endedAt active`;

export interface AgentView {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  ghlUserId: string | null;
  role: AgentRole;
  experience: Experience;
  specializations: Specialization[];
  tags: string[];
  locationId: string | null;
  sharedPool: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  location: { id: string } | null;
}

export interface SessionView {
  id: string;
  agentId: string;
  locationId: string | null;
  contactId: string;
  channel: string;
  stage: string;
  context: Record<string, unknown>;
  startedAt: string;
  endedAt: string | null;
  active: boolean;
}

export interface ConnectionView<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface World {
  tenantA: string;
  tenantB: string;
  loc1: string;
  loc2: string;
  loc3: string;
  /** A location of tenant B. */
  locB: string;
  owner: Principal;
  ownerB: Principal;
  manager1: Principal;
  manager2: Principal;
}

export function makeWorld(): World {
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  const [loc1, loc2, loc3] = [randomUUID(), randomUUID(), randomUUID()];
  return {
    tenantA,
    tenantB,
    loc1,
    loc2,
    loc3,
    locB: randomUUID(),
    owner: principal({ tenantId: tenantA }),
    ownerB: principal({ tenantId: tenantB }),
    manager1: principal({ tenantId: tenantA, role: MemberRole.MANAGER, locationIds: [loc1] }),
    manager2: principal({ tenantId: tenantA, role: MemberRole.MANAGER, locationIds: [loc2] }),
  };
}

export function agentPrincipal(tenantId: string, agentId: string, locationId: string | null): Principal {
  return principal({
    tenantId,
    role: MemberRole.AGENT,
    agentId,
    locationIds: locationId ? [locationId] : [],
  });
}

let counter = 0;

export function agentInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    name: `Agent ${counter}`,
    email: `agent${counter}@example.com`,
    phone: '(512) 555-0101',
    role: AgentRole.BUYER_AGENT,
    experience: Experience.NOVICE,
    specializations: [Specialization.FIRST_TIME_BUYERS],
    tags: ['bilingual'],
    locationId: null,
    ...overrides,
  };
}

export const CREATE_AGENT = `mutation($input: CreateAgentInput!) { createAgent(input: $input) { ${AGENT_FIELDS} } }`;

/** Creates an agent and fails the test with the GraphQL errors if it did not work. */
export async function createAgent(
  h: SubgraphHarness,
  p: Principal,
  overrides: Record<string, unknown> = {},
): Promise<AgentView> {
  const res = await h.exec<{ createAgent: AgentView }>(p, CREATE_AGENT, { input: agentInput(overrides) });
  if (!res.data?.createAgent) throw new Error(`createAgent failed: ${JSON.stringify(res.errors)}`);
  return res.data.createAgent;
}

export const START_SESSION = `mutation($input: StartAgentSessionInput!) { startAgentSession(input: $input) { ${SESSION_FIELDS} } }`;

export async function startSession(
  h: SubgraphHarness,
  p: Principal,
  input: Record<string, unknown>,
): Promise<SessionView> {
  const res = await h.exec<{ startAgentSession: SessionView }>(p, START_SESSION, {
    input: { contactId: 'ghlContact01', channel: 'SMS', ...input },
  });
  if (!res.data?.startAgentSession)
    throw new Error(`startAgentSession failed: ${JSON.stringify(res.errors)}`);
  return res.data.startAgentSession;
}

/** Asserts the response failed with `code` (and `field`, when given) on its first error. */
export function expectError(res: GraphQLResponse<unknown>, code: string, field?: string): void {
  const err = res.errors?.[0];
  if (!err) throw new Error(`expected ${code}, got data ${JSON.stringify(res.data)}`);
  expect(err.extensions?.['code']).toBe(code);
  if (field !== undefined) expect(err.extensions?.['field']).toBe(field);
  expect(res.status).toBeLessThan(500);
}

const relays = new WeakMap<SubgraphHarness, OutboxRelay>();

/** Unpublished outbox rows of every tenant, counted as the owner (the runtime role sees a tenant's only). */
export function unpublishedCount(h: SubgraphHarness): Promise<number> {
  return h.db.owner.em.fork().count(OutboxEvent, { publishedAt: null });
}

/**
 * Publishes everything staged in the outbox and waits for every delivery (and the consumers' own
 * staged events) to finish. The module's relay polls on its own; this test relay publishes now, and
 * loops because the module's relay may hold rows (SKIP LOCKED on PostgreSQL) while publishing them.
 */
export async function settleEvents(h: SubgraphHarness): Promise<void> {
  let relay = relays.get(h);
  if (!relay) {
    relay = startOutboxRelay({ orm: h.db.orm, bus: h.events, intervalMs: 3_600_000 });
    relays.set(h, relay);
  }
  for (let round = 0; round < 200; round++) {
    await h.events.drain();
    await relay.runOnce();
    if ((await unpublishedCount(h)) === 0) {
      await h.events.drain();
      if ((await unpublishedCount(h)) === 0) return;
    } else {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  throw new Error('outbox did not settle');
}

/** Stops the test relay of `h` (call before closing the harness). */
export async function stopTestRelay(h: SubgraphHarness): Promise<void> {
  await relays.get(h)?.stop();
  relays.delete(h);
}

/** Counts SQL statements run through the ORM's knex whose text matches `pattern`. */
export function countQueries(orm: Orm, pattern: RegExp): { count(): number; sql: string[]; stop(): void } {
  const knex = (orm.em as SqlEntityManager).getKnex();
  const sql: string[] = [];
  const listener = (q: { sql: string }) => {
    if (pattern.test(q.sql)) sql.push(q.sql);
  };
  knex.on('query', listener);
  return { count: () => sql.length, sql, stop: () => void knex.removeListener('query', listener) };
}

/** `select ... from <agents table>` (either dialect, any schema). */
export const SELECT_AGENTS = /^select .* from [`"]?(?:[a-z0-9_]+[`"]?\.[`"]?)?agents[`"]? /i;
export const SELECT_SESSIONS = /^select .* from [`"]?(?:[a-z0-9_]+[`"]?\.[`"]?)?agent_sessions[`"]? /i;

/**
 * Announces locations of `tenantId` as the tenants subgraph does (`tenants.location.upserted`) and waits
 * until the agents subgraph applied them: only then may agents be put there.
 */
export async function announceLocations(
  h: SubgraphHarness,
  tenantId: string,
  locationIds: readonly string[],
): Promise<void> {
  for (const locationId of locationIds) {
    const payload: LocationUpsertedPayload = {
      locationId,
      organizationId: tenantId,
      ghlLocationId: null,
      name: `Location ${locationId.slice(0, 8)}`,
    };
    await h.events.publish(makeEvent(EventTypes.tenantLocationUpserted, tenantId, payload));
  }
  await h.events.drain();
}

/** The world's locations: loc1..loc3 belong to tenant A, locB to tenant B. */
export async function announceWorld(h: SubgraphHarness, w: World): Promise<void> {
  await announceLocations(h, w.tenantA, [w.loc1, w.loc2, w.loc3]);
  await announceLocations(h, w.tenantB, [w.locB]);
}
