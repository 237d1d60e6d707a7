/**
 * Builds the engine's CoachRequest from this subgraph's own data: the AgentProfile read model, the
 * session, the recent turns, the known slots and the contact's memory (facts, summaries, notes). No call to another subgraph.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Arrivals } from '../../../core/events/arrivals';
import { AgentRole, Experience, type ConversationStage } from '../../../core/vocabulary';
import type { AgentProfileView, Slots, Turn } from '../coach/types';
import type { SharedAnalysis } from '../coach/conversation-analysis';
import type { CoachRequest, CoachingKind } from '../engine/types';
import { AgentProfile, ConversationTurn, type Qualification, type SessionView } from '../entities';
import type { RememberedContext } from './contact-memory';
import { sessionMemory } from './qualification';
import { agentArrival } from './read-model-arrivals';
import { sessionVertical } from './vertical';
import { pickVariant } from '../learning/arms';

/** Used when the agent's profile event has not arrived (within the wait, when there is one). */
export const DEFAULT_AGENT_VIEW: AgentProfileView = {
  role: AgentRole.BUYER_AGENT,
  experience: Experience.EXPERIENCED,
  specializations: [],
};

/** Waits (bounded) for an agent profile the read model has not learned yet: the agent may be brand new. */
export interface AwaitProfile {
  arrivals: Arrivals;
  tenantId: string;
}

export async function agentView(
  em: EntityManager,
  agentId: string,
  wait?: AwaitProfile,
): Promise<AgentProfileView> {
  const find = () => em.findOne(AgentProfile, { agentId });
  const profile =
    (await find()) ?? (wait ? await wait.arrivals.await(agentArrival(wait.tenantId, agentId), find) : null);
  if (!profile) return DEFAULT_AGENT_VIEW;
  return {
    role: profile.role,
    experience: profile.experience,
    specializations: [...profile.specializations],
    name: profile.name,
  };
}

/** The last `count` turns of a session, oldest first. */
export async function recentTurns(em: EntityManager, sessionId: string, count: number): Promise<Turn[]> {
  const rows = await em.find(
    ConversationTurn,
    { sessionId },
    { orderBy: { at: 'desc', id: 'desc' }, limit: count },
  );
  return rows.reverse().map((t) => ({ speaker: t.speaker, text: t.text }));
}

export interface CoachRequestInput {
  session: SessionView;
  kind: CoachingKind;
  question?: string;
  recentTurnCount: number;
  /** Already loaded by the caller (skips a query). */
  agent?: AgentProfileView;
  /** Wait for a profile the read model has not learned yet (see `agentView`). */
  awaitProfile?: AwaitProfile;
  turns?: Turn[];
  qualification?: Qualification | null;
  /** The session's vertical when the caller has it (service/vertical.ts); looked up otherwise. */
  vertical?: string;
  /** The contact's memory when the caller has it (turn-memory.ts); read otherwise. */
  memory?: RememberedContext;
  /** The offline coach's analysis made while recording the turn (the engine checks it fits). */
  sharedAnalysis?: SharedAnalysis;
}

export async function buildCoachRequest(em: EntityManager, input: CoachRequestInput): Promise<CoachRequest> {
  const { session } = input;
  const agent = input.agent ?? (await agentView(em, session.agentId, input.awaitProfile));
  const turns = input.turns ?? (await recentTurns(em, session.sessionId, input.recentTurnCount));
  const known: Slots = input.qualification?.slots ?? {};
  const stage: ConversationStage = input.qualification?.stage ?? session.stage;
  // the coaching bandit: Thompson sampling over the variants of this (tenant, role, stage) (learning/arms.ts)
  const variant = await pickVariant(em, { tenantId: session.tenantId, role: agent.role, stage });
  const memory = input.memory ?? (await sessionMemory(em, session));
  return {
    tenantId: session.tenantId,
    sessionId: session.sessionId,
    agent,
    stage,
    turns,
    ...(input.question ? { question: input.question } : {}),
    known,
    ...(memory.lines.length > 0 ? { memory: memory.lines } : {}),
    remembered: memory.remembered,
    vertical: input.vertical ?? (await sessionVertical(em, session, input.awaitProfile)),
    kind: input.kind,
    variant,
    ...(input.sharedAnalysis ? { sharedAnalysis: input.sharedAnalysis } : {}),
  };
}
