/**
 * core/pubsub: the in-process implementation, and (when REDIS_URL is set) the Redis one with two
 * instances — plus two coaching subgraph instances sharing Redis: a subscriber connected to one
 * receives the hints the other produced.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { MemoryPubSub, RedisPubSub, type PubSub, type PubSubIterator } from '../../../core/pubsub';
import { REDIS_URL } from '../../helpers/db';
import { describeNeeding } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { sessionChannel } from '../../../subgraphs/coaching';
import { feedReadModels, fixture, startCoaching, subscribe, waitFor, wsClient } from './support/live-harness';
import { ADD_TURN, HINTS_SUB, type HintEventView } from './support/operations';

async function take<T>(it: PubSubIterator<T>, n: number, ms = 5_000): Promise<T[]> {
  const out: T[] = [];
  const timer = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`timed out after ${out.length}`)), ms).unref(),
  );
  while (out.length < n) {
    const r = await Promise.race([it.next(), timer]);
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe('MemoryPubSub', () => {
  let ps: MemoryPubSub;
  beforeEach(() => {
    ps = new MemoryPubSub();
  });
  afterEach(() => ps.close());

  it('fans out to every subscriber of a channel and only that channel', async () => {
    const a = ps.subscribe<{ n: number }>('c1');
    const b = ps.subscribe<{ n: number }>('c1');
    const other = ps.subscribe<{ n: number }>('c2');
    await ps.publish('c1', { n: 1 });
    await ps.publish('c1', { n: 2 });
    expect(await take(a, 2)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await take(b, 2)).toEqual([{ n: 1 }, { n: 2 }]);
    await ps.publish('c2', { n: 3 });
    expect(await take(other, 1)).toEqual([{ n: 3 }]);
  });

  it('delivers JSON (dates as strings), like Redis', async () => {
    const it = ps.subscribe<{ at: string }>('c');
    await ps.publish('c', { at: new Date('2025-01-01T00:00:00Z') });
    expect(await take(it, 1)).toEqual([{ at: '2025-01-01T00:00:00.000Z' }]);
  });

  it('return() ends a pending next() and releases the subscription', async () => {
    const it = ps.subscribe('c');
    const pending = it.next();
    await it.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(ps.subscriberCount('c')).toBe(0);
    await ps.publish('c', { n: 1 });
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('keeps at most bufferSize messages for a slow consumer (oldest dropped)', async () => {
    const it = ps.subscribe<number>('c', { bufferSize: 2 });
    for (const n of [1, 2, 3]) await ps.publish('c', n);
    expect(await take(it, 2)).toEqual([2, 3]);
  });
});

describeNeeding(['REDIS_URL'], 'RedisPubSub (two instances)', () => {
  const prefix = `test:${randomUUID()}:`;
  let a: RedisPubSub;
  let b: RedisPubSub;
  let admin: Redis;
  const numsub = async (channel: string): Promise<number> => {
    const r = (await admin.pubsub('NUMSUB', prefix + channel)) as [string, number];
    return Number(r[1]);
  };

  beforeAll(() => {
    a = new RedisPubSub({ url: REDIS_URL!, prefix });
    b = new RedisPubSub({ url: REDIS_URL!, prefix });
    admin = new Redis(REDIS_URL!);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await admin.quit();
  });

  it('a message published through one instance reaches subscribers of both', async () => {
    const onA1 = a.subscribe<{ hint: string }>('session-1');
    const onA2 = a.subscribe<{ hint: string }>('session-1');
    const onB = b.subscribe<{ hint: string }>('session-1');
    await Promise.all([onA1.ready, onA2.ready, onB.ready]);
    expect(await numsub('session-1')).toBe(2); // one SUBSCRIBE per instance, fanned out locally
    await b.publish('session-1', { hint: 'ask about pre-approval' });
    await a.publish('session-1', { hint: 'offer a showing' });
    for (const it of [onA1, onA2, onB]) {
      expect(await take(it, 2)).toEqual([{ hint: 'ask about pre-approval' }, { hint: 'offer a showing' }]);
    }
    await onA1.return();
    expect(await numsub('session-1')).toBe(2);
    await onA2.return();
    await onB.return();
    await waitFor(async () => (await numsub('session-1')) === 0);
  });

  it('keeps channels apart', async () => {
    const one = a.subscribe<number>('c1');
    const two = b.subscribe<number>('c2');
    await Promise.all([one.ready, two.ready]);
    await a.publish('c2', 2);
    await b.publish('c1', 1);
    expect(await take(one, 1)).toEqual([1]);
    expect(await take(two, 1)).toEqual([2]);
    await one.return();
    await two.return();
  });

  it('coaching: a subscriber on instance A receives the hints instance B produced', async () => {
    const psA: PubSub = new RedisPubSub({ url: REDIS_URL!, prefix });
    const psB: PubSub = new RedisPubSub({ url: REDIS_URL!, prefix });
    const hA = await startCoaching('sqlite', { pubsub: psA });
    const hB = await startCoaching('sqlite', { pubsub: psB });
    const f = fixture();
    try {
      await feedReadModels(hA, f);
      await feedReadModels(hB, f);
      const p = principal({ tenantId: f.tenantId });
      const client = wsClient(hA.wsUrl, await hA.codec.sign(p));
      const sub = subscribe<HintEventView>(client, HINTS_SUB, { s: f.sessionId }, 'coachingHints');
      await waitFor(async () => (await numsub(sessionChannel(f.tenantId, f.sessionId))) === 1);
      const res = await hB.exec(p, ADD_TURN, {
        input: { sessionId: f.sessionId, speaker: 'LEAD', text: 'Is the price negotiable at all?' },
      });
      expect(res.errors).toBeUndefined();
      const events = await sub.until((items) => items.some((e) => e.type === 'COMPLETED'));
      expect(events[0]?.type).toBe('STARTED');
      sub.dispose();
      await client.dispose();
    } finally {
      await hA.close();
      await hB.close();
      await psA.close();
      await psB.close();
    }
  });
});
