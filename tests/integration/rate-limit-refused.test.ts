/**
 * Refused operations count against the caller's rate budget (gateway/plugins/use-rate-limit.ts). A partner
 * tester sent 8,300 queries refused at validation in 60 s: none was counted (the limiter ran at execution,
 * which they never reached), so the abuser was never limited while another tenant's p50 went from 28 ms to
 * 780 ms. Here an abuser's refused operations of every kind (parse error, unknown field, too many tokens,
 * aliases or directives, a NUL literal, an estimate over MAX_QUERY_COST) and a victim's ordinary queries are
 * all in flight together: the abuser gets exactly its budget of refusals, then 429 RATE_LIMITED with
 * retry-after (a valid query too, with no subgraph call); the victim is never limited. Counted in memory,
 * and in Redis as several gateways share it.
 */
import { randomUUID } from 'node:crypto';
import { createRedisRateLimiter, type RedisRateLimiter } from '../../gateway/redis-rate-limiter';
import { REDIS_URL } from '../helpers/db';
import { principal } from '../helpers/principals';
import { startTinyGraph, type TinyGraph } from '../helpers/tiny-supergraph';
import { describeEachVariant } from '../helpers/variants';

const BUDGET = 30;

interface Answer {
  status: number;
  retryAfter: string | null;
  code: unknown;
  data: unknown;
}

/** Documents the gateway refuses before any subgraph call, with the code each is refused with. */
const REFUSED: { code: string; query: (tag: string) => string }[] = [
  { code: 'GRAPHQL_PARSE_FAILED', query: (tag) => `{ items(tag: "${tag}") { id ` },
  { code: 'GRAPHQL_VALIDATION_FAILED', query: (tag) => `{ items(tag: "${tag}") { noSuchField } }` },
  { code: 'QUERY_TOO_COMPLEX', query: (tag) => `{ items(tag: "${tag}") { ${'__typename '.repeat(2001)} } }` },
  {
    code: 'QUERY_TOO_COMPLEX',
    query: (tag) =>
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: items(tag: "${tag}") { id }`).join(' ')} }`,
  },
  {
    code: 'QUERY_TOO_COMPLEX',
    query: (tag) => `{ items(tag: "${tag}") { ${'... on Listing @include(if: true) { id } '.repeat(51)} } }`,
  },
  { code: 'BAD_USER_INPUT', query: (tag) => `{ items(tag: "${tag}\\u0000") { id } }` },
  {
    // the estimate (executed path): 2^20 spreads of items, each 1 + 20 ids
    code: 'QUERY_TOO_COMPLEX',
    query: (tag) =>
      `{ ...S0 } ${Array.from({ length: 21 }, (_, i) =>
        i === 20
          ? `fragment S${i} on Query { items(tag: "${tag}") { id } }`
          : `fragment S${i} on Query { ...S${i + 1} ...S${i + 1} }`,
      ).join(' ')}`,
  },
];

type Limiter = { kind: 'memory' } | { kind: 'redis' };

describeEachVariant<Limiter>(
  [
    { name: 'memory', value: { kind: 'memory' } },
    { name: 'redis', needs: ['REDIS_URL'], value: { kind: 'redis' } },
  ],
  'refused operations count against the rate budget (%s)',
  (limiter) => {
    let g: TinyGraph;
    let redis: RedisRateLimiter | undefined;
    const tokens = {} as Record<'abuser' | 'victim', string>;

    beforeAll(async () => {
      if (limiter.kind === 'redis') {
        // generous command timeout: on a loaded machine a burst must not fall back to counting locally
        redis = createRedisRateLimiter({
          url: REDIS_URL!,
          prefix: `rl-refused:${randomUUID()}`,
          perMinute: BUDGET,
          commandTimeoutMs: 5_000,
        });
        await redis.ready;
      }
      g = await startTinyGraph('rust', undefined, { ratePerMinute: BUDGET, rateLimiter: redis?.limiter });
      for (const who of ['abuser', 'victim'] as const)
        tokens[who] = await g.bearer(principal({ tenantId: `tenant-${who}-${randomUUID()}` }));
    }, 60_000);
    afterAll(async () => {
      await g?.close();
      await redis?.close();
    });

    async function post(who: 'abuser' | 'victim', query: string): Promise<Answer> {
      const res = await fetch(g.gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          authorization: `Bearer ${tokens[who]}`,
        },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
      return {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        code: body.errors?.[0]?.extensions?.code ?? null,
        data: body.data ?? null,
      };
    }

    test('the abuser gets its budget of refusals, then 429; the victim in flight beside it is never limited', async () => {
      const abuse = Array.from({ length: BUDGET * 3 }, (_, i) => REFUSED[i % REFUSED.length]!);
      const victimTags = Array.from({ length: BUDGET - 5 }, (_, i) => `victim${i}`);
      const [abuser, victim] = await Promise.all([
        Promise.all(abuse.map((r, i) => post('abuser', r.query(`abuse${i}`)))),
        Promise.all(victimTags.map((tag) => post('victim', `{ items(tag: "${tag}") { id } }`))),
      ]);

      const limited = abuser.filter((a) => a.code === 'RATE_LIMITED');
      const refused = abuser.filter((a) => a.code !== 'RATE_LIMITED');
      expect({ refused: refused.length, limited: limited.length }).toEqual({
        refused: BUDGET,
        limited: BUDGET * 2,
      });
      for (const a of limited) {
        expect(a.status).toBe(429);
        expect(Number(a.retryAfter)).toBeGreaterThan(0);
      }
      // each refusal within the budget is the one its document earned, a 4xx
      abuser.forEach((a, i) => {
        if (a.code !== 'RATE_LIMITED') expect([a.status, a.code]).toEqual([400, abuse[i]!.code]);
      });
      expect(victim.map((v) => [v.status, v.code])).toEqual(victimTags.map(() => [200, null]));
      expect(abuse.map((_, i) => Object.keys(g.calls.of(`abuse${i}`)).length)).toEqual(abuse.map(() => 0));

      // over budget, even a valid query is refused before any subgraph call; the victim still runs
      const [again, other] = await Promise.all([
        post('abuser', '{ items(tag: "abuser-valid") { id } }'),
        post('victim', '{ items(tag: "victim-last") { id } }'),
      ]);
      expect([again.status, again.code]).toEqual([429, 'RATE_LIMITED']);
      expect(g.calls.of('abuser-valid')).toEqual({});
      expect([other.status, other.code]).toEqual([200, null]);
    }, 60_000);
  },
);
