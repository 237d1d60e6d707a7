/**
 * The per-tenant rate limit (rate-limiter-flexible) under concurrency: requests of two tenants in flight
 * together through two gateway instances sharing Redis get exactly the budget per tenant between them;
 * one instance in memory does the same alone; with Redis unreachable each instance keeps answering from
 * its own budget (local fallback) instead of failing every request.
 */
import { randomUUID } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { memoryRateLimiter, type TenantRateLimiter } from '../../../gateway/plugins/use-rate-limit';
import { createRedisRateLimiter } from '../../../gateway/redis-rate-limiter';
import { REDIS_URL } from '../../helpers/db';
import { describeNeeding } from '../../helpers/variants';

const BUDGET = 50;
const PER_TENANT = 300;

type Outcome = 'allowed' | 'limited' | 'failed';

async function take(limiter: TenantRateLimiter, tenant: string): Promise<Outcome> {
  try {
    await limiter.consume(tenant);
    return 'allowed';
  } catch (err) {
    return err instanceof RateLimiterRes ? 'limited' : 'failed';
  }
}

/** PER_TENANT requests of each tenant, all in flight together, spread over the instances. */
async function burst(instances: TenantRateLimiter[], tenants: string[]) {
  const runs = Array.from({ length: PER_TENANT }, (_, i) =>
    tenants.map((tenant, k) => ({ tenant, limiter: instances[(i + k) % instances.length]! })),
  ).flat();
  const outcomes = await Promise.all(runs.map((r) => take(r.limiter, r.tenant)));
  return Object.fromEntries(
    tenants.map((tenant) => {
      const mine = outcomes.filter((_, i) => runs[i]!.tenant === tenant);
      const count = (o: Outcome) => mine.filter((m) => m === o).length;
      return [tenant, { allowed: count('allowed'), limited: count('limited'), failed: count('failed') }];
    }),
  );
}

const exactly = (tenants: string[], allowed: number) =>
  Object.fromEntries(tenants.map((t) => [t, { allowed, limited: PER_TENANT - allowed, failed: 0 }]));

test('one gateway in memory: each tenant gets exactly its budget', async () => {
  const tenants = [randomUUID(), randomUUID()];
  expect(await burst([memoryRateLimiter(BUDGET)], tenants)).toEqual(exactly(tenants, BUDGET));
});

describeNeeding(['REDIS_URL'], 'rate limit shared through Redis', () => {
  const closers: (() => Promise<void>)[] = [];
  const instance = (url: string, prefix: string) => {
    // Generous command timeout: on a loaded test machine a 600-request burst may take longer than the
    // default 250 ms, and the limiter would (rightly) count locally — this test is about sharing exactly.
    const rl = createRedisRateLimiter({ url, prefix, perMinute: BUDGET, commandTimeoutMs: 5_000 });
    closers.push(rl.close);
    return rl;
  };
  afterAll(async () => {
    await Promise.all(closers.map((c) => c()));
  });

  test('two gateways on one Redis: each tenant gets exactly its budget between them', async () => {
    const prefix = `rl-test:${randomUUID()}`;
    const gateways = [instance(REDIS_URL!, prefix), instance(REDIS_URL!, prefix)];
    // connected before the burst (until then a gateway answers from its own budget, like during an outage)
    await Promise.all(gateways.map((g) => g.ready));
    const tenants = [randomUUID(), randomUUID()];
    expect(
      await burst(
        gateways.map((g) => g.limiter),
        tenants,
      ),
    ).toEqual(exactly(tenants, BUDGET));
  });

  test('Redis unreachable: each gateway answers from its own budget, no request fails', async () => {
    const prefix = `rl-test:${randomUUID()}`;
    const down = 'redis://127.0.0.1:1'; // nothing listens on port 1
    const gateways = [instance(down, prefix), instance(down, prefix)];
    const tenants = [randomUUID()];
    expect(
      await burst(
        gateways.map((g) => g.limiter),
        tenants,
      ),
    ).toEqual(exactly(tenants, BUDGET * 2));
  });
});
