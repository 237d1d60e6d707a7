/**
 * The subscription limits (gateway/subscription-limits.ts) as a gateway plugin: a subscription takes a slot
 * for its tenant and its socket when it starts (after auth and the rate limit, before any subgraph call)
 * and gives it back however it ends. Over a limit: RATE_LIMITED on that subscribe; a socket past its
 * limit after as many refusals is closed with 4429. Subscriptions without a tenant are not counted
 * (auth refuses them anyway).
 * A subscription without a client socket (SSE) also takes a place in one of its owner's upstream lanes
 * (gateway/subscription-lanes.ts), whose id goes upstream as its connection id, given back with the slot.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Principal } from '../core/principal';
import type { AuthContext } from './plugins/use-auth';
import { SubscriptionLanes } from './subscription-lanes';
import {
  releasing,
  subscriptionLimitError,
  WS_CLOSE_TOO_MANY_SUBSCRIPTIONS,
  type SubscriptionLimits,
} from './subscription-limits';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/** Whose streams share upstream lanes: one API key, or one member of one tenant. */
function laneOwner(p: Principal): string {
  return p.apiKeyId ? JSON.stringify(['key', p.apiKeyId]) : JSON.stringify(['sub', p.tenantId, p.subject]);
}

/** Register after every plugin whose onSubscribe may throw: a slot is given back by the subscribe it took. */
export function useSubscriptionLimits(
  limits: SubscriptionLimits,
  lanes = new SubscriptionLanes(limits.options.perSocket),
): GatewayPlugin<AuthContext> {
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn, extendContext }) {
      const ctx = args.contextValue as AuthContext & { connectionId?: string };
      const principal = ctx.principal;
      if (!principal?.tenantId) return;
      const slot = limits.acquire(principal.tenantId, ctx.socket);
      if (!slot.granted) {
        if (slot.abusive)
          ctx.socket?.close(WS_CLOSE_TOO_MANY_SUBSCRIPTIONS, 'Too many subscriptions on this connection');
        throw subscriptionLimitError(slot.scope, slot.limit);
      }
      const place = ctx.socket || ctx.connectionId ? undefined : lanes.take(laneOwner(principal));
      if (place) extendContext({ connectionId: place.id });
      const release = () => {
        slot.release();
        place?.release();
      };
      setSubscribeFn(async (subscribeArgs) => {
        try {
          const result = await subscribeFn(subscribeArgs);
          if (isAsyncIterable(result)) return releasing(result, release) as typeof result;
          release(); // an error result: nothing stays open
          return result;
        } catch (err) {
          release();
          throw err;
        }
      });
    },
  };
}
