/**
 * The GraphQL side of core/pagination/connection.ts. `PageInfo` is a federation value type: every
 * subgraph with a connection declares it, `@shareable`, and because they all declare it with this one
 * class it is identical in each (composition fails when two subgraphs' copies differ).
 * `connectionTypes(Node, 'Agent')` gives the `AgentEdge` type and an abstract `edges`/`pageInfo` base
 * that a subgraph's `AgentConnection` extends (adding e.g. `totalCount`); the base is never referenced
 * by a field, so it never reaches a schema.
 */
import { Directive, Field, ObjectType, type ClassType } from 'type-graphql';
import type { Connection, Edge } from './connection';

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export function connectionTypes<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionBase implements Connection<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }

  return { Edge: EdgeType, Connection: ConnectionBase };
}
