/**
 * `__resolveReference` for the entities this subgraph serves: AgentSession and Agent are references
 * (their fields check access themselves); a CoachingHint is loaded and is null when not visible.
 */
import type { CoachingHint } from '../entities';
import { withService, type CoachingContext } from '../service/context';
import { findHint } from '../service/queries';

interface Ref {
  id: string;
}

export const referenceResolvers = {
  AgentSession: { __resolveReference: (ref: Ref): Ref => ({ id: ref.id }) },
  Agent: { __resolveReference: (ref: Ref): Ref => ({ id: ref.id }) },
  CoachingHint: {
    __resolveReference: (ref: Ref, ctx: CoachingContext): Promise<CoachingHint | null> =>
      withService(ctx, (svc) => findHint(svc, ref.id)),
  },
};
