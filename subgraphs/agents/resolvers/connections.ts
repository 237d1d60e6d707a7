/**
 * Relay-style connection types, built from core/pagination/types.ts: the shared `@shareable`
 * `PageInfo` and one generic edge/connection shape; agents adds `totalCount`.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../core/pagination/types';
import { Agent } from '../entities/agent';
import { AgentSession } from '../entities/agent-session';

const agents = connectionTypes(Agent, 'Agent');
const sessions = connectionTypes(AgentSession, 'AgentSession');

@ObjectType({ description: 'One page of agents, with the total number that match.' })
export class AgentConnection extends agents.Connection {
  @Field(() => Int, { description: 'Matching agents across all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'One page of agent sessions, with the total number that match.' })
export class AgentSessionConnection extends sessions.Connection {
  @Field(() => Int, { description: 'Matching sessions across all pages.' })
  totalCount!: number;
}
