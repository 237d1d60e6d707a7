/**
 * Data the bench needs, created through the gateway like any partner app would (not measured): extra
 * agents, and coaching sessions with the agent's greeting — recorded right after `startAgentSession`
 * answers, once, as a partner would: a session is usable in coaching the moment it is started.
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
 * Starts `count` sessions (agents round robin), each followed at once by the agent's greeting (a turn
 * with `coach: false`, unique per session so no two conversations share a cache key). Any error stops
 * the bench: a partner never has to retry.
 */
export async function createSessions(
  agent: http.Agent,
  gateway: PostTarget,
  agents: BenchAgent[],
  count: number,
  seed: number,
): Promise<BenchSession[]> {
  const rand = prng(seed + 17);
  const plan = Array.from({ length: count }, (_, i) => ({
    agent: agents[i % agents.length]!,
    channel: pick(CHANNELS, rand),
  }));
  return inBatches(plan, 8, async (p, i) => {
    const input = { agentId: p.agent.id, contactId: `bench-contact-${i + 1}`, channel: p.channel };
    const r = await gqlPost<{ startAgentSession: { id: string } }>(agent, gateway, START_SESSION, { input });
    if (!r.data?.startAgentSession) throw new Error(`startAgentSession failed: ${firstError(r)}`);
    const session = { id: r.data.startAgentSession.id, agentName: p.agent.name };
    const text = `Hi, this is ${p.agent.name} with Acme Realty, thanks for reaching out about inquiry ${i + 1}!`;
    const greeting = { sessionId: session.id, speaker: 'AGENT', text, coach: false };
    const g = await gqlPost<{ addConversationTurn: { id: string } }>(agent, gateway, ADD_TURN, {
      input: greeting,
    });
    if (!g.data?.addConversationTurn) throw new Error(`greeting turn failed: ${firstError(g)}`);
    return session;
  });
}
