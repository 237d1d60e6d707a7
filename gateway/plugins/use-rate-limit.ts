/**
 * Per-tenant rate limit: `perMinute` requests per tenant in a one-minute window, counted by
 * rate-limiter-flexible — in memory (one gateway) or in Redis (every gateway instance shares the budget;
 * gateway/redis-rate-limiter.ts, which counts locally while Redis is unavailable). Over the limit → RATE_LIMITED with retryAfterSeconds, HTTP 429 and a
 * `retry-after` header. Requests without a tenant (public fields) are not counted.
 * Subscribes draw from their own budget of the same size (`scope: SUBSCRIBES`; queries and mutations are
 * `scope: REQUESTS`): from one shared budget, 600 widgets resubscribing after a deploy spent the tenant's minute
 * and its API answered 429 for ~45 s. How many stay open is bounded apart (gateway/subscription-limits.ts).
 *
 * Refused requests count too. An operation is counted when it executes (onExecute / onSubscribe), but one
 * refused before that — it does not parse, fails validation (depth, aliases, tokens, a NUL literal…), or its
 * parameters are refused (trusted documents, APQ, NUL in variables) — never got there: a partner tester sent
 * 8,300 refused queries in 60 s, was never limited, and another tenant's p50 went from 28 ms to 780 ms. Such
 * an HTTP request is counted when its answer is made (onResultProcess; the caller is resolved from its
 * credential, which the resolver caches), and over budget its answer becomes the 429. Once a tenant is over,
 * its further HTTP requests are answered 429 before parsing (onParams) until its window ends, so a flood
 * costs no parse or validation work. (Not for `accept: text/event-stream`: that may be a subscribe, which has
 * its own budget.) Over graphql-ws a subscribe refused the same way (does not parse, fails validation, a
 * plugin's onSubscribe throws) counts against the SUBSCRIBES budget when its answer is made, and over budget
 * its answer becomes RATE_LIMITED: before, a socket could send refused subscribes without limit. (A
 * subscribe refused in onParams by a plugin registered before this one — an unknown trusted document — is
 * not counted.)
 */
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { PrincipalResolver } from '../principal-resolver';
import { credentialsFrom, type AuthContext } from './use-auth';

/**
 * What the plugin needs of a limiter: rate-limiter-flexible's `consume`, which rejects with a RateLimiterRes
 * over budget. Any of its limiters fits, and so does the Redis one with local fallback.
 */
export type TenantRateLimiter = Pick<RateLimiterAbstract, 'consume'>;

export interface RateLimitOptions {
  /** One point per request; its `points` per `duration` is the budget (see `memoryRateLimiter`). */
  limiter: TenantRateLimiter;
  /**
   * Resolves the caller of a request that never reached execution (refused before it), so that it counts.
   * Absent: such requests are not counted.
   */
  resolver?: Pick<PrincipalResolver, 'resolve'>;
}

/** Which budget a refusal came from: queries and mutations, or subscribes. */
export type RateScope = 'REQUESTS' | 'SUBSCRIBES';

/** The budget of one gateway process: `perMinute` per tenant. */
export function memoryRateLimiter(perMinute: number): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: 'tenant', points: perMinute, duration: 60 });
}

function rateLimited(scope: RateScope, msBeforeNext: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError('rate limit exceeded', {
    extensions: {
      code: 'RATE_LIMITED',
      scope,
      retryAfterSeconds,
      http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
    },
  });
}

/**
 * Tenants known to be over their REQUESTS budget in this process, until their window ends (epoch ms). Emptied
 * once the last window has ended, so it holds at most the tenants over budget within one minute.
 */
class OverBudget {
  private readonly until = new Map<string, number>();
  private last = 0;

  note(tenant: string, msBeforeNext: number): void {
    const until = Date.now() + msBeforeNext;
    this.until.set(tenant, until);
    this.last = Math.max(this.last, until);
  }

  /** Milliseconds left in the tenant's window while it is over budget, else 0. */
  remaining(tenant: string): number {
    const until = this.until.get(tenant);
    if (until === undefined) return 0;
    const left = until - Date.now();
    if (left <= 0) this.until.delete(tenant);
    return Math.max(0, left);
  }

  /** True when no tenant is over budget (the common case: no credential to resolve before parsing). */
  get empty(): boolean {
    if (this.until.size > 0 && Date.now() >= this.last) this.until.clear();
    return this.until.size === 0;
  }
}

type ParamsHandler = Parameters<NonNullable<GatewayPlugin<AuthContext>['onParams']>>[0]['paramsHandler'];

/**
 * `handler`, counting the operation by `refused` when it answers without having run (thrown or returned
 * errors); over budget, `refused` gives the RATE_LIMITED error that replaces the answer.
 */
function countingRefusals(
  handler: ParamsHandler,
  refused: () => Promise<GraphQLError | null>,
): ParamsHandler {
  return async (payload) => {
    let result: Awaited<ReturnType<ParamsHandler>>;
    try {
      result = await handler(payload);
    } catch (err) {
      throw (await refused()) ?? err;
    }
    const limited = await refused();
    return limited ? { errors: [limited] } : result;
  };
}

export function useRateLimit(opts: RateLimitOptions): GatewayPlugin<AuthContext> {
  const over = new OverBudget();
  // requests already counted (executed, subscribed, or refused here): never counted twice
  const counted = new WeakSet<Request>();
  // operation contexts that reached onExecute / onSubscribe (counted there)
  const ran = new WeakSet<object>();
  const tenantOf = async (request: Request): Promise<string | undefined> => {
    if (!opts.resolver) return undefined;
    try {
      return (await opts.resolver.resolve(credentialsFrom({ request })))?.tenantId;
    } catch {
      return undefined; // a bad credential is answered by the auth plugin (401), not counted
    }
  };
  const consume = async (tenant: string, scope: RateScope): Promise<void> => {
    try {
      await opts.limiter.consume(scope === 'REQUESTS' ? tenant : `subscribe:${tenant}`);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res; // the store failed and had no fallback
      if (scope === 'REQUESTS') over.note(tenant, res.msBeforeNext);
      throw rateLimited(scope, res.msBeforeNext);
    }
  };
  const check = async (ctx: AuthContext & { request?: Request }, scope: RateScope) => {
    if (ctx.request) counted.add(ctx.request);
    ran.add(ctx);
    const tenant = ctx.principal?.tenantId;
    if (tenant) await consume(tenant, scope);
  };
  /** Counts a graphql-ws subscribe that never ran; over budget, the RATE_LIMITED error (else null). */
  const refusedOverSocket = async (context: object): Promise<GraphQLError | null> => {
    if (ran.has(context) || !opts.resolver) return null;
    ran.add(context);
    let tenant: string | undefined;
    try {
      const creds = credentialsFrom({
        connectionParams: (context as { connectionParams?: Record<string, unknown> }).connectionParams ?? {},
      });
      tenant = (await opts.resolver.resolve(creds))?.tenantId;
    } catch {
      return null; // a bad credential: its socket was refused at connection_init
    }
    if (!tenant) return null;
    try {
      await consume(tenant, 'SUBSCRIBES');
      return null;
    } catch (err) {
      if (err instanceof GraphQLError) return err;
      return null; // a failing store leaves the refusal as it was
    }
  };
  return {
    async onParams({ request, context, paramsHandler, setParamsHandler }) {
      if (!request) {
        // graphql-ws (no HTTP request): count the subscribe if it is refused before it runs
        setParamsHandler(countingRefusals(paramsHandler, () => refusedOverSocket(context)));
        return;
      }
      if (over.empty || request.headers.get('accept')?.includes('text/event-stream')) return;
      const tenant = await tenantOf(request);
      const left = tenant ? over.remaining(tenant) : 0;
      if (left <= 0) return;
      counted.add(request);
      throw rateLimited('REQUESTS', left);
    },
    onExecute: ({ args }) => check(args.contextValue as AuthContext, 'REQUESTS'),
    onSubscribe: ({ args }) => check(args.contextValue as AuthContext, 'SUBSCRIBES'),
    async onResultProcess({ request, result, setResult }) {
      // executed (or a batch, which is not enabled here): counted where it ran
      if (counted.has(request) || Array.isArray(result) || Symbol.asyncIterator in result) return;
      counted.add(request);
      const tenant = await tenantOf(request);
      if (!tenant) return;
      try {
        await consume(tenant, 'REQUESTS');
      } catch (err) {
        // over budget: the 429 replaces the refusal; a failing store leaves the refusal as it was
        if (err instanceof GraphQLError) setResult({ errors: [err] });
      }
    },
  };
}
