/**
 * The gateway's per-request guards, in process: what the operation limits (GraphQL Armor's depth, alias
 * and directive rules) and the cost estimate (gateway/cost-estimate.ts, the one cost model) add to
 * validating the bench's federated query, how fast hostile documents are rejected, and what one rate-limit
 * check costs in memory and (with REDIS_URL) in Redis shared by two gateways. Prints a Markdown table.
 *   node -r @swc-node/register bench/limits.ts
 * A benchmark, not a test: nothing fails on a slow number. bench/README.md has the figures and the
 * hand-written rules and counters these replaced, measured the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildSchema, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import { estimateCost } from '../gateway/cost-estimate';
import { DEFAULT_COST_LIMITS } from '../gateway/plugins/use-cost-limit';
import { operationLimitRules } from '../gateway/plugins/use-operation-limits';
import { memoryRateLimiter, type TenantRateLimiter } from '../gateway/plugins/use-rate-limit';
import { createRedisRateLimiter } from '../gateway/redis-rate-limiter';
import { GATEWAY_AGENTS_QUERY } from './workload';

const LIMITS = { maxTokens: 2000, maxDepth: 10, maxAliases: 30, maxDirectives: 50 };
const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../schema/supergraph.graphql'), 'utf8'), {
  assumeValidSDL: true,
});

function spreadBomb(levels: number): string {
  const frags = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment S${i} on Query { __typename }`
      : `fragment S${i} on Query { ...S${i + 1} ...S${i + 1} }`,
  );
  return `{ ...S0 } ${frags.join(' ')}`;
}

/** Mean µs of `fn` over `n` runs, after one warm-up round. */
function micros(n: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(n, 200); i++) fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - t0) / 1e3 / n;
}

/** Checks per second with `inFlight` concurrent callers over 200 tenants. */
async function checksPerSecond(limiter: TenantRateLimiter, total: number, inFlight: number): Promise<number> {
  let i = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (i < total) await limiter.consume(`t${i++ % 200}`).catch(() => undefined);
    }),
  );
  return Math.round(total / ((Date.now() - t0) / 1000));
}

async function main(): Promise<void> {
  const rows: [string, string][] = [];
  const doc = parse(GATEWAY_AGENTS_QUERY);
  const limits: ValidationRule[] = operationLimitRules(LIMITS);
  const plain = micros(5000, () => validate(schema, doc, specifiedRules));
  const guarded = micros(5000, () => validate(schema, doc, [...specifiedRules, ...limits]));
  rows.push(['validate the bench query, graphql-js rules (µs)', plain.toFixed(0)]);
  rows.push(['… plus depth, aliases, directives (µs)', guarded.toFixed(0)]);
  rows.push([
    '… its cost estimate (µs)',
    micros(5000, () => estimateCost({ schema, document: doc })).toFixed(0),
  ]);
  // validation lets a bomb through (depth 1, no alias); the estimate refuses it, as use-cost-limit does
  for (const levels of [24, 28]) {
    const bomb = parse(spreadBomb(levels));
    const ms =
      micros(3, () => {
        validate(schema, bomb, [...specifiedRules, ...limits]);
        if (estimateCost({ schema, document: bomb }) <= DEFAULT_COST_LIMITS.maxQueryCost)
          throw new Error('a spread bomb estimated under the limit');
      }) / 1000;
    rows.push([`reject a ${levels}-level fragment spread bomb: validate + estimate (ms)`, ms.toFixed(1)]);
  }
  rows.push([
    'rate limit, memory: checks/s (64 in flight)',
    String(await checksPerSecond(memoryRateLimiter(1e9), 200_000, 64)),
  ]);
  const url = process.env['REDIS_URL'];
  if (url) {
    const prefix = `bench-rl:${randomUUID()}`;
    const gateways = [0, 1].map(() => createRedisRateLimiter({ url, prefix, perMinute: 1e9 }));
    await Promise.all(gateways.map((g) => g.ready));
    const [a, b] = await Promise.all(gateways.map((g) => checksPerSecond(g.limiter, 20_000, 32)));
    rows.push(['rate limit, Redis, 2 gateways × 32 in flight: checks/s', String(a! + b!)]);
    await Promise.all(gateways.map((g) => g.close()));
  } else rows.push(['rate limit, Redis', 'skipped (REDIS_URL not set)']);
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(
    [
      `| ${'measure'.padEnd(width)} | value |`,
      `| ${'-'.repeat(width)} | ----- |`,
      ...rows.map(([k, v]) => `| ${k.padEnd(width)} | ${v} |`),
    ].join('\n') + '\n',
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
