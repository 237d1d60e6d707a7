/**
 * core/pubsub's Redis implementation under concurrency, on a real Redis (REDIS_URL): many channels and
 * many subscribers at once, subscribers that leave before their SUBSCRIBE is acknowledged (no leak on
 * Redis or in the process, and a subscriber that stays is never dropped by others leaving), a reconnect
 * (the connections are killed on the server; iterators stay open and delivery resumes), `close()` with a
 * consumer waiting, and a message that is not JSON. The in-process implementation is covered by
 * tests/unit/coaching/pubsub.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisPubSub, type PubSubIterator } from '../../../core/pubsub';
import { REDIS_URL } from '../../helpers/db';
import { eventually } from '../../helpers/eventually';
import { describeNeeding } from '../../helpers/variants';

const CHANNELS = 100;
const PER_CHANNEL = 10;
const MESSAGES = 20;

async function take<T>(it: PubSubIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describeNeeding(['REDIS_URL'], 'RedisPubSub under concurrency', () => {
  let admin: Redis;
  const open: RedisPubSub[] = [];
  const errors: unknown[] = [];

  function instance(prefix: string, connectionName?: string): RedisPubSub {
    const ps = new RedisPubSub({
      url: REDIS_URL!,
      prefix,
      onError: (err) => errors.push(err),
      redisOptions: connectionName ? { connectionName } : undefined,
    });
    open.push(ps);
    return ps;
  }

  const numsub = async (prefix: string, channels: string[]): Promise<number> => {
    const r = (await admin.pubsub('NUMSUB', ...channels.map((c) => prefix + c))) as (string | number)[];
    return r.filter((_, i) => i % 2 === 1).reduce<number>((n, v) => n + Number(v), 0);
  };
  const names = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

  beforeAll(() => {
    admin = new Redis(REDIS_URL!);
  });
  afterAll(async () => {
    await Promise.all(open.map((ps) => ps.close()));
    await admin.quit();
  });

  test(`${CHANNELS} channels x ${PER_CHANNEL} subscribers, ${MESSAGES} messages each from another instance: every subscriber gets its channel's sequence, then nothing is left`, async () => {
    const prefix = `t:${randomUUID()}:`;
    const [a, b] = [instance(prefix), instance(prefix)];
    const subs = Array.from({ length: CHANNELS * PER_CHANNEL }, (_, k) => {
      const channel = `c${k % CHANNELS}`;
      return { channel, it: a.subscribe<{ channel: string; m: number }>(channel) };
    });
    await Promise.all(subs.map((s) => s.it.ready));
    expect(await numsub(prefix, names(CHANNELS))).toBe(CHANNELS); // one SUBSCRIBE per channel
    for (let m = 0; m < MESSAGES; m++)
      await Promise.all(names(CHANNELS).map((channel) => b.publish(channel, { channel, m })));
    const got = await Promise.all(subs.map((s) => take(s.it, MESSAGES)));
    const wrong = subs.filter(
      (s, k) =>
        JSON.stringify(got[k]) !==
        JSON.stringify(Array.from({ length: MESSAGES }, (_, m) => ({ channel: s.channel, m }))),
    );
    expect(wrong).toHaveLength(0);
    await Promise.all(subs.map((s) => s.it.return()));
    expect(
      names(CHANNELS)
        .map((c) => a.subscriberCount(c))
        .filter((n) => n > 0),
    ).toEqual([]);
    await eventually(async () => expect(await numsub(prefix, names(CHANNELS))).toBe(0));
  });

  test('500 subscribers leave before their SUBSCRIBE is acknowledged while one stays: no leak, the one that stays gets everything', async () => {
    const prefix = `t:${randomUUID()}:`;
    const [a, b] = [instance(prefix), instance(prefix)];
    const stays = a.subscribe<number>('c0');
    await stays.ready;
    let sent = 0;
    const publishing = (async () => {
      for (; sent < 200; sent++) await b.publish('c0', sent);
    })();
    await Promise.all(
      Array.from({ length: 500 }, async (_, k) => {
        const it = a.subscribe<number>(`c${k % 50}`);
        await it.return(); // before `ready`
        await it.ready.catch(() => undefined);
      }),
    );
    await publishing;
    expect(await take(stays, 200)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(a.subscriberCount('c0')).toBe(1);
    expect(
      names(50)
        .slice(1)
        .map((c) => a.subscriberCount(c)),
    ).toEqual(Array(49).fill(0));
    await eventually(async () => expect(await numsub(prefix, names(50))).toBe(1));
    await stays.return();
    await eventually(async () => expect(await numsub(prefix, names(50))).toBe(0));
  });

  test('after the server drops the connections, the open iterators receive again (re-subscribed)', async () => {
    const prefix = `t:${randomUUID()}:`;
    const name = `pubsub-test-${randomUUID().slice(0, 8)}`;
    const a = instance(prefix, name);
    const b = instance(prefix);
    const its = names(20).map((c) => a.subscribe<string>(c));
    await Promise.all(its.map((it) => it.ready));
    const clients = String(await admin.client('LIST'))
      .split('\n')
      .filter((line) => line.includes(` name=${name} `));
    expect(clients.length).toBe(2); // publisher and subscriber
    for (const line of clients) await admin.client('KILL', 'ID', /id=(\d+)/.exec(line)![1]!);
    // nothing announces the re-subscription to us: wait until Redis sees every channel subscribed again
    await eventually(async () => expect(await numsub(prefix, names(20))).toBe(20), { timeoutMs: 10_000 });
    await Promise.all(names(20).map((c) => a.publish(c, `after ${c}`))); // the publisher reconnected too
    await Promise.all(names(20).map((c) => b.publish(c, `from b ${c}`)));
    const got = await Promise.all(its.map((it) => take(it, 2)));
    expect(got).toEqual(names(20).map((c) => [`after ${c}`, `from b ${c}`]));
    await Promise.all(its.map((it) => it.return()));
  });

  test('close() ends a waiting next(); a message that is not JSON is dropped and reported', async () => {
    const prefix = `t:${randomUUID()}:`;
    const a = instance(prefix);
    const it = a.subscribe<{ ok: boolean }>('c');
    await it.ready;
    const before = errors.length;
    await admin.publish(`${prefix}c`, 'not json {');
    await a.publish('c', { ok: true });
    expect(await take(it, 1)).toEqual([{ ok: true }]);
    expect(errors.length).toBe(before + 1);
    const waiting = it.next();
    await a.close();
    expect(await waiting).toEqual({ value: undefined, done: true });
  });
});
