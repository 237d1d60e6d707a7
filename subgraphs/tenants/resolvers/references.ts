/**
 * Federation entity resolution: `_entities` for Organization and Location batch through the request's
 * one DataLoader per entity and answer null for ids the caller may not see (or that do not exist).
 */
import type { TenantsContext } from '../runtime';
import type { SubgraphResolverMap } from '../../../core/server/federated-schema';
import type { Location, Organization } from '../entities';
import { requireRead } from '../service/access';
import { locationLoader, organizationLoader } from '../service/loaders';

interface EntityRef {
  id?: unknown;
}

const idOf = (ref: EntityRef): string | null =>
  typeof ref.id === 'string' || typeof ref.id === 'number' ? String(ref.id) : null;

export function resolveOrganizationReference(
  ref: EntityRef,
  ctx: TenantsContext,
): Promise<Organization | null> | null {
  requireRead(ctx.principal);
  const id = idOf(ref);
  return id === null ? null : organizationLoader(ctx).load(id);
}

export function resolveLocationReference(
  ref: EntityRef,
  ctx: TenantsContext,
): Promise<Location | null> | null {
  requireRead(ctx.principal);
  const id = idOf(ref);
  return id === null ? null : locationLoader(ctx).load(id);
}

export const referenceResolvers: SubgraphResolverMap = {
  Organization: {
    __resolveReference: (ref: EntityRef, ctx: unknown) =>
      resolveOrganizationReference(ref, ctx as TenantsContext),
  },
  Location: {
    __resolveReference: (ref: EntityRef, ctx: unknown) =>
      resolveLocationReference(ref, ctx as TenantsContext),
  },
};
