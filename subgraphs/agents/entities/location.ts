/**
 * `Location` is owned by the tenants subgraph; this subgraph only contributes `Location.agents`.
 * Not a database entity: its only own field is the key.
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A brokerage location (owned by the tenants subgraph).' })
@Directive('@key(fields: "id")')
export class Location {
  @Field(() => ID)
  id!: string;
}

export interface LocationRef {
  __typename: 'Location';
  id: string;
}

export function locationRef(id: string | null): LocationRef | null {
  return id === null ? null : { __typename: 'Location', id };
}
