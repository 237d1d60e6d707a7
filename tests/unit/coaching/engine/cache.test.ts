/**
 * core/cache (MemoryCache, RedisCache, singleFlight) and the engine's response cache + single flight,
 * counted against the fake Anthropic server.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getJson, MemoryCache, RedisCache, setJson, singleFlight, type Cache } from '../../../../core/cache';
import { Speaker } from '../../../../core/vocabulary';
import { REDIS_URL } from '../../../helpers/db';
import { deferred, eventually } from '../../../helpers/eventually';
import { describeNeeding } from '../../../helpers/variants';
import { start, type FakeAnthropic, type FakeHint } from '../../../fixtures/fake-anthropic';
import { collect, engineFor, makeRequest } from './helpers';

const HINTS: FakeHint[] = [
  {
    category: 'NEXT_STEP',
    text: 'Offer a lender intro and a Saturday tour of three homes.',
    rationale: 'r',
    confidence: 0.75,
  },
];

function cacheContract(name: string, make: () => Cache): void {
  describe(name, () => {
    let cache: Cache;
    beforeEach(() => {
      cache = make();
    });
    afterEach(async () => {
      await cache.close?.();
    });

    it('gets what was set, deletes, and misses unknown keys', async () => {
      const key = `k-${randomUUID()}`;
      expect(await cache.get(key)).toBeUndefined();
      await cache.set(key, 'v1', 60);
      expect(await cache.get(key)).toBe('v1');
      await cache.delete(key);
      expect(await cache.get(key)).toBeUndefined();
    });

    it('expires entries after their TTL', async () => {
      const key = `k-${randomUUID()}`;
      await cache.set(key, 'v', 0.15);
      expect(await cache.get(key)).toBe('v');
      const setAt = Date.now();
      await eventually(async () => expect(await cache.get(key)).toBeUndefined(), { timeoutMs: 2_000 });
      expect(Date.now() - setAt).toBeGreaterThanOrEqual(100); // expired by its TTL, not at once
    });

    it('rejects a non-positive TTL', async () => {
      await expect(cache.set('k', 'v', 0)).rejects.toThrow(/ttlSeconds/);
    });

    it('round-trips validated JSON; invalid JSON is a miss', async () => {
      const key = `k-${randomUUID()}`;
      const schema = z.object({ n: z.number() });
      await setJson(cache, key, { n: 1 }, 60);
      expect(await getJson(cache, key, schema)).toEqual({ n: 1 });
      await cache.set(key, '{"n":"one"}', 60);
      expect(await getJson(cache, key, schema)).toBeUndefined();
      await cache.set(key, 'not json', 60);
      expect(await getJson(cache, key, schema)).toBeUndefined();
    });
  });
}

cacheContract('MemoryCache', () => new MemoryCache({ maxEntries: 100 }));

it('MemoryCache evicts the least recently used entry beyond maxEntries', async () => {
  const cache = new MemoryCache({ maxEntries: 2 });
  await cache.set('a', '1', 60);
  await cache.set('b', '2', 60);
  await cache.get('a');
  await cache.set('c', '3', 60);
  expect(await cache.get('b')).toBeUndefined();
  expect(await cache.get('a')).toBe('1');
});

describeNeeding(['REDIS_URL'], 'RedisCache', () => {
  const redisUrl = REDIS_URL!;
  const prefix = `test:engine:${randomUUID()}:`;
  cacheContract('contract', () => new RedisCache({ redis: redisUrl, prefix }));

  it('prefixes its keys', async () => {
    const { Redis } = await import('ioredis');
    const raw = new Redis(redisUrl);
    const cache = new RedisCache({ redis: raw, prefix });
    await cache.set('hello', 'world', 60);
    expect(await raw.get(`${prefix}hello`)).toBe('world');
    await cache.close(); // a client passed in stays open
    expect(await raw.get(`${prefix}hello`)).toBe('world');
    await raw.del(`${prefix}hello`);
    await raw.quit();
  });
});

describe('singleFlight', () => {
  it('shares one promise between concurrent calls with the same key, and forgets it when settled', async () => {
    const flight = singleFlight<number>();
    let calls = 0;
    const release = deferred();
    const fn = async (): Promise<number> => {
      calls += 1;
      await release.promise;
      return 42;
    };
    const pending = Promise.all([flight.do('k', fn), flight.do('k', fn), flight.do('other', fn)]);
    expect(flight.size).toBe(2); // all three calls are in flight together
    release.resolve();
    const results = await pending;
    expect(results).toEqual([42, 42, 42]);
    expect(calls).toBe(2);
    expect(flight.size).toBe(0);
    await flight.do('k', fn);
    expect(calls).toBe(3);
  });

  it('shares rejections, including a synchronous throw', async () => {
    const flight = singleFlight<number>();
    const boom = (): Promise<number> => {
      throw new Error('boom');
    };
    await expect(Promise.all([flight.do('k', boom), flight.do('k', boom)])).rejects.toThrow('boom');
    expect(flight.has('k')).toBe(false);
  });
});

describe('engine response cache', () => {
  let fake: FakeAnthropic;
  beforeEach(async () => {
    fake = await start();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('answers a second identical request from the cache: cached, zero cost, no extra request, events still stream', async () => {
    fake.script({ hints: HINTS });
    const { engine } = engineFor(fake);
    const first = await engine.run(makeRequest());
    const c = collect();
    const second = await engine.run(makeRequest({ sessionId: 'another-session' }), c.onEvent);
    expect(fake.count).toBe(1);
    expect(first.cached).toBe(false);
    expect(first.costMicros).toBeGreaterThan(0);
    expect(second.cached).toBe(true);
    expect(second.costMicros).toBe(0);
    expect(second.tokensIn).toBe(0);
    expect(second.tokensOut).toBe(0);
    expect(second.provider).toBe('anthropic');
    expect(second.model).toBe(first.model);
    expect(second.hints).toEqual(first.hints);
    expect(c.events[0]).toEqual({ type: 'started', index: 0 });
    expect(c.deltas(0)).toBeGreaterThan(1);
    expect(c.text(0)).toBe(HINTS[0]!.text);
    expect(c.events.at(-1)).toMatchObject({
      type: 'completed',
      origin: { provider: 'anthropic', model: first.model, cached: true, fallback: false },
    });
  });

  it('normalizes case and whitespace in the key, but a different turn, model or tenant misses', async () => {
    fake.setDefault({ hints: HINTS });
    const { engine } = engineFor(fake);
    const turns = (text: string) => [{ speaker: Speaker.LEAD, text }];
    await engine.run(makeRequest({ turns: turns('Prices seem  too high right now') }));
    const same = await engine.run(makeRequest({ turns: turns('prices seem too HIGH right now ') }));
    expect(same.cached).toBe(true);
    expect(fake.count).toBe(1);
    await engine.run(makeRequest({ turns: turns('Is the commission negotiable?') }));
    await engine.run(
      makeRequest({
        turns: turns('Prices seem too high right now'),
        models: { quickModel: 'claude-sonnet-4-5' },
      }),
    );
    await engine.run(makeRequest({ turns: turns('Prices seem too high right now'), tenantId: 'tenant-2' }));
    expect(fake.count).toBe(4);
  });

  it('expires after cacheTtlSeconds', async () => {
    fake.setDefault({ hints: HINTS });
    const memory = new MemoryCache();
    const stored: { key: string; ttlSeconds: number }[] = [];
    const cache: Cache = {
      get: (key) => memory.get(key),
      delete: (key) => memory.delete(key),
      set: (key, value, ttlSeconds) => {
        stored.push({ key, ttlSeconds });
        return memory.set(key, value, ttlSeconds);
      },
    };
    const { engine } = engineFor(fake, { cacheTtlSeconds: 0.2, cache });
    await engine.run(makeRequest());
    // the entry, then the session's list of its entries (dropped when the contact is erased), same TTL
    expect(stored.map((s) => s.ttlSeconds)).toEqual([0.2, 0.2]);
    expect(stored[1]!.key).toBe('gdpr-keys:tenant-1:session-1');
    expect((await engine.run(makeRequest())).cached).toBe(true);
    await eventually(async () => (await memory.get(stored[0]!.key)) === undefined, { what: 'the TTL' });
    const again = await engine.run(makeRequest());
    expect(again.cached).toBe(false);
    expect(fake.count).toBe(2); // the cached answer saved one call, the expired one did not
  });

  it('does not cache a fallback answer', async () => {
    fake.script({ status: 400, message: 'bad' }, { hints: HINTS });
    const { engine } = engineFor(fake);
    expect((await engine.run(makeRequest())).fallback).toBe(true);
    const second = await engine.run(makeRequest());
    expect(second.fallback).toBe(false);
    expect(second.cached).toBe(false);
    expect(fake.count).toBe(2);
  });

  it('treats a failing cache as a miss', async () => {
    fake.setDefault({ hints: HINTS });
    const broken: Cache = {
      get: () => Promise.reject(new Error('redis down')),
      set: () => Promise.reject(new Error('redis down')),
      delete: () => Promise.resolve(),
    };
    const { engine } = engineFor(fake, { cache: broken });
    const result = await engine.run(makeRequest());
    expect(result.fallback).toBe(false);
    expect(result.cached).toBe(false);
  });

  it('single flight: 5 concurrent identical requests make ONE model call and all stream the hints', async () => {
    fake.script({ hints: HINTS, chunkDelayMs: 10, chunkSize: 8 });
    const { engine } = engineFor(fake);
    const collectors = Array.from({ length: 5 }, () => collect());
    const results = await Promise.all(
      collectors.map((c, i) => engine.run(makeRequest({ sessionId: `s-${i}` }), c.onEvent)),
    );
    expect(fake.count).toBe(1);
    expect(results.filter((r) => !r.cached)).toHaveLength(1);
    expect(results.filter((r) => r.cached && r.costMicros === 0)).toHaveLength(4);
    for (const r of results) expect(r.hints[0]!.text).toBe(HINTS[0]!.text);
    for (const c of collectors) expect(c.text(0)).toBe(HINTS[0]!.text);
    // Each caller's completed events say what its result says: only the leader's answer is not cached.
    collectors.forEach((c, i) => {
      const origins = c.events.flatMap((e) => (e.type === 'completed' ? [e.origin] : []));
      expect(origins.length).toBeGreaterThan(0);
      for (const o of origins) expect(o).toMatchObject({ cached: results[i]!.cached, fallback: false });
    });
  });

  it("single flight keeps each caller's own PII", async () => {
    fake.script({
      hints: [{ category: 'NEXT_STEP', text: 'Send comps to [EMAIL_1].', rationale: 'r', confidence: 0.7 }],
      chunkDelayMs: 5,
    });
    const { engine } = engineFor(fake);
    const run = (email: string) =>
      engine.run(makeRequest({ turns: [{ speaker: Speaker.LEAD, text: `Mail me at ${email}` }] }));
    const [a, b] = await Promise.all([run('a@example.com'), run('b@example.com')]);
    expect(fake.count).toBe(1);
    expect(a.hints[0]!.text).toBe('Send comps to a@example.com.');
    expect(b.hints[0]!.text).toBe('Send comps to b@example.com.');
  });

  it('when the shared call fails, every caller falls back', async () => {
    fake.script({ status: 400, message: 'bad', retryAfter: 0 });
    const { engine } = engineFor(fake);
    const collectors = Array.from({ length: 3 }, () => collect());
    const results = await Promise.all(collectors.map((c) => engine.run(makeRequest(), c.onEvent)));
    expect(fake.count).toBe(1);
    for (const r of results) expect(r.fallback).toBe(true);
    for (const c of collectors) {
      const completed = c.events.filter((e) => e.type === 'completed');
      expect(completed.length).toBeGreaterThan(0);
      for (const e of completed)
        expect(e.type === 'completed' && e.origin).toEqual({
          provider: 'offline',
          model: 'offline-coach-v1',
          cached: false,
          fallback: true,
        });
    }
  });
});
