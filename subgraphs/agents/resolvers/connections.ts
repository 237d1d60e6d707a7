/**
 * Relay-style connection types. `PageInfo` is a value type the tenants subgraph declares too: it is
 * `@shareable` and must stay field-for-field identical there (hasNextPage, endCursor), or the
 * supergraph stops composing.
 */
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Agent } from '../entities/agent';
import { AgentSession } from '../entities/agent-session';

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class AgentEdge {
  @Field()
  cursor!: string;

  @Field(() => Agent)
  node!: Agent;
}

@ObjectType()
export class AgentConnection {
  @Field(() => [AgentEdge])
  edges!: AgentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matching agents across all pages.' })
  totalCount!: number;
}

@ObjectType()
export class AgentSessionEdge {
  @Field()
  cursor!: string;

  @Field(() => AgentSession)
  node!: AgentSession;
}

@ObjectType()
export class AgentSessionConnection {
  @Field(() => [AgentSessionEdge])
  edges!: AgentSessionEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matching sessions across all pages.' })
  totalCount!: number;
}
