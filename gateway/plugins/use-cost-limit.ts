/**
 * Bounds what one operation may ask for and what one tenant may run at once, before any subgraph call.
 *
 * Cost: the operation's answer is estimated from its list sizes and variables (gateway/cost-estimate.ts);
 * over `maxQueryCost` it is refused with QUERY_TOO_COMPLEX (`limit: 'estimatedCost'`, `cost: {estimated,
 * limit}`), a request error answered like the other operation limits: HTTP 400 with
 * `accept: application/graphql-response+json`, 200 with plain `application/json` (GraphQL over HTTP;
 * Yoga reads `http.spec`). Subscriptions are estimated too (per event). Within the estimate, an operation
 * spreading fragments more than `maxFragmentSpreads` times once they are inlined is refused the same way
 * (`limit: 'fragmentSpreads'`; gateway/fragment-spread-limit.ts): the estimate counts a spread 1, and a
 * chain of 15 fragments each spreading the next twice (estimate ~49,000) cost the planner ~1 s.
 *
 * Fairness: queries and mutations then wait for their tenant's turn (gateway/tenant-concurrency.ts), so one
 * tenant's heavy work queues behind itself while another tenant's request starts at once; a full queue or
 * a wait too long is RATE_LIMITED (429, `retry-after`, `reason` QUEUE_FULL / QUEUE_TIMEOUT). The turn is
 * given back when the result is done (a streamed result: when it ends), or at the latest when the HTTP
 * response goes out. Anonymous operations (public fields) share one queue. Per gateway process.
 */
import { releasing } from '../subscription-limits';
import { GraphQLError, getOperationAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isAsyncIterable } from '@graphql-tools/utils';
import { estimateCost, type CostModel } from '../cost-estimate';
import { maxExpandedSpreads } from '../fragment-spread-limit';
import {
  TenantBusyError,
  TenantConcurrency,
  type TenantConcurrencyOptions,
  type TenantLease,
} from '../tenant-concurrency';
import type { AuthContext } from './use-auth';

export interface CostLimitOptions {
  /** Largest estimated cost (about: values in the answer) one operation may have (MAX_QUERY_COST). */
  maxQueryCost: number;
  model?: Partial<CostModel>;
  /** Most fragment spreads once fragments are inlined (MAX_FRAGMENT_SPREADS; default 500). */
  maxFragmentSpreads?: number;
  /** Per-tenant admission (its options, or an instance to observe); absent: no fairness queue. */
  fairness?: TenantConcurrencyOptions | TenantConcurrency;
}

/**
 * Defaults: every literal operation in web/, the README and the tests' sources estimates under 23,000 (the
 * largest: 200 webhook deliveries with their attempt logs; the dashboard's page of 100 agents: 1,706); a
 * query shaped like the partner tester's 35.8 MB one (30 aliases × 100 sessions × 200 turns) estimates
 * 1.8 million. 16 operations and one largest query's cost in flight per tenant.
 */
export const DEFAULT_COST_LIMITS = {
  maxQueryCost: 50_000,
  fairness: { maxInflight: 16, maxInflightCost: 50_000, maxQueued: 1_000, queueTimeoutMs: 30_000 },
} satisfies CostLimitOptions;

/** The options from the configuration (MAX_QUERY_COST, MAX_INFLIGHT_PER_TENANT, …; core/config.ts). */
export function costLimitsFrom(c: {
  maxQueryCost: number;
  maxFragmentSpreads?: number;
  maxInflightPerTenant: number;
  maxInflightCostPerTenant: number;
  maxQueuedPerTenant: number;
  queueTimeoutMs: number;
}): CostLimitOptions {
  return {
    maxQueryCost: c.maxQueryCost,
    maxFragmentSpreads: c.maxFragmentSpreads,
    fairness: {
      maxInflight: c.maxInflightPerTenant,
      maxInflightCost: c.maxInflightCostPerTenant,
      maxQueued: c.maxQueuedPerTenant,
      queueTimeoutMs: c.queueTimeoutMs,
    },
  };
}

/** The tenant key of anonymous callers' operations (public fields only). */
export const ANONYMOUS_TENANT = '(anonymous)';

interface Operation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  contextValue: unknown;
}

type Ctx = AuthContext & { request?: Request };

export function queryTooCostly(estimated: number, limit: number): GraphQLError {
  return new GraphQLError(
    `operation too costly: its answer could hold about ${estimated} values, the limit is ${limit}; ` +
      'ask for smaller pages (first/last) or fewer nested lists',
    {
      extensions: {
        code: 'QUERY_TOO_COMPLEX',
        limit: 'estimatedCost',
        max: limit,
        cost: { estimated, limit },
        // a request error: 400 under application/graphql-response+json, 200 under application/json
        http: { status: 400, spec: true },
      },
    },
  );
}

/** Far above any client's documents: the portal, widget, demo and bench operations spread no fragment. */
export const DEFAULT_MAX_FRAGMENT_SPREADS = 500;

export function tooManySpreads(limit: number): GraphQLError {
  return new GraphQLError(
    `operation has more than ${limit} fragment spreads once its fragments are inlined; spread fewer fragments`,
    {
      extensions: {
        code: 'QUERY_TOO_COMPLEX',
        limit: 'fragmentSpreads',
        max: limit,
        http: { status: 400, spec: true },
      },
    },
  );
}

export function tenantBusy(err: TenantBusyError): GraphQLError {
  return new GraphQLError(err.message, {
    extensions: {
      code: 'RATE_LIMITED',
      reason: err.reason,
      retryAfterSeconds: err.retryAfterSeconds,
      http: { status: 429, headers: { 'retry-after': String(err.retryAfterSeconds) } },
    },
  });
}

export function useCostLimit(opts: CostLimitOptions): GatewayPlugin<AuthContext> {
  const f = opts.fairness;
  const admission = !f ? null : f instanceof TenantConcurrency ? f : new TenantConcurrency(f);
  // the turn held by each request, given back at the latest when its response goes out
  const byRequest = new WeakMap<Request, TenantLease>();
  const maxSpreads = opts.maxFragmentSpreads ?? DEFAULT_MAX_FRAGMENT_SPREADS;

  const check = (args: Operation): number => {
    const estimated = estimateCost({
      schema: args.schema,
      document: args.document,
      operationName: args.operationName,
      variables: args.variableValues,
      model: opts.model,
    });
    if (estimated > opts.maxQueryCost) throw queryTooCostly(estimated, opts.maxQueryCost);
    if (maxExpandedSpreads(args.document, maxSpreads + 1) > maxSpreads) throw tooManySpreads(maxSpreads);
    return estimated;
  };

  const admit = async (args: Operation, cost: number): Promise<TenantLease | null> => {
    if (!admission) return null;
    const ctx = args.contextValue as Ctx;
    const tenant = ctx.principal?.tenantId ?? ANONYMOUS_TENANT;
    try {
      const lease = await admission.acquire(tenant, cost, ctx.request?.signal);
      if (ctx.request) byRequest.set(ctx.request, lease);
      return lease;
    } catch (err) {
      if (err instanceof TenantBusyError) throw tenantBusy(err);
      throw err;
    }
  };

  return {
    async onExecute({ args, executeFn, setExecuteFn }) {
      const cost = check(args);
      // a subscription sent to the execute path (e.g. over SSE) is long-lived: no turn to hold
      if (getOperationAST(args.document, args.operationName)?.operation === 'subscription') return;
      const lease = await admit(args, cost);
      if (!lease) return;
      // the turn comes back when the result is done, however it ends (the runtime's executor is set by then:
      // its plugins come before ours)
      setExecuteFn(async (execArgs) => {
        try {
          const result = await executeFn(execArgs);
          if (isAsyncIterable(result)) return releasing(result, lease.release);
          lease.release();
          return result;
        } catch (err) {
          lease.release();
          throw err;
        }
      });
    },
    onSubscribe({ args }) {
      check(args);
    },
    onResponse({ request }) {
      byRequest.get(request)?.release();
      byRequest.delete(request);
    },
  };
}
