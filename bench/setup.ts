/**
 * Data the bench needs, created through the gateway like any partner app would (not measured): extra
 * agents, and coaching sessions that the coaching subgraph has learned about (from the agents subgraph's
 * `agents.session.upserted` events) — checked by recording the agent's greeting turn, which coaching
 * refuses with NOT_FOUND until then.
 */
import type http from 'node:http';
import { demoAgents } from '../bin/demo-plan';
import { gqlPost, type PostTarget } from './http-client';
import { pick, prng } from './stats';
import type { NewAgent } from './workload';

const CREATE_AGENT = `mutation BenchCreateAgent($input: CreateAgentInput!) { createAgent(input: $input) { id name } }`;
const START_SESSION = `mutation BenchStartSession($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation BenchGreeting($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;

const CHANNELS = ['SMS', 'EMAIL', 'CHAT', 'CALL'] as const;

export interface BenchAgent {
  id: string;
  name: string;
}

async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map((item, k) => fn(item, i + k)))));
  }
  return out;
}

function firstError(r: { status: number; errors?: { message: string }[] }): string {
  return `HTTP ${r.status}: ${r.errors?.[0]?.message ?? 'no data'}`;
}

/** Creates the agents; returns them together with the Acme demo agents. */
export async function createAgents(
  agent: http.Agent,
  gateway: PostTarget,
  agents: NewAgent[],
): Promise<BenchAgent[]> {
  const created = await inBatches(agents, 8, async (input) => {
    const r = await gqlPost<{ createAgent: BenchAgent }>(agent, gateway, CREATE_AGENT, { input });
    if (!r.data?.createAgent) throw new Error(`createAgent failed: ${firstError(r)}`);
    return r.data.createAgent;
  });
  return [...demoAgents('acme').map((a) => ({ id: a.id, name: a.name })), ...created];
}

export interface BenchSession {
  id: string;
  agentName: string;
}

/**
 * Starts `count` sessions (agents round robin) and waits until coaching accepts each one: the agent's
 * greeting (a turn with `coach: false`, unique per session so no two conversations share a cache key).
 */
export async function createSessions(
  agent: http.Agent,
  gateway: PostTarget,
  agents: BenchAgent[],
  count: number,
  seed: number,
  timeoutMs: number,
): Promise<BenchSession[]> {
  const rand = prng(seed + 17);
  const plan = Array.from({ length: count }, (_, i) => ({
    agent: agents[i % agents.length]!,
    channel: pick(CHANNELS, rand),
  }));
  const sessions = await inBatches(plan, 8, async (p, i) => {
    const input = { agentId: p.agent.id, contactId: `bench-contact-${i + 1}`, channel: p.channel };
    const r = await gqlPost<{ startAgentSession: { id: string } }>(agent, gateway, START_SESSION, { input });
    if (!r.data?.startAgentSession) throw new Error(`startAgentSession failed: ${firstError(r)}`);
    return { id: r.data.startAgentSession.id, agentName: p.agent.name };
  });
  const deadline = performance.now() + timeoutMs;
  await inBatches(sessions, 8, async (s, i) => {
    const text = `Hi, this is ${s.agentName} with Acme Realty, thanks for reaching out about inquiry ${i + 1}!`;
    const input = { sessionId: s.id, speaker: 'AGENT', text, coach: false };
    for (;;) {
      const r = await gqlPost<{ addConversationTurn: { id: string } }>(agent, gateway, ADD_TURN, { input });
      if (r.data?.addConversationTurn) return;
      const code = r.errors?.[0]?.extensions?.['code'];
      if (code !== 'NOT_FOUND') throw new Error(`greeting turn failed: ${firstError(r)}`);
      if (performance.now() > deadline) {
        throw new Error(`coaching did not learn session ${s.id} within ${Math.round(timeoutMs / 1000)} s`);
      }
      await new Promise((res) => setTimeout(res, 100));
    }
  });
  return sessions;
}
