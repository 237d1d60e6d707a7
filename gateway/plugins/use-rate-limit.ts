/**
 * Per-tenant rate limit: a fixed one-minute window counter per tenant, in memory or in Redis (so every
 * gateway instance shares the budget). Over the limit → RATE_LIMITED with retryAfterSeconds, HTTP 429.
 */
import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { AuthContext } from './use-auth';

export interface RateCounter {
  /** Increments the tenant's counter for the current window and returns the new count. */
  hit(key: string, windowSeconds: number): Promise<number>;
}

export class MemoryRateCounter implements RateCounter {
  private readonly windows = new Map<string, { window: number; count: number }>();
  async hit(key: string, windowSeconds: number): Promise<number> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const cur = this.windows.get(key);
    if (!cur || cur.window !== window) {
      if (this.windows.size > 100_000) this.windows.clear();
      this.windows.set(key, { window, count: 1 });
      return 1;
    }
    cur.count++;
    return cur.count;
  }
}

export interface RateLimitOptions {
  perMinute: number;
  counter: RateCounter;
}

export function useRateLimit(opts: RateLimitOptions): GatewayPlugin<AuthContext> {
  const check = async (ctx: AuthContext) => {
    const tenant = ctx.principal?.tenantId;
    if (!tenant) return;
    const count = await opts.counter.hit(`rl:${tenant}`, 60);
    if (count > opts.perMinute) {
      const retryAfterSeconds = 60 - (Math.floor(Date.now() / 1000) % 60);
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
