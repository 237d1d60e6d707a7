/**
 * Per-tenant admission for queries and mutations: each tenant may have at most `maxInflight` operations and
 * `maxInflightCost` estimated cost (gateway/cost-estimate.ts) executing at once; more wait in that tenant's
 * own FIFO queue, so one tenant's heavy work waits behind itself while every other tenant's requests start
 * at once. A tenant with nothing running is always admitted (an operation costlier than the budget still
 * runs, alone), so nobody waits forever. A full queue, or a wait past `queueTimeoutMs`, is refused with
 * TenantBusyError (RATE_LIMITED, 429 in use-cost-limit.ts); a waiter whose client went away leaves the queue.
 *
 * Per process: each gateway replica counts on its own (N replicas admit up to N × the limits per tenant);
 * the shared per-minute budget is the Redis rate limiter's job (gateway/redis-rate-limiter.ts).
 */

export interface TenantConcurrencyOptions {
  /** Operations executing at once per tenant (MAX_INFLIGHT_PER_TENANT). */
  maxInflight: number;
  /** Sum of the estimated costs executing at once per tenant (MAX_INFLIGHT_COST_PER_TENANT). */
  maxInflightCost: number;
  /** Operations waiting per tenant; more are refused at once (MAX_QUEUED_PER_TENANT). */
  maxQueued: number;
  /** How long an operation may wait for its turn (default 10 s). */
  queueTimeoutMs?: number;
  /** Told after every change of a tenant's load (admitted, queued, released, left the queue). */
  onChange?: (tenant: string, load: TenantLoad) => void;
}

export type TenantBusyReason = 'QUEUE_FULL' | 'QUEUE_TIMEOUT';

export class TenantBusyError extends Error {
  readonly code = 'RATE_LIMITED';
  constructor(
    readonly reason: TenantBusyReason,
    readonly retryAfterSeconds: number,
  ) {
    super(
      reason === 'QUEUE_FULL'
        ? 'too many operations of this tenant are running or waiting on this gateway'
        : 'this operation waited too long behind others of the same tenant',
    );
    this.name = 'TenantBusyError';
  }
}

/** Held while an operation executes; `release` is idempotent. */
export interface TenantLease {
  release(): void;
}

interface Waiter {
  cost: number;
  admit(): void;
}

interface TenantState {
  inflight: number;
  cost: number;
  queue: Waiter[];
}

export interface TenantLoad {
  inflight: number;
  cost: number;
  queued: number;
}

export class TenantConcurrency {
  private readonly tenants = new Map<string, TenantState>();
  private readonly queueTimeoutMs: number;

  constructor(private readonly opts: TenantConcurrencyOptions) {
    this.queueTimeoutMs = opts.queueTimeoutMs ?? 10_000;
  }

  /** Waits for a turn for an operation of `cost`; rejects with TenantBusyError, or AbortError on `signal`. */
  async acquire(tenant: string, cost: number, signal?: AbortSignal): Promise<TenantLease> {
    const state = this.state(tenant);
    if (state.queue.length === 0 && this.fits(state, cost)) return this.admit(tenant, state, cost);
    if (state.queue.length >= this.opts.maxQueued) throw new TenantBusyError('QUEUE_FULL', 1);
    await this.wait(tenant, state, cost, signal);
    return this.lease(tenant, state, cost);
  }

  /** What a tenant holds now (for logs and tests). */
  load(tenant: string): TenantLoad {
    const s = this.tenants.get(tenant);
    return { inflight: s?.inflight ?? 0, cost: s?.cost ?? 0, queued: s?.queue.length ?? 0 };
  }

  private state(tenant: string): TenantState {
    let s = this.tenants.get(tenant);
    if (!s) {
      s = { inflight: 0, cost: 0, queue: [] };
      this.tenants.set(tenant, s);
    }
    return s;
  }

  private fits(s: TenantState, cost: number): boolean {
    if (s.inflight === 0) return true;
    return s.inflight < this.opts.maxInflight && s.cost + cost <= this.opts.maxInflightCost;
  }

  private admit(tenant: string, s: TenantState, cost: number): TenantLease {
    s.inflight++;
    s.cost += cost;
    this.changed(tenant);
    return this.lease(tenant, s, cost);
  }

  /** Counts were taken by whoever admitted the waiter (`drain`); the lease gives them back. */
  private lease(tenant: string, s: TenantState, cost: number): TenantLease {
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        s.inflight--;
        s.cost -= cost;
        this.drain(tenant, s);
      },
    };
  }

  private wait(tenant: string, s: TenantState, cost: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = s.queue.indexOf(waiter);
        if (i >= 0) s.queue.splice(i, 1);
      };
      // a waiter that gives up may have been the head of the line: those behind it may fit now
      const giveUp = (err: unknown) => {
        leave();
        this.drain(tenant, s);
        reject(err);
      };
      const onAbort = () => giveUp(signal?.reason ?? new Error('aborted'));
      const timer = setTimeout(() => {
        giveUp(new TenantBusyError('QUEUE_TIMEOUT', Math.max(1, Math.ceil(this.queueTimeoutMs / 1000))));
      }, this.queueTimeoutMs);
      const waiter: Waiter = {
        cost,
        admit: () => {
          leave();
          resolve();
        },
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      s.queue.push(waiter);
      this.changed(tenant);
    });
  }

  /** Admits queued operations in order while they fit; forgets an idle tenant. */
  private drain(tenant: string, s: TenantState): void {
    while (s.queue.length > 0 && this.fits(s, s.queue[0]!.cost)) {
      const next = s.queue[0]!;
      s.inflight++;
      s.cost += next.cost;
      next.admit();
    }
    if (s.inflight === 0 && s.queue.length === 0) this.tenants.delete(tenant);
    this.changed(tenant);
  }

  private changed(tenant: string): void {
    this.opts.onChange?.(tenant, this.load(tenant));
  }
}
