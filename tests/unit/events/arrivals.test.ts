/**
 * `Arrivals` (read-your-writes): a reader waiting for a row its read model has not learned yet is woken
 * by the consumer's notification for exactly that (kind, tenant, id) — not another tenant's — finds rows
 * applied elsewhere by re-checking, and gives up with null after its bound, leaving no listener behind.
 */
import { Arrivals, type ArrivalKey } from '../../../core/events/arrivals';
import { deferred } from '../../helpers/eventually';

const key = (tenantId: string, id = 'session-1'): ArrivalKey => ({ kind: 'session', tenantId, id });
const HOUR = 3_600_000;

describe('Arrivals', () => {
  it('wakes every waiter of a key when it is notified (no re-check needed)', async () => {
    const arrivals = new Arrivals({ timeoutMs: HOUR, recheckMs: HOUR });
    let row: string | null = null;
    const lookups = { n: 0 };
    const find = async () => {
      lookups.n++;
      return row;
    };
    const waiters = Array.from({ length: 20 }, () => arrivals.await(key('A'), find));
    while (arrivals.waiting < 20) await new Promise((r) => setImmediate(r));
    row = 'applied';
    arrivals.notify(key('A'));
    expect(await Promise.all(waiters)).toEqual(Array(20).fill('applied'));
    expect(lookups.n).toBe(40); // once before the wait, once after the wake-up
    expect(arrivals.waiting).toBe(0);
  });

  it("is not woken by another tenant's (or another kind's) notification; null after its bound", async () => {
    const arrivals = new Arrivals({ timeoutMs: 300, recheckMs: HOUR });
    let lookups = 0;
    const waiting = arrivals.await(key('A'), async () => {
      lookups++;
      return null;
    });
    while (arrivals.waiting < 1) await new Promise((r) => setImmediate(r));
    arrivals.notify(key('B'));
    arrivals.notify({ kind: 'agent', tenantId: 'A', id: 'session-1' });
    const started = Date.now();
    expect(await waiting).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(lookups).toBe(2); // the first look, and the last one at the bound
    expect(arrivals.waiting).toBe(0);
  });

  it('does not lose a notification that arrives while the lookup runs', async () => {
    const arrivals = new Arrivals({ timeoutMs: HOUR, recheckMs: HOUR });
    let row: string | null = null;
    const lookupRunning = deferred();
    const release = deferred();
    let first = true;
    const waiting = arrivals.await(key('A'), async () => {
      if (!first) return row;
      first = false;
      lookupRunning.resolve();
      await release.promise; // the consumer commits and notifies while this lookup is in flight
      return null;
    });
    await lookupRunning.promise;
    row = 'applied';
    arrivals.notify(key('A'));
    release.resolve();
    expect(await waiting).toBe('applied');
  });

  it('finds a row applied by another instance (no notification here) by re-checking', async () => {
    const arrivals = new Arrivals({ timeoutMs: HOUR, recheckMs: 20 });
    let lookups = 0;
    const found = await arrivals.await(key('A'), async () => (++lookups >= 3 ? 'applied elsewhere' : null));
    expect(found).toBe('applied elsewhere');
  });

  it('never waits with a zero bound', async () => {
    const arrivals = new Arrivals({ timeoutMs: 0 });
    let lookups = 0;
    expect(
      await arrivals.await(key('A'), async () => {
        lookups++;
        return null;
      }),
    ).toBeNull();
    expect(lookups).toBe(1);
    expect(arrivals.waiting).toBe(0);
  });
});
