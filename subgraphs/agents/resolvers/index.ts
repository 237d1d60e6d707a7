import type { NonEmptyArray } from 'type-graphql';
import { createAgentResolver } from './agent-resolver';
import { createLocationResolver } from './location-resolver';
import { createSessionResolver } from './session-resolver';

export { referenceResolvers } from './reference-resolvers';

/** The resolver classes of one schema build. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function createResolvers(): NonEmptyArray<Function> {
  return [createAgentResolver(), createSessionResolver(), createLocationResolver()];
}
