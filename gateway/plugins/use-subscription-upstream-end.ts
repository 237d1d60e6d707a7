/**
 * A subscription whose upstream connection is lost (the subgraph restarted, crashed or was redeployed) ends
 * with an error the client can act on: one last event carrying `SUBSCRIPTION_UPSTREAM_CLOSED`, the service's
 * name and `retryAfterSeconds`, then `complete`. The client subscribes again — the widget does so by itself,
 * passing `since` so the hints it missed are replayed. Before this the client got the transport's own error
 * (`DOWNSTREAM_SERVICE_ERROR` with the subgraph's internal address) or a bare `complete` it could not tell from
 * a normal end.
 * Why not resubscribe upstream here: the gateway does not know the client's replay point (`since`), so a
 * silent resubscription would either lose the hints published meanwhile or replay them twice; the client
 * knows what it has. (graphql-ws itself still reconnects when the subgraph is back within its first retry
 * wait of ~1–4 s; a connection refused meanwhile is final.)
 * A subscription the subgraph cannot even start answers `UPSTREAM_UNAVAILABLE` naming the service, with
 * `retryAfterSeconds`: the executor failed, or the first connection attempt failed (graphql-ws throws a
 * connection error at once, without retrying; a connection that was open ends with a close event, which
 * graphql-ws retries after at least 1.3 s, so a failure before `FIRST_RETRY_MS` with nothing received and
 * no close event is the subgraph not being there). A subgraph that refuses the subscribe with its own
 * errors (an `error` message: RATE_LIMITED, NOT_FOUND, FORBIDDEN…) is passed on with their codes and the
 * service's name, never as a closed connection nor a masked error.
 * The event ending a subscription carries only the error: the runtime would repeat the previous event's
 * data next to it, which a client would take for a new event.
 */
import { getOperationAST, GraphQLError, OperationTypeNode, type GraphQLFormattedError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionRequest, ExecutionResult } from '@graphql-tools/utils';
import { upstreamUnavailableError } from './use-subgraph-timeout';

export interface SubscriptionUpstreamEndOptions {
  /** The wait suggested to clients before they subscribe again (default 1 s). */
  retryAfterSeconds?: number;
}

type Executor = (request: ExecutionRequest) => unknown;

export function upstreamClosedError(serviceName: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `The ${serviceName} service closed this subscription's connection; subscribe again (with \`since\` where the field takes it, to replay what was missed).`,
    { extensions: { code: 'SUBSCRIPTION_UPSTREAM_CLOSED', serviceName, retryAfterSeconds } },
  );
}

/** graphql-ws retries a closed connection after 1 s + 0.3–3 s; a failure before this is the first attempt. */
const FIRST_RETRY_MS = 1_000;

/** The codes of the event a subscription ends with here: that event carries no data. */
const ENDING_CODES = new Set(['SUBSCRIPTION_UPSTREAM_CLOSED', 'UPSTREAM_UNAVAILABLE']);

export function unavailableError(serviceName: string, retryAfterSeconds: number): GraphQLError {
  const e = upstreamUnavailableError(serviceName);
  return new GraphQLError(e.message, { extensions: { ...e.extensions, retryAfterSeconds } });
}

function isCloseEvent(err: unknown): boolean {
  const e = err as { code?: unknown; reason?: unknown; wasClean?: unknown } | null;
  return typeof e?.code === 'number' && (typeof e.reason === 'string' || typeof e.wasClean === 'boolean');
}

/** The subgraph's own errors (graphql-ws `error` message payload) with its name added, codes kept. */
function refusedUpstream(err: unknown, serviceName: string): GraphQLError[] | null {
  if (!Array.isArray(err) || err.length === 0) return null;
  if (!err.every((e) => typeof (e as { message?: unknown })?.message === 'string')) return null;
  return (err as GraphQLFormattedError[]).map(
    (e) =>
      new GraphQLError(e.message, {
        path: e.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR', ...e.extensions, serviceName },
      }),
  );
}

export interface UpstreamFailure {
  serviceName: string;
  retryAfterSeconds: number;
  /** Events received before the failure. */
  received: number;
  /** ms from subscribe to the failure. */
  elapsedMs: number;
}

/** The errors a subscription's upstream failure ends it with (see the file's comment). */
export function upstreamEndErrors(err: unknown, f: UpstreamFailure): GraphQLError[] {
  const refused = refusedUpstream(err, f.serviceName);
  if (refused) return refused;
  const neverConnected = f.received === 0 && f.elapsedMs < FIRST_RETRY_MS && !isCloseEvent(err);
  return [
    neverConnected
      ? unavailableError(f.serviceName, f.retryAfterSeconds)
      : upstreamClosedError(f.serviceName, f.retryAfterSeconds),
  ];
}

function isEndingEvent(result: ExecutionResult): boolean {
  return !!result.errors?.some((e) => ENDING_CODES.has(String(e.extensions?.['code'])));
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/**
 * `source`, except that a failure ends it with `last(err)` as its final value. Hand-written rather than an
 * async generator: a generator waiting on the upstream cannot be returned until the next event arrives,
 * and a client that unsubscribes must release the upstream at once.
 */
function endingWith(
  source: AsyncIterable<ExecutionResult>,
  last: (err: unknown, received: number) => ExecutionResult,
): AsyncIterableIterator<ExecutionResult> {
  const upstream = source[Symbol.asyncIterator]();
  let ended = false;
  let received = 0;
  const finished = (): IteratorResult<ExecutionResult> => ({ done: true, value: undefined });
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (ended) return finished();
      try {
        const step = await upstream.next();
        if (step.done) ended = true;
        else received += 1;
        return step;
      } catch (err) {
        ended = true;
        return { done: false, value: last(err, received) };
      }
    },
    async return() {
      ended = true;
      await upstream.return?.();
      return finished();
    },
  };
}

export function useSubscriptionUpstreamEnd<T extends Record<string, unknown>>(
  opts: SubscriptionUpstreamEndOptions = {},
): GatewayPlugin<T> {
  const retryAfterSeconds = opts.retryAfterSeconds ?? 1;
  return {
    onSubgraphExecute({ subgraphName, executionRequest, executor, setExecutor }) {
      const { document, operationName } = executionRequest;
      const type = executionRequest.operationType ?? getOperationAST(document, operationName)?.operation;
      if (type !== OperationTypeNode.SUBSCRIPTION) return;
      const serviceName = subgraphName.toLowerCase();
      const wrapped: Executor = async (request) => {
        const startedAt = Date.now();
        let result: unknown;
        try {
          result = await (executor as Executor)(request);
        } catch {
          return { errors: [unavailableError(serviceName, retryAfterSeconds)] };
        }
        if (!isAsyncIterable(result)) return result;
        return endingWith(result, (err, received) => ({
          errors: upstreamEndErrors(err, {
            serviceName,
            retryAfterSeconds,
            received,
            elapsedMs: Date.now() - startedAt,
          }),
        }));
      };
      setExecutor(wrapped as typeof executor);
    },
    // the runtime merges an error-only event into the previous event's data: the last event is the error only
    onSubscribe() {
      return {
        onSubscribeResult() {
          return {
            onNext({ result, setResult }) {
              const r = result as ExecutionResult;
              if (isEndingEvent(r)) setResult({ errors: r.errors });
            },
          };
        },
      };
    },
  };
}
