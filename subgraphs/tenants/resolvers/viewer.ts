import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { Organization } from '../entities';
import { viewer, viewerOrganization } from '../service/viewer';
import { Viewer } from './types';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, {
    description:
      'Who is calling: the tenant, organization, role, scopes and locations this request runs with. Needs only a valid credential (no scope).',
  })
  viewer(@Ctx() ctx: TenantsContext): Viewer {
    return viewer(ctx);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: "The caller's organization (null without tenants:read).",
  })
  organization(@Root() _v: Viewer, @Ctx() ctx: TenantsContext): Promise<Organization | null> {
    return viewerOrganization(ctx);
  }
}
