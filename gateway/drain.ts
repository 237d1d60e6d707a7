/**
 * The gateway's shutdown drain (the process's signal handling is core/server/drain-signals.ts):
 *   1. stop taking work: HTTP per core/server/drain.ts (/ready 503, new requests 503 SHUTTING_DOWN with
 *      Retry-After and Connection: close), and a new subscription is refused with SHUTTING_DOWN;
 *   2. the HTTP requests in flight finish, up to the deadline;
 *   3. every open subscription gets a last event, an error with code SHUTTING_DOWN (subscribe again, to
 *      another instance), then `complete`; then its graphql-ws socket is closed with 1001 (Going Away).
 * Before this, the runtime's own signal handler aborted requests in flight after ~15 ms and sockets closed
 * with no `complete`. `drain()` says what was abandoned, for the exit code and the log.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { SHUTTING_DOWN, type HttpDrain, type InFlightRequest } from '../core/server/drain';
import { describeRequest, settlesBy } from '../core/server/drain-signals';
import { endableStream, type EndableStream } from './endable-stream';
import type { AuthContext } from './plugins/use-auth';

/** graphql-ws close code for a server going away (RFC 6455 1001). */
export const WS_CLOSE_GOING_AWAY = 1001;

/** Time the subscriptions get to end even after the drain deadline passed. */
const SUBSCRIPTION_END_GRACE_MS = 1_000;

export interface GatewayDrainReport {
  /** HTTP requests still running at the deadline. */
  abandoned: InFlightRequest[];
  /** Subscriptions ended with SHUTTING_DOWN. */
  subscriptionsEnded: number;
  /** Of those, how many had not completed by the deadline. */
  subscriptionsAbandoned: number;
}

/** The part of a `ws` WebSocket this needs. */
interface Socket {
  readyState: number;
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

interface Open {
  stream: EndableStream<ExecutionResult>;
  finished: Promise<void>;
  socket?: Socket;
}

export function shuttingDownError(): GraphQLError {
  return new GraphQLError('The server is shutting down; subscribe again (another instance will serve it).', {
    extensions: { code: SHUTTING_DOWN },
  });
}

/** Tracks open subscriptions so the drain can end them with a last SHUTTING_DOWN event. */
export class SubscriptionDrain {
  private readonly open = new Set<Open>();
  private draining = false;

  /** The gateway plugin; list it last, so its stream is the one graphql-ws / SSE consume. */
  plugin(): GatewayPlugin<AuthContext> {
    return {
      onSubscribe: ({ args }) => {
        if (this.draining) throw shuttingDownError();
        const socket = (args.contextValue as AuthContext).socket as Socket | undefined;
        return {
          onSubscribeResult: ({ result, setResult }) => {
            if (!isAsyncIterable(result)) return;
            let finish!: () => void;
            const finished = new Promise<void>((resolve) => (finish = resolve));
            const entry: Open = { stream: endableStream(result, () => finish()), finished, socket };
            this.open.add(entry);
            void finished.then(() => this.open.delete(entry));
            setResult(entry.stream);
          },
        };
      },
    };
  }

  /** Refuses new subscriptions from now on. */
  stopTaking(): void {
    this.draining = true;
  }

  /**
   * Ends every open subscription with a SHUTTING_DOWN event, waits (up to the deadline) for each to
   * complete, then closes their sockets with 1001 and waits for the closing handshakes.
   */
  async endAll(drainDeadlineAt: number): Promise<{ ended: number; abandoned: number }> {
    this.stopTaking();
    // ending takes milliseconds: even when the requests used up the drain, subscribers get their last event
    const deadlineAt = Math.max(drainDeadlineAt, Date.now() + SUBSCRIPTION_END_GRACE_MS);
    const open = [...this.open];
    for (const o of open) o.stream.end({ errors: [shuttingDownError()] });
    const completed = await Promise.all(open.map((o) => settlesBy(o.finished, deadlineAt)));
    // graphql-ws sends `complete` right after the stream ends: let it go out before the close frame
    await new Promise((resolve) => setImmediate(resolve));
    const sockets = new Set(open.map((o) => o.socket).filter((s): s is Socket => !!s && s.readyState === 1));
    await Promise.all(
      [...sockets].map((s) => {
        const closed = new Promise<void>((resolve) => s.once('close', resolve));
        s.close(WS_CLOSE_GOING_AWAY, 'server shutting down');
        return settlesBy(closed, deadlineAt);
      }),
    );
    return { ended: open.length, abandoned: completed.filter((ok) => !ok).length };
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/** Steps 1–3 of the file comment; the caller closes the gateway afterwards. */
export async function drainGateway(
  parts: { http: HttpDrain; subscriptions: SubscriptionDrain },
  deadlineAt: number,
): Promise<GatewayDrainReport> {
  parts.http.start();
  parts.subscriptions.stopTaking();
  const abandoned = await parts.http.settled(deadlineAt);
  const subs = await parts.subscriptions.endAll(deadlineAt);
  return { abandoned, subscriptionsEnded: subs.ended, subscriptionsAbandoned: subs.abandoned };
}

/** What the gateway abandoned, one line each, for the shutdown log. */
export function abandonedByGateway(report: GatewayDrainReport): string[] {
  const lines = report.abandoned.map((r) => `gateway: ${describeRequest(r)}`);
  if (report.subscriptionsAbandoned > 0)
    lines.push(`gateway: ${report.subscriptionsAbandoned} subscription(s) not completed`);
  return lines;
}
