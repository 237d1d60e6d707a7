/** `alertRaised`: threshold alerts as they are raised, over graphql-ws on the subgraph's /graphql path. */
import { Arg, Resolver, Root, Subscription } from 'type-graphql';
import { AlertKind } from '../../../core/vocabulary';
import { Alert } from '../entities/alert';
import { subscribeAlerts, type AlertFeedContext, type LiveAlert } from '../service/alert-feed';

@Resolver()
export class AlertSubscriptionResolver {
  @Subscription(() => Alert, {
    description:
      'Threshold alerts the moment they are raised (over graphql-ws), each once: what the `alerts` query would list from then on. Needs scope analytics:read; a MANAGER receives the alerts of their locations and the tenant-wide ones; an AGENT is refused (FORBIDDEN).',
    subscribe: ({ args, context }) =>
      subscribeAlerts(context as AlertFeedContext, (args as { kind?: AlertKind | null }).kind),
  })
  alertRaised(
    @Root() alert: LiveAlert,
    @Arg('kind', () => AlertKind, { nullable: true, description: 'Only alerts of this kind; omit for all.' })
    _kind?: AlertKind | null,
  ): LiveAlert {
    return alert;
  }
}
