/**
 * What the caller of this request can see, computed once per request from the live organization tree:
 * OWNER/ADMIN see their organization and its descendants (including ones created after the credential
 * was issued); MANAGER/AGENT see their organization and their locations (and those locations' orgs).
 * Anything not visible answers exactly like a missing id.
 */
import { isOrgWide } from '../../../core/principal';
import type { RequestContext } from '../../../core/request-context';
import { Location } from '../entities';
import { loadOrgTree, type OrgTree } from './hierarchy';

export interface LocationLike {
  id: string;
  organizationId: string;
}

export class Visibility {
  constructor(
    readonly tree: OrgTree,
    /** Organizations visible to the caller. */
    readonly organizationIds: ReadonlySet<string>,
    /** The caller's organization and descendants: where its authority reaches. */
    private readonly subtreeIds: ReadonlySet<string>,
    /** null = every location of the subtree. */
    private readonly locationIds: ReadonlySet<string> | null,
  ) {}

  canSeeOrganization(id: string): boolean {
    return this.organizationIds.has(id);
  }

  canSeeLocation(loc: LocationLike): boolean {
    if (!this.subtreeIds.has(loc.organizationId)) return false;
    return this.locationIds === null || this.locationIds.has(loc.id);
  }

  /** Organizations the caller administers (its subtree): only meaningful for OWNER/ADMIN. */
  canAdminister(organizationId: string): boolean {
    return this.subtreeIds.has(organizationId);
  }
}

const cache = new WeakMap<RequestContext, Promise<Visibility>>();

export function visibility(ctx: RequestContext): Promise<Visibility> {
  let v = cache.get(ctx);
  if (!v) {
    v = computeVisibility(ctx);
    cache.set(ctx, v);
    v.catch(() => cache.delete(ctx));
  }
  return v;
}

/** After a mutation changed the hierarchy or locations, recompute on next use. */
export function forgetVisibility(ctx: RequestContext): void {
  cache.delete(ctx);
  ctx.loaders.clear();
}

async function computeVisibility(ctx: RequestContext): Promise<Visibility> {
  const p = ctx.principal;
  const tree = await loadOrgTree(ctx.em);
  const subtree = new Set(tree.subtree(p.organizationId));
  if (isOrgWide(p)) return new Visibility(tree, subtree, subtree, null);
  const orgs = new Set<string>(subtree.has(p.organizationId) ? [p.organizationId] : []);
  let locationIds: Set<string> | null = null;
  if (p.locationIds !== null) {
    const locations = p.locationIds.length
      ? await ctx.em.find(Location, { id: { $in: p.locationIds }, organizationId: { $in: [...subtree] } })
      : [];
    locationIds = new Set(locations.map((l) => l.id));
    for (const l of locations) orgs.add(l.organizationId);
  } else {
    for (const id of subtree) orgs.add(id);
  }
  return new Visibility(tree, orgs, subtree, locationIds);
}
