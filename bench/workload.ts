/**
 * What the bench sends: the federated agents query (and its direct-subgraph counterparts) with varied
 * variables, the agents it creates so those variables return varied pages, and the lead texts of the
 * coaching bursts. Everything derives from a seed, so two runs send the same workload.
 */
import fs from 'node:fs';
import { DEMO } from '../bin/demo-plan';
import { AgentRole, Experience, Specialization } from '../core/vocabulary';
import { pick, prng } from './stats';

/** Through the gateway: agents (agents subgraph) joined with their location (tenants subgraph). */
export const GATEWAY_AGENTS_QUERY = `query BenchAgents($first: Int, $filter: AgentFilter) {
  agents(first: $first, filter: $filter) { edges { node { name role location { name timezone } } } }
}`;

/** Straight to the agents subgraph: the same page; it only knows each location's key. */
export const DIRECT_AGENTS_QUERY = `query BenchAgents($first: Int, $filter: AgentFilter) {
  agents(first: $first, filter: $filter) { edges { node { name role location { __typename id } } } }
}`;

/** Straight to the tenants subgraph: the location fields for the keys the agents page returned. */
export const DIRECT_LOCATIONS_QUERY = `query BenchLocations($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Location { name timezone } }
}`;

export interface AgentsVariables {
  first: number;
  filter: Record<string, string | boolean> | null;
}

// prettier-ignore
const FIRST_NAMES = [
  'Maya', 'Jordan', 'Priya', 'Luis', 'Hannah', 'Devon', 'Grace', 'Omar', 'Elena', 'Marcus', 'Sofia', 'Ethan',
  'Aisha', 'Noah', 'Chloe', 'Mateo', 'Zoe', 'Liam', 'Ava', 'Kenji', 'Fatima', 'Caleb', 'Nora', 'Diego',
];
// prettier-ignore
const LAST_NAMES = [
  'Anderson', 'Brooks', 'Castillo', 'Dawson', 'Ellis', 'Fischer', 'Garcia', 'Hughes', 'Ibrahim', 'Jensen',
  'Kim', 'Lopez', 'Morgan', 'Nguyen', 'Okafor', 'Patel', 'Quinn', 'Rivera', 'Santos', 'Turner',
];

const ROLES = Object.values(AgentRole);
const LEVELS = Object.values(Experience);
const SPECS = Object.values(Specialization);
const ACME_LOCATIONS = DEMO.acme.locations.map((l) => l.id);

export interface NewAgent {
  name: string;
  email: string;
  role: AgentRole;
  experience: Experience;
  specializations: Specialization[];
  locationId: string | null;
  tags: string[];
}

/** Agents for the Acme tenant: every role/experience/specialization, both locations and the shared pool. */
export function benchAgents(count: number, seed: number): NewAgent[] {
  const rand = prng(seed);
  const out: NewAgent[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST_NAMES, rand);
    const last = pick(LAST_NAMES, rand);
    const specs = SPECS.filter(() => rand() < 0.25);
    out.push({
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@bench.example.com`.toLowerCase(),
      role: pick(ROLES, rand),
      experience: pick(LEVELS, rand),
      specializations: specs,
      locationId: rand() < 0.15 ? null : pick(ACME_LOCATIONS, rand),
      tags: rand() < 0.3 ? ['bench'] : [],
    });
  }
  return out;
}

/** Substrings of the names in use (2–4 letters), so searches match some agents and not others. */
function searchTerms(): string[] {
  const terms = new Set<string>();
  for (const name of [...FIRST_NAMES, ...LAST_NAMES]) {
    const lower = name.toLowerCase();
    for (const len of [2, 3, 4])
      for (let i = 0; i + len <= lower.length; i += 2) terms.add(lower.slice(i, i + len));
  }
  return [...terms].sort();
}

/** `size` distinct variable sets for the agents query: page sizes, filters and search strings vary. */
export function agentsVariablePool(size: number, seed: number): AgentsVariables[] {
  const rand = prng(seed);
  const terms = searchTerms();
  const seen = new Set<string>();
  const pool: AgentsVariables[] = [];
  for (let attempts = 0; pool.length < size && attempts < size * 50; attempts++) {
    const filter: Record<string, string | boolean> = {};
    if (rand() < 0.35) filter['role'] = pick(ROLES, rand);
    if (rand() < 0.3) filter['experience'] = pick(LEVELS, rand);
    if (rand() < 0.2) filter['specialization'] = pick(SPECS, rand);
    if (rand() < 0.45) filter['search'] = pick(terms, rand);
    if (rand() < 0.2) filter['active'] = true;
    const place = rand();
    if (place < 0.2) filter['locationId'] = pick(ACME_LOCATIONS, rand);
    else if (place < 0.3) filter['sharedPool'] = rand() < 0.5;
    const vars: AgentsVariables = {
      first: pick([5, 10, 10, 20, 20, 30, 50], rand),
      filter: Object.keys(filter).length ? filter : null,
    };
    const key = JSON.stringify(vars);
    if (seen.has(key)) continue;
    seen.add(key);
    pool.push(vars);
  }
  return pool;
}

/** The distinct LEAD turn texts of a labelled-conversation JSONL file. */
export function loadLeadTexts(file: string): string[] {
  const texts = new Set<string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { turns?: { speaker?: unknown; text?: unknown }[] };
    for (const t of row.turns ?? []) {
      if (t.speaker === 'LEAD' && typeof t.text === 'string' && t.text.trim()) texts.add(t.text.trim());
    }
  }
  if (texts.size === 0) throw new Error(`${file}: no LEAD turns found`);
  return [...texts];
}
