/**
 * Per-tenant rate limit: `perMinute` requests per tenant in a one-minute window, counted by
 * rate-limiter-flexible — in memory (one gateway) or in Redis (every gateway instance shares the budget;
 * gateway/redis-rate-limiter.ts). Over the limit → RATE_LIMITED with retryAfterSeconds, HTTP 429 and a
 * `retry-after` header. Requests without a tenant (public fields) are not counted.
 */
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { AuthContext } from './use-auth';

export interface RateLimitOptions {
  /** One point per request; its `points` per `duration` is the budget (see `memoryRateLimiter`). */
  limiter: RateLimiterAbstract;
}

/** The budget of one gateway process: `perMinute` per tenant. */
export function memoryRateLimiter(perMinute: number): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: 'tenant', points: perMinute, duration: 60 });
}

export function useRateLimit(opts: RateLimitOptions): GatewayPlugin<AuthContext> {
  const check = async (ctx: AuthContext) => {
    const tenant = ctx.principal?.tenantId;
    if (!tenant) return;
    try {
      await opts.limiter.consume(tenant);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res; // the store failed and had no insurance limiter
      const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new GraphQLError('rate limit exceeded', {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds,
          http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
        },
      });
    }
  };
  return {
    onExecute: ({ args }) => check(args.contextValue as AuthContext),
    onSubscribe: ({ args }) => check(args.contextValue as AuthContext),
  };
}
