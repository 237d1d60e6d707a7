/** Locations: GoHighLevel sub-accounts owned by organizations. */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../../../core/errors';
import type { RequestContext } from '../../../core/request-context';
import { Location } from '../entities';
import { requireAdmin, requireRead } from './access';
import { locationLoader, locationsByOrganizationLoader, organizationLoader } from './loaders';
import * as check from '../../../core/validation';
import { requireTimezone, TEXT_MAX } from './validation';
import { forgetVisibility, visibility } from './visibility';
import { locationUpserted } from './events';
import { writeAudited } from './write';

export interface CreateLocationInput {
  /** Default: the caller's organization. */
  organizationId?: string | null;
  ghlLocationId: string;
  name: string;
  timezone: string;
}

export interface UpdateLocationInput {
  id: string;
  ghlLocationId?: string | null;
  name?: string | null;
  timezone?: string | null;
}

const ghlConflict = () =>
  new ConflictError('ghlLocationId: already registered to a location', { field: 'ghlLocationId' });

export async function getLocation(ctx: RequestContext, id: string): Promise<Location> {
  requireRead(ctx.principal);
  const loc = await locationLoader(ctx).load(id);
  if (!loc) throw new NotFoundError('Location', id);
  return loc;
}

export async function listLocations(
  ctx: RequestContext,
  organizationId?: string | null,
): Promise<Location[]> {
  requireRead(ctx.principal);
  const vis = await visibility(ctx);
  if (organizationId) {
    if (!(await organizationLoader(ctx).load(organizationId)))
      throw new NotFoundError('Organization', organizationId);
    return locationsByOrganizationLoader(ctx).load(organizationId);
  }
  const orgIds = vis.tree.all().map((o) => o.id);
  const rows = await ctx.em.find(
    Location,
    { organizationId: { $in: orgIds } },
    { orderBy: { name: 'asc', id: 'asc' } },
  );
  return rows.filter((l) => vis.canSeeLocation(l));
}

async function assertGhlIdFree(ctx: RequestContext, ghlLocationId: string, exceptId?: string): Promise<void> {
  const existing = await ctx.em.findOne(Location, { ghlLocationId });
  if (existing && existing.id !== exceptId) throw ghlConflict();
}

export async function createLocation(ctx: RequestContext, input: CreateLocationInput): Promise<Location> {
  requireAdmin(ctx.principal);
  const organizationId = input.organizationId ?? ctx.principal.organizationId;
  const ghlLocationId = check.externalId('ghlLocationId', input.ghlLocationId);
  const name = check.text('name', input.name, TEXT_MAX);
  const timezone = requireTimezone('timezone', input.timezone);
  const vis = await visibility(ctx);
  if (!vis.tree.get(organizationId) || !vis.canAdminister(organizationId)) {
    throw new NotFoundError('Organization', organizationId);
  }
  await assertGhlIdFree(ctx, ghlLocationId);
  const loc = await writeAudited(
    ctx,
    async (em) => {
      const created = em.create(Location, {
        id: randomUUID(),
        tenantId: ctx.principal.tenantId,
        organizationId,
        ghlLocationId,
        name,
        timezone,
        createdAt: new Date(),
      });
      const change = { organizationId, ghlLocationId, name, timezone };
      return {
        result: created,
        audit: { action: 'location.create', targetType: 'Location', targetId: created.id, change },
        events: [locationUpserted(created)],
      };
    },
    { onConflict: ghlConflict },
  );
  forgetVisibility(ctx);
  return loc;
}

export async function updateLocation(ctx: RequestContext, input: UpdateLocationInput): Promise<Location> {
  requireAdmin(ctx.principal);
  const current = await locationLoader(ctx).load(input.id);
  const vis = await visibility(ctx);
  if (!current || !vis.canAdminister(current.organizationId)) throw new NotFoundError('Location', input.id);
  const next = {
    ghlLocationId:
      input.ghlLocationId == null
        ? current.ghlLocationId
        : check.externalId('ghlLocationId', input.ghlLocationId),
    name: input.name == null ? current.name : check.text('name', input.name, TEXT_MAX),
    timezone: input.timezone == null ? current.timezone : requireTimezone('timezone', input.timezone),
  };
  if (next.ghlLocationId !== current.ghlLocationId)
    await assertGhlIdFree(ctx, next.ghlLocationId, current.id);
  const before = { ghlLocationId: current.ghlLocationId, name: current.name, timezone: current.timezone };
  return writeAudited(
    ctx,
    async (em) => {
      const loc = await em.findOneOrFail(Location, { id: current.id });
      Object.assign(loc, next);
      return {
        result: loc,
        audit: {
          action: 'location.update',
          targetType: 'Location',
          targetId: loc.id,
          change: { before, after: next },
        },
        events: [locationUpserted(loc)],
      };
    },
    { onConflict: ghlConflict },
  );
}
