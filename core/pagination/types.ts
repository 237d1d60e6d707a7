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

@ObjectType({
  description:
    'Where a page of a list ends. To read the next page, pass `endCursor` as the `after` argument of the same field while `hasNextPage` is true.',
})
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The cursor of this page's last item, to pass as `after` for the next page; null when the page is empty. Cursors are opaque and belong to one list and one organization: another list's or tenant's cursor, or an altered one, is refused with BAD_USER_INPUT.",
  })
  endCursor!: string | null;
}

export function connectionTypes<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its position in the list.` })
  class EdgeType implements Edge<T> {
    @Field(() => String, {
      description: 'The opaque position of this item; pass it as `after` to continue after it.',
    })
    cursor!: string;

    @Field(() => node, { description: `The ${name} itself.` })
    node!: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionBase implements Connection<T> {
    @Field(() => [EdgeType], {
      description: 'The items of this page, in list order; empty when nothing matches.',
    })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and the cursor to fetch them.' })
    pageInfo!: PageInfo;
  }

  return { Edge: EdgeType, Connection: ConnectionBase };
}
