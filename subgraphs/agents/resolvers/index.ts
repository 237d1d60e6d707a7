import type { NonEmptyArray } from 'type-graphql';
import type { Arrivals } from '../../../core/events/arrivals';
import { createAgentResolver } from './agent-resolver';
import { createLocationResolver } from './location-resolver';
import { createSessionResolver } from './session-resolver';

export { referenceResolvers } from './reference-resolvers';

/** The resolver classes of one schema build; `locations` wakes requests waiting for a new location. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function createResolvers(locations: Arrivals): NonEmptyArray<Function> {
  return [createAgentResolver(locations), createSessionResolver(), createLocationResolver()];
}
