/**
 * What bench/federated-gateway.ts sends: one page of 20 agents with fields from four subgraphs — agents
 * (the page), tenants (location, its organization), analytics (performance in a date range) and billing
 * (the organization's plan and usage) — with varied variables (filters and date ranges), and the same
 * data fetched by a client that does the joins itself, straight from the subgraphs.
 */
import type http from 'node:http';
import { DEMO } from '../bin/demo-plan';
import { AgentRole, Experience } from '../core/vocabulary';
import { isCleanGraphQL, post, type PostTarget } from './http-client';
import { pick, prng } from './stats';

export const PAGE_SIZE = 20;

/** Through a gateway: four subgraphs, three levels of entity fetches. */
export const FEDERATED_QUERY = `query BenchFederated($first: Int, $filter: AgentFilter, $from: DateTime!, $to: DateTime!) {
  agents(first: $first, filter: $filter) {
    edges { node {
      id name role experience
      location { name timezone organization { id name billing { plan { code name } usage { hintsUsed limit remaining } } } }
      performance(from: $from, to: $to) { hintsDelivered acceptanceRate costMicros tokensIn }
    } }
  }
}`;

/** Client-side join, step 1 (agents subgraph): the page with the keys of what it references. */
export const JOIN_AGENTS = `query BenchJoinAgents($first: Int, $filter: AgentFilter) {
  agents(first: $first, filter: $filter) { edges { node { id name role experience location { id } } } }
}`;

/** Step 2a (tenants subgraph): the locations and their organizations' keys. */
export const JOIN_LOCATIONS = `query BenchJoinLocations($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Location { id name timezone organization { id name } } }
}`;

/** Step 2b (analytics subgraph, beside 2a): each agent's performance. */
export const JOIN_PERFORMANCE = `query BenchJoinPerformance($representations: [_Any!]!, $from: DateTime!, $to: DateTime!) {
  _entities(representations: $representations) {
    ... on Agent { performance(from: $from, to: $to) { hintsDelivered acceptanceRate costMicros tokensIn } }
  }
}`;

/** Step 3 (billing subgraph, after 2a): the organizations' billing. */
export const JOIN_BILLING = `query BenchJoinBilling($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Organization { billing { plan { code name } usage { hintsUsed limit remaining } } }
  }
}`;

export interface FederatedVariables {
  first: number;
  filter: Record<string, string | boolean> | null;
  from: string;
  to: string;
}

/** Filters that leave at least a full page of the seeded agents, so every answer has 20 agents. */
function pageFilters(): (Record<string, string | boolean> | null)[] {
  return [
    null,
    { active: true },
    { sharedPool: false },
    ...Object.values(AgentRole).map((role) => ({ role })),
    ...Object.values(Experience).map((experience) => ({ experience })),
    ...DEMO.acme.locations.map((l) => ({ locationId: l.id })),
  ];
}

/** `size` distinct variable sets: a filter and a performance range (start day and length vary). */
export function federatedVariablePool(size: number, seed: number): FederatedVariables[] {
  const rand = prng(seed);
  const filters = pageFilters();
  const seen = new Set<string>();
  const pool: FederatedVariables[] = [];
  const day = 86_400_000;
  const epoch = Date.UTC(2026, 0, 1);
  for (let attempts = 0; pool.length < size && attempts < size * 50; attempts++) {
    const start = epoch + Math.floor(rand() * 300) * day;
    const vars: FederatedVariables = {
      first: PAGE_SIZE,
      filter: pick(filters, rand),
      from: new Date(start).toISOString(),
      to: new Date(start + pick([1, 7, 14, 30, 90], rand) * day).toISOString(),
    };
    const key = JSON.stringify(vars);
    if (seen.has(key)) continue;
    seen.add(key);
    pool.push(vars);
  }
  return pool;
}

export interface JoinTargets {
  agents: PostTarget;
  tenants: PostTarget;
  analytics: PostTarget;
  billing: PostTarget;
}

interface AgentsPage {
  data: { agents: { edges: { node: { id: string; location: { id: string } | null } }[] } };
}
interface LocationsAnswer {
  data: { _entities: ({ organization: { id: string } } | null)[] };
}

const entities = (typename: string, ids: Iterable<string>) =>
  [...new Set(ids)].map((id) => ({ __typename: typename, id }));

/** The client-side join: resolves with an error text, or null when every answer was clean. */
export async function clientJoin(
  agent: http.Agent,
  t: JoinTargets,
  vars: FederatedVariables,
): Promise<string | null> {
  const bad = (step: string, r: { status: number; body: string }) =>
    `${step}: HTTP ${r.status}: ${r.body.slice(0, 300)}`;
  const r1 = await post(agent, t.agents, JSON.stringify({ query: JOIN_AGENTS, variables: vars }));
  if (!isCleanGraphQL(r1)) return bad('agents', r1);
  const nodes = (JSON.parse(r1.body) as AgentsPage).data.agents.edges.map((e) => e.node);
  const locations = entities(
    'Location',
    nodes.flatMap((n) => (n.location ? [n.location.id] : [])),
  );
  const agents = entities(
    'Agent',
    nodes.map((n) => n.id),
  );
  const billing = async (): Promise<string | null> => {
    if (locations.length === 0) return null;
    const body = JSON.stringify({ query: JOIN_LOCATIONS, variables: { representations: locations } });
    const r2 = await post(agent, t.tenants, body);
    if (!isCleanGraphQL(r2)) return bad('tenants', r2);
    const orgs = (JSON.parse(r2.body) as LocationsAnswer).data._entities.flatMap((l) =>
      l ? [l.organization.id] : [],
    );
    const representations = entities('Organization', orgs);
    const r3 = await post(
      agent,
      t.billing,
      JSON.stringify({ query: JOIN_BILLING, variables: { representations } }),
    );
    return isCleanGraphQL(r3) ? null : bad('billing', r3);
  };
  const performance = async (): Promise<string | null> => {
    const variables = { representations: agents, from: vars.from, to: vars.to };
    const r = await post(agent, t.analytics, JSON.stringify({ query: JOIN_PERFORMANCE, variables }));
    return isCleanGraphQL(r) ? null : bad('analytics', r);
  };
  const [a, b] = await Promise.all([billing(), performance()]);
  return a ?? b;
}
