/**
 * Per-tenant admission (gateway/tenant-concurrency.ts): one tenant past its limits waits in its own FIFO
 * queue while every other tenant is admitted at once; turns given back admit the next in order; the cost
 * budget holds heavy operations back; a tenant with nothing running always gets in; a full queue, a wait
 * too long and a client gone away each leave the queue without blocking those behind.
 */
import { TenantBusyError, TenantConcurrency, type TenantLease } from '../../../gateway/tenant-concurrency';

/** Runs every callback already due (promise jobs, then one macrotask turn). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An acquire whose outcome can be read without awaiting it. */
function track(p: Promise<TenantLease>) {
  const t: { lease?: TenantLease; error?: unknown; done: boolean } = { done: false };
  p.then(
    (lease) => Object.assign(t, { lease, done: true }),
    (error: unknown) => Object.assign(t, { error, done: true }),
  );
  return t;
}

describe('TenantConcurrency', () => {
  test('tenant A saturated with 40 waiting: 9 other tenants get in at once; A’s waiters follow in order', async () => {
    const q = new TenantConcurrency({ maxInflight: 4, maxInflightCost: 1_000, maxQueued: 100 });
    const order: string[] = [];
    const running = await Promise.all(Array.from({ length: 4 }, () => q.acquire('A', 1)));
    const waiting = Array.from({ length: 40 }, (_, i) =>
      q.acquire('A', 1).then((lease) => (order.push(`A${i}`), lease)),
    );
    // nine other tenants, four requests each, all in flight together with A's queue
    const others = await Promise.all(
      Array.from({ length: 9 }, (_, t) =>
        Array.from({ length: 4 }, () => q.acquire(`T${t}`, 1).then((lease) => (order.push(`T${t}`), lease))),
      ).flat(),
    );
    expect(order).toHaveLength(36);
    expect(order.every((o) => o.startsWith('T'))).toBe(true);
    expect(q.load('A')).toEqual({ inflight: 4, cost: 4, queued: 40 });

    // A's turns come back one by one: its waiters are admitted in arrival order, one per turn
    for (const lease of running) lease.release();
    await flush();
    expect(order.slice(36)).toEqual(['A0', 'A1', 'A2', 'A3']);
    for (let i = 0; i < 40; i++) (await waiting[i]!).release();
    expect(order.slice(36)).toEqual(Array.from({ length: 40 }, (_, i) => `A${i}`));
    for (const lease of others) lease.release();
    expect([q.load('A'), q.load('T0')]).toEqual([
      { inflight: 0, cost: 0, queued: 0 },
      { inflight: 0, cost: 0, queued: 0 },
    ]);
  });

  test('the cost budget holds a heavy operation back; the line stays in order; releasing twice counts once', async () => {
    const q = new TenantConcurrency({ maxInflight: 10, maxInflightCost: 100, maxQueued: 10 });
    const first = await q.acquire('A', 60);
    const heavy = track(q.acquire('A', 60));
    const light = track(q.acquire('A', 10)); // would fit, but waits behind the heavy one
    await flush();
    expect([heavy.done, light.done]).toEqual([false, false]);
    first.release();
    first.release();
    await flush();
    expect([heavy.done, light.done]).toEqual([true, true]);
    expect(q.load('A')).toEqual({ inflight: 2, cost: 70, queued: 0 });
  });

  test('a tenant with nothing running is admitted even above the budget', async () => {
    const q = new TenantConcurrency({ maxInflight: 1, maxInflightCost: 10, maxQueued: 0 });
    const lease = await q.acquire('A', 5_000);
    expect(q.load('A')).toEqual({ inflight: 1, cost: 5_000, queued: 0 });
    lease.release();
  });

  test('a full queue is refused at once with QUEUE_FULL', async () => {
    const q = new TenantConcurrency({ maxInflight: 1, maxInflightCost: 10, maxQueued: 2 });
    const lease = await q.acquire('A', 1);
    const queued = [track(q.acquire('A', 1)), track(q.acquire('A', 1))];
    await expect(q.acquire('A', 1)).rejects.toMatchObject({ reason: 'QUEUE_FULL', code: 'RATE_LIMITED' });
    await expect(q.acquire('B', 1)).resolves.toBeDefined();
    lease.release();
    await flush();
    expect(queued.map((t) => t.done)).toEqual([true, false]);
  });

  test('a wait past the deadline is QUEUE_TIMEOUT, and those behind a timed-out head get in', async () => {
    jest.useFakeTimers();
    try {
      const q = new TenantConcurrency({
        maxInflight: 5,
        maxInflightCost: 100,
        maxQueued: 5,
        queueTimeoutMs: 2_000,
      });
      const running = await q.acquire('A', 50);
      const heavy = track(q.acquire('A', 80));
      jest.advanceTimersByTime(1_000);
      const light = track(q.acquire('A', 10));
      jest.advanceTimersByTime(1_000);
      await Promise.resolve();
      await Promise.resolve();
      expect(heavy.error).toBeInstanceOf(TenantBusyError);
      expect(heavy.error).toMatchObject({ reason: 'QUEUE_TIMEOUT', retryAfterSeconds: 2 });
      expect(light.done).toBe(true);
      expect(light.lease).toBeDefined();
      expect(q.load('A')).toEqual({ inflight: 2, cost: 60, queued: 0 });
      running.release();
    } finally {
      jest.useRealTimers();
    }
  });

  test('a waiter whose client went away leaves the queue', async () => {
    const q = new TenantConcurrency({ maxInflight: 1, maxInflightCost: 10, maxQueued: 5 });
    const lease = await q.acquire('A', 1);
    const gone = new AbortController();
    const w = track(q.acquire('A', 1, gone.signal));
    const next = track(q.acquire('A', 1));
    expect(q.load('A').queued).toBe(2);
    gone.abort(new Error('client closed'));
    await flush();
    expect(w.error).toEqual(new Error('client closed'));
    expect(q.load('A').queued).toBe(1);
    lease.release();
    await flush();
    expect(next.done).toBe(true);
    next.lease!.release();
    expect(q.load('A')).toEqual({ inflight: 0, cost: 0, queued: 0 });
  });
});
