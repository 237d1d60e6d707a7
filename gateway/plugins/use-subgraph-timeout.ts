/**
 * Every upstream query or mutation gets a deadline, per subgraph: past it the subgraph call is aborted (its
 * socket freed) and its fields answer `SUBGRAPH_TIMEOUT` naming the service, while the other subgraphs' data
 * stays in the answer. A subgraph that cannot be reached at all answers `UPSTREAM_UNAVAILABLE` the same way.
 * Both are GraphQL errors next to (possibly null) data, so the HTTP status is 200 as GraphQL-over-HTTP asks;
 * before this a hung subgraph held the client with no limit and a down one was a masked 500.
 * "Kept" as far as GraphQL's null propagation allows: a null in a non-null field nulls its parent, and every
 * root field of this supergraph but `coachingHint` is non-null, so a timeout there empties `data` whatever
 * the other services answered (the error still names the service and the path). Making the root fields
 * nullable would change every client's generated types; the docs say to split such fields across requests.
 * Why not Hive's own `upstreamTimeout`: it answers `GATEWAY_TIMEOUT` with HTTP 504 even next to partial data,
 * names no service, and ends subscriptions once the deadline passes (it returns their iterator on abort).
 * Subscriptions are left alone here: they are long-lived by design.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { getOperationAST, GraphQLError, OperationTypeNode } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionRequest, ExecutionResult } from '@graphql-tools/utils';
import { onAbort } from '../abort-fanout';

export interface SubgraphTimeoutOptions {
  /** Deadline for one subgraph call, in ms (default for every subgraph). */
  defaultMs: number;
  /** Per-subgraph deadlines by subgraph name (lower case, as in the supergraph's join__graph). */
  bySubgraph?: Record<string, number>;
}

type Executor = (request: ExecutionRequest) => unknown;

/** Error codes that mean "the service did not answer" (not: it answered with an error). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

function isSubscription(request: ExecutionRequest): boolean {
  const type = request.operationType ?? getOperationAST(request.document, request.operationName)?.operation;
  return type === OperationTypeNode.SUBSCRIPTION;
}

export function subgraphTimeoutError(serviceName: string, timeoutMs: number): GraphQLError {
  return new GraphQLError(`The ${serviceName} service did not answer within ${timeoutMs} ms.`, {
    extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName, timeoutMs },
  });
}

export function upstreamUnavailableError(serviceName: string): GraphQLError {
  return new GraphQLError(`The ${serviceName} service cannot be reached.`, {
    extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName },
  });
}

/** The network error code under a fetch failure (`fetch failed` → cause ECONNREFUSED, …), if any. */
function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE.has(code)) return code;
    e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A result whose errors all say the service could not be reached becomes UPSTREAM_UNAVAILABLE. */
function unreachableResult(result: ExecutionResult, serviceName: string): ExecutionResult {
  const errors = result.errors ?? [];
  if (errors.length === 0 || !errors.every((e) => networkCode(e))) return result;
  return { ...result, errors: [upstreamUnavailableError(serviceName)] };
}

/** One subgraph call in flight: aborted by its deadline, the client going away, or the executor's disposal. */
interface Call {
  controller: AbortController;
  /** Unregisters from the shared signals (abort-fanout.ts) once the call is done. */
  leave: (() => void)[];
  done: boolean;
}

/** The call whose executor is running: the fetch it makes (onFetch) takes its signal from here. */
const currentCall = new AsyncLocalStorage<Call>();

function withDeadline(executor: Executor, serviceName: string, timeoutMs: number): Executor {
  return async (request) => {
    const controller = new AbortController();
    const call: Call = { controller, leave: [], done: false };
    // made only when the deadline passes: a GraphQLError captures a stack trace, and making one for every
    // call was 2.4% of the gateway's busy time on a four-subgraph query (bench/federated-gateway.ts)
    let timeout: GraphQLError | undefined;
    let onDeadline: (() => void) | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      onDeadline = () => {
        timeout = subgraphTimeoutError(serviceName, timeoutMs);
        controller.abort(timeout);
        reject(timeout);
      };
    });
    const timer = setTimeout(onDeadline!, timeoutMs);
    timedOut.catch(() => undefined); // settled by the race below, or by nobody once the call is done
    // the client's signal is shared by every subgraph call of its request: one listener for all of them
    if (request.signal) call.leave.push(onAbort(request.signal, (reason) => controller.abort(reason)));
    try {
      // No signal to the executor: it would combine it with its own lifetime signal, adding one listener
      // per call in flight to that shared signal (MaxListenersExceededWarning past ten). onFetch below
      // hands this call's signal to the fetch instead.
      const running = currentCall.run(call, () => executor({ ...request, signal: undefined }));
      const result = await Promise.race([running, timedOut]);
      return unreachableResult(result as ExecutionResult, serviceName);
    } catch (err) {
      // answered as a result (not thrown) so the planner places the error at the fields it could not fill
      if (timeout && controller.signal.reason === timeout) return { data: null, errors: [timeout] };
      if (networkCode(err)) return { data: null, errors: [upstreamUnavailableError(serviceName)] };
      throw err;
    } finally {
      clearTimeout(timer);
      call.done = true;
      for (const leave of call.leave) leave();
    }
  };
}

/**
 * An answer whose errors sit at field paths comes from execution, so GraphQL asks for a `data` entry (null
 * when nothing could be kept). When every field of an operation comes from one subgraph that timed out or
 * is down, the gateway runtime answered the errors alone (`{"errors":[…]}`); this puts `data: null` back.
 * Errors without a path (parse, validation, variables: execution never started) keep answering no `data`.
 */
export function withDataEntry<R extends ExecutionResult>(result: R): R {
  if (result.data !== undefined || !result.errors?.some((e) => e.path !== undefined)) return result;
  return { ...result, data: null };
}

function isExecutionResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}

export function useSubgraphTimeout<T extends Record<string, unknown>>(
  opts: SubgraphTimeoutOptions,
): GatewayPlugin<T> {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (isExecutionResult(result)) setResult(withDataEntry(result));
        },
      };
    },
    onSubgraphExecute({ subgraphName, executionRequest, executor, setExecutor }) {
      if (isSubscription(executionRequest)) return;
      const name = subgraphName.toLowerCase();
      const timeoutMs = opts.bySubgraph?.[name] ?? opts.defaultMs;
      setExecutor(withDeadline(executor as Executor, name, timeoutMs) as typeof executor);
    },
    onFetch({ options, setOptions }) {
      const call = currentCall.getStore();
      if (!call) return; // a subscription's entity fetch, or a call this plugin does not time
      // the executor's own signal (its lifetime) still ends the call, through one shared listener
      if (options.signal && !call.done)
        call.leave.push(onAbort(options.signal, (r) => call.controller.abort(r)));
      setOptions({ ...options, signal: call.controller.signal });
    },
  };
}
