/**
 * The coaching runtime's dependencies: quota counter, pub/sub, response cache and GHL install verifier can be
 * injected (tests and tools; bin/ injects nothing: subgraphs share no object) and are then never closed by the
 * subgraph; otherwise they are created from `deps.config` — with REDIS_URL, every key and channel under
 * `config.redisPrefix` — and closed when the subgraph stops.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { MemoryCache, type Cache } from '../../../core/cache';
import { loadConfig } from '../../../core/config';
import { ContextTokenCodec } from '../../../core/context-token';
import { MemoryEventBus } from '../../../core/events/memory-event-bus';
import { createLogger } from '../../../core/logger';
import { MemoryPubSub } from '../../../core/pubsub';
import { MemoryQuotaCounter } from '../../../core/quota';
import type { SubgraphDeps } from '../../../core/server/subgraph-module';
import { createTestDb, REDIS_URL, type TestDb } from '../../helpers/db';
import { describeNeeding } from '../../helpers/variants';
import { TEST_CONTEXT_SECRET, TEST_JWT_SECRET } from '../../helpers/subgraph-harness';
import { start as startFakeAnthropic } from '../../fixtures/fake-anthropic';
import { createCoachingSubgraph, sessionChannel } from '../../../subgraphs/coaching';
import type { GhlInstallVerifier } from '../../../subgraphs/coaching/webhooks/ghl-install-verifier';
import { makeRequest } from './engine/helpers';

const logger = createLogger({ level: 'silent', name: 'coaching' });

async function depsFor(db: TestDb, env: Record<string, string> = {}): Promise<SubgraphDeps> {
  return {
    config: loadConfig({
      JWT_SECRET: TEST_JWT_SECRET,
      CONTEXT_SECRET: TEST_CONTEXT_SECRET,
      NODE_ENV: 'test',
      ...env,
    }),
    orm: db.orm,
    events: new MemoryEventBus(logger),
    logger,
    codec: new ContextTokenCodec(TEST_CONTEXT_SECRET),
  };
}

async function testDb(): Promise<TestDb> {
  const m = createCoachingSubgraph();
  return createTestDb('sqlite', m.name, m.entities, m.migrations);
}

describe('coaching runtime: injected dependencies', () => {
  it('uses what is injected (the default engine caches in the injected cache) and never closes it', async () => {
    const fake = await startFakeAnthropic();
    fake.setDefault({
      hints: [{ category: 'NEXT_STEP', text: 'Book a call.', rationale: 'r', confidence: 0.6 }],
    });
    const db = await testDb();
    try {
      const quota = new MemoryQuotaCounter();
      const pubsub = new MemoryPubSub();
      const memory = new MemoryCache();
      const writes: string[] = [];
      const cache: Cache = {
        get: (k) => memory.get(k),
        set: async (k, v, ttl) => {
          writes.push(k);
          await memory.set(k, v, ttl);
        },
        delete: (k) => memory.delete(k),
        close: jest.fn(async () => undefined),
      };
      const installVerifier: GhlInstallVerifier = {
        configured: true,
        verify: async () => ({ ghlLocationId: 'ghl-1', companyId: null }),
      };
      const closes = [jest.spyOn(quota, 'close'), jest.spyOn(pubsub, 'close'), cache.close as jest.Mock];
      // every live turn to the (fake) model, whatever the offline coach's confidence
      const deps = await depsFor(db, {
        ANTHROPIC_API_KEY: 'sk-test',
        ANTHROPIC_BASE_URL: fake.url,
        COACH_MODEL_WHEN_CONFIDENCE_BELOW: '1',
      });
      const module = createCoachingSubgraph({ quota, pubsub, cache, ghl: { installVerifier } });
      const instance = await module.create(deps);
      const rt = instance.runtime;
      expect(rt.quota).toBe(quota);
      expect(rt.pubsub).toBe(pubsub);
      expect(rt.cache).toBe(cache);
      expect(rt.ghlInstalls).toBe(installVerifier);

      const result = await rt.engine.run(makeRequest());
      expect(result.provider).toBe('anthropic');
      // the answer and the session's list of the entries it wrote (for a contact erasure)
      expect(writes).toHaveLength(2);
      expect(writes[1]).toBe('gdpr-keys:tenant-1:session-1');

      await instance.start();
      await instance.stop();
      for (const close of closes) expect(close).not.toHaveBeenCalled();
    } finally {
      await db.close();
      await fake.close();
    }
  });

  it('creates no response cache for an injected engine', async () => {
    const db = await testDb();
    try {
      const module = createCoachingSubgraph({ engine: { run: () => Promise.reject(new Error('unused')) } });
      const deps = await depsFor(db);
      const instance = await module.create(deps);
      expect(instance.runtime.cache).toBeNull();
      await instance.start();
      await instance.stop();
    } finally {
      await db.close();
    }
  });
});

describeNeeding(['REDIS_URL'], 'coaching runtime: created from config (Redis)', () => {
  let admin: Redis;
  let prefix: string;
  beforeEach(() => {
    admin = new Redis(REDIS_URL!);
    prefix = `t${randomUUID().slice(0, 8)}`;
  });
  afterEach(async () => {
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('namespaces cache keys, pub/sub channels and quota counters under REDIS_PREFIX, and closes them on stop', async () => {
    const db = await testDb();
    try {
      const deps = await depsFor(db, { REDIS_URL: REDIS_URL!, REDIS_PREFIX: prefix });
      const module = createCoachingSubgraph();
      const instance = await module.create(deps);
      const rt = instance.runtime;
      await instance.start();

      const listener = new Redis(REDIS_URL!);
      const received: string[] = [];
      listener.on('pmessage', (_pattern: string, channel: string) => received.push(channel));
      await listener.psubscribe(`${prefix}:*`);
      await rt.pubsub.publish(sessionChannel('t1', 's1'), { kind: 'ping' });
      await rt.cache!.set('k1', 'v1', 60);
      const periodEnd = new Date(Date.now() + 86_400_000);
      await rt.quota.take({ tenantId: 't1', periodEnd: periodEnd.toISOString() }, 5, 1, async () => 0);

      expect(await admin.get(`${prefix}:coaching:hints:k1`)).toBe('v1');
      expect(await admin.get(`${prefix}:coaching:quota:t1:${periodEnd.getTime()}`)).toBe('1');
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(received).toEqual([`${prefix}:coaching:session:t1:s1`]);
      await listener.quit();

      await instance.stop();
      await expect(rt.pubsub.publish('c', 1)).rejects.toThrow();
      await expect(rt.cache!.get('k1')).rejects.toThrow();
      await expect(
        rt.quota.take({ tenantId: 't1', periodEnd: periodEnd.toISOString() }, 5, 1, async () => 0),
      ).rejects.toThrow();
    } finally {
      await db.close();
    }
  });

  it('an explicit redisPrefix option wins over the config', async () => {
    const db = await testDb();
    try {
      const deps = await depsFor(db, { REDIS_URL: REDIS_URL!, REDIS_PREFIX: 'ignored' });
      const module = createCoachingSubgraph({ redisPrefix: prefix, pubsub: new MemoryPubSub() });
      const instance = await module.create(deps);
      const rt = instance.runtime;
      await instance.start();
      await rt.cache!.set('k3', 'v3', 60);
      expect(await admin.get(`${prefix}:coaching:hints:k3`)).toBe('v3');
      await instance.stop();
      await rt.pubsub.publish('still-open', 1); // injected: not closed
    } finally {
      await db.close();
    }
  });
});
