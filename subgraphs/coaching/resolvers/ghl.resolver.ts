/** The GoHighLevel integration: connect a location, list the tenant's webhook deliveries. */
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GhlWebhookDelivery } from '../entities';
import { withService, type CoachingContext } from '../service/context';
import { connectGhlLocation, listGhlDeliveries, type GhlConnectionView } from '../service/ghl-connections';
import { GhlDeliveryStatus } from '../../../core/vocabulary';

@ObjectType({ description: 'A GoHighLevel location whose webhooks are routed to this tenant.' })
export class GhlConnection {
  @Field(() => String, { description: 'The GoHighLevel location id.' })
  ghlLocationId!: string;

  @Field(() => ID, { description: 'The platform location with that GHL id.' })
  locationId!: string;

  @Field(() => String, { nullable: true, description: 'The GHL company (agency) that installed the app.' })
  companyId!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the installation was proved.' })
  installedAt!: Date;
}

@Resolver()
export class GhlResolver {
  @Mutation(() => GhlConnection, {
    description: [
      'Connects a GoHighLevel location: `code` is the OAuth code GoHighLevel redirects with after the app was',
      'installed on the location. The location must be one of yours (same ghlLocationId). From then on its',
      'webhooks are routed to your tenant; registering a ghlLocationId alone routes nothing. Needs tenants:admin.',
    ].join(' '),
  })
  connectGhlLocation(
    @Arg('code', () => String, {
      description:
        'The OAuth authorization code from the GoHighLevel install redirect (at most 2048 characters).',
    })
    code: string,
    @Ctx() ctx: CoachingContext,
  ): Promise<GhlConnectionView> {
    return withService(ctx, (svc) => connectGhlLocation(svc, code));
  }

  @Query(() => [GhlWebhookDelivery], {
    description:
      "Your tenant's GoHighLevel webhook deliveries (all locations), newest first; DEAD ones are dead letters with a reason. Needs scope tenants:admin.",
  })
  ghlWebhookDeliveries(
    @Arg('status', () => GhlDeliveryStatus, {
      nullable: true,
      description: 'Only deliveries in this state; omit for all.',
    })
    status: GhlDeliveryStatus | null,
    @Arg('first', () => Int, {
      defaultValue: 50,
      description: 'How many of the newest deliveries: 1 to 200 (BAD_USER_INPUT otherwise), default 50.',
    })
    first: number,
    @Ctx() ctx: CoachingContext,
  ): Promise<GhlWebhookDelivery[]> {
    return withService(ctx, (svc) => listGhlDeliveries(svc, { status: status ?? null, first }));
  }
}
