/**
 * How many subscriptions one client WebSocket and one tenant may hold open on this gateway process
 * (MAX_SUBSCRIPTIONS_PER_SOCKET, MAX_SUBSCRIPTIONS_PER_TENANT). One over → that subscribe is answered
 * RATE_LIMITED (`limit`, `scope: SOCKET | TENANT`) and the others carry on; a socket
 * that keeps subscribing past its own limit, refused more times than the limit itself, is closed with 4429.
 * Before this, every subscription of an API key shared one upstream connection to the subgraph, whose own
 * per-connection limit (coaching: 500, counting the new one, so 499 open) failed the rest with an error
 * that did not say why. The gateway now multiplexes every subscription over one upstream connection per
 * subgraph, which the subgraph lets hold far more than a client's (core/server/subscription-principal.ts):
 * these limits are what refuses, never the upstream's. Over SSE a refusal is an HTTP 429 before the stream
 * starts.
 * The per-tenant count is per gateway process: N replicas allow a tenant up to N × the limit.
 */
import { GraphQLError } from 'graphql';

/** graphql-ws's "too many" close code, for a socket that ignores its RATE_LIMITED answers. */
export const WS_CLOSE_TOO_MANY_SUBSCRIPTIONS = 4429;

export interface SubscriptionLimitOptions {
  perSocket: number;
  perTenant: number;
}

export type LimitScope = 'SOCKET' | 'TENANT';

export type Slot =
  { granted: true; release(): void } | { granted: false; scope: LimitScope; limit: number; abusive: boolean };

interface SocketCount {
  open: number;
  refused: number;
}

export class SubscriptionLimits {
  private readonly bySocket = new WeakMap<object, SocketCount>();
  private readonly byTenant = new Map<string, number>();

  constructor(readonly options: SubscriptionLimitOptions) {}

  /** Takes one slot for a subscription of `tenantId` on `socket` (none: SSE), or says which limit refused. */
  acquire(tenantId: string, socket?: object): Slot {
    const onSocket = socket ? this.socketCount(socket) : undefined;
    const tenantOpen = this.byTenant.get(tenantId) ?? 0;
    const refusedBy: LimitScope | null =
      onSocket && onSocket.open >= this.options.perSocket
        ? 'SOCKET'
        : tenantOpen >= this.options.perTenant
          ? 'TENANT'
          : null;
    if (refusedBy) {
      if (refusedBy === 'TENANT')
        return { granted: false, scope: refusedBy, limit: this.options.perTenant, abusive: false };
      // a socket that keeps asking past its own limit, not one that met the tenant's (other sockets' doing)
      onSocket!.refused += 1;
      const abusive = onSocket!.refused > this.options.perSocket;
      return { granted: false, scope: refusedBy, limit: this.options.perSocket, abusive };
    }
    if (onSocket) onSocket.open += 1;
    this.byTenant.set(tenantId, tenantOpen + 1);
    let released = false;
    return {
      granted: true,
      release: () => {
        if (released) return;
        released = true;
        if (onSocket) onSocket.open -= 1;
        const left = (this.byTenant.get(tenantId) ?? 1) - 1;
        if (left > 0) this.byTenant.set(tenantId, left);
        else this.byTenant.delete(tenantId);
      },
    };
  }

  /** Subscriptions `tenantId` holds open on this process. */
  openFor(tenantId: string): number {
    return this.byTenant.get(tenantId) ?? 0;
  }

  private socketCount(socket: object): SocketCount {
    let count = this.bySocket.get(socket);
    if (!count) this.bySocket.set(socket, (count = { open: 0, refused: 0 }));
    return count;
  }
}

export function subscriptionLimitError(scope: LimitScope, limit: number): GraphQLError {
  const where = scope === 'SOCKET' ? 'on one connection' : 'for this tenant on this gateway';
  return new GraphQLError(
    `too many subscriptions ${where} (limit ${limit}); end one before subscribing again`,
    { extensions: { code: 'RATE_LIMITED', scope, limit, http: { status: 429 } } },
  );
}

/**
 * `source`, calling `release` once however it finishes: done, returned (the client completed or its socket
 * closed) or failed.
 */
export function releasing<T>(source: AsyncIterable<T>, release: () => void): AsyncIterableIterator<T> {
  const it = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const step = await it.next();
        if (step.done) release();
        return step;
      } catch (err) {
        release();
        throw err;
      }
    },
    async return() {
      release();
      return (await it.return?.()) ?? { done: true, value: undefined };
    },
    async throw(err?: unknown) {
      release();
      if (it.throw) return it.throw(err);
      throw err;
    },
  };
}

/** Defaults: per socket under the subgraphs' own per-connection limits (core/server/subscription-server.ts). */
export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimitOptions = { perSocket: 100, perTenant: 1_000 };
