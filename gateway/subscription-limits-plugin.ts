/**
 * The subscription limits (gateway/subscription-limits.ts) as a gateway plugin: a subscription takes a slot
 * for its tenant and its socket when it starts (after auth and the rate limit, before any subgraph call)
 * and gives it back however it ends. Over a limit: RATE_LIMITED on that subscribe; a socket past its
 * limit after as many refusals is closed with 4429. Subscriptions without a tenant are not counted
 * (auth refuses them anyway).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { AuthContext } from './plugins/use-auth';
import {
  releasing,
  subscriptionLimitError,
  WS_CLOSE_TOO_MANY_SUBSCRIPTIONS,
  type SubscriptionLimits,
} from './subscription-limits';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/** Register after every plugin whose onSubscribe may throw: a slot is given back by the subscribe it took. */
export function useSubscriptionLimits(limits: SubscriptionLimits): GatewayPlugin<AuthContext> {
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const ctx = args.contextValue as AuthContext;
      const principal = ctx.principal;
      if (!principal?.tenantId) return;
      const slot = limits.acquire(principal.tenantId, ctx.socket);
      if (!slot.granted) {
        if (slot.abusive)
          ctx.socket?.close(WS_CLOSE_TOO_MANY_SUBSCRIPTIONS, 'Too many subscriptions on this connection');
        throw subscriptionLimitError(slot.scope, slot.limit);
      }
      const release = () => slot.release();
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
