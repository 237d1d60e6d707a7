/** One DataLoader per entity per request; each answers null for ids the caller may not see. */
import type DataLoader from 'dataloader';
import { byKeys, loaderFor, type RequestContext } from '../../../core/request-context';
import { Location, type Organization } from '../entities';
import { visibility } from './visibility';

export function organizationLoader(ctx: RequestContext): DataLoader<string, Organization | null> {
  return loaderFor<string, Organization | null>(ctx, 'tenants.Organization', async (ids) => {
    const vis = await visibility(ctx);
    return ids.map((id) => (vis.canSeeOrganization(id) ? (vis.tree.get(id) ?? null) : null));
  });
}

export function locationLoader(ctx: RequestContext): DataLoader<string, Location | null> {
  return loaderFor<string, Location | null>(ctx, 'tenants.Location', async (ids) => {
    const vis = await visibility(ctx);
    const rows = await ctx.em.find(Location, { id: { $in: [...ids] } });
    return byKeys(
      ids,
      rows.filter((l) => vis.canSeeLocation(l)),
      (l) => l.id,
    );
  });
}

/** Visible locations per organization id. */
export function locationsByOrganizationLoader(ctx: RequestContext): DataLoader<string, Location[]> {
  return loaderFor<string, Location[]>(ctx, 'tenants.Organization.locations', async (orgIds) => {
    const vis = await visibility(ctx);
    const rows = await ctx.em.find(
      Location,
      { organizationId: { $in: [...orgIds] } },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
    const visible = rows.filter((l) => vis.canSeeLocation(l));
    return orgIds.map((id) => visible.filter((l) => l.organizationId === id));
  });
}
