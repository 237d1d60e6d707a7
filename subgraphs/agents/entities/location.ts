/**
 * `Location` is owned by the tenants subgraph; this subgraph only contributes `Location.agents`.
 * Not a database entity: its only own field is the key.
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

// owned by the tenants subgraph; the description is the owner's, so the portal shows one text
@ObjectType({ description: 'A GoHighLevel location (sub-account) of an organization.' })
@Directive('@key(fields: "id")')
export class Location {
  @Field(() => ID, { description: 'The unique id (a UUID), assigned by the platform.' })
  id!: string;
}

export interface LocationRef {
  __typename: 'Location';
  id: string;
}

export function locationRef(id: string | null): LocationRef | null {
  return id === null ? null : { __typename: 'Location', id };
}
