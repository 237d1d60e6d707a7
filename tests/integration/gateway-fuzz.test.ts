/**
 * Fuzzed input through one started platform (gateway + subgraphs, over real sockets): at least 10,000
 * generated inputs (FUZZ_RUNS) — real operations of every root field with fuzzed variables, mutilated and
 * random documents, GET and form parameters, bodies under any content type, odd methods, paths and
 * headers, raw bytes, and graphql-ws sessions of fuzzed frames. No input may get a 5xx, a masked
 * "Unexpected error.", a hang, or a WebSocket close 4500/1011/1006 (tests/helpers/fuzz/verdict.ts); the
 * process's memory must stay bounded. Seeded (FUZZ_SEED reproduces a run); prints the count, the status
 * histogram and the memory figures. Issue 12: 506 of 22,681 fuzzed inputs got a 5xx before.
 */
import http from 'node:http';
import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { httpInputs } from '../helpers/fuzz/http-inputs';
import { sendHttp } from '../helpers/fuzz/http-send';
import { schemaOperations } from '../helpers/fuzz/schema-operations';
import { FuzzTally, inPool, memoryAfterGc } from '../helpers/fuzz/verdict';
import { wsSessions } from '../helpers/fuzz/ws-inputs';
import { playWsSession } from '../helpers/fuzz/ws-send';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
/**
 * On PostgreSQL (+ Redis) fewer: the HTTP and WebSocket layers are the same code, and what differs — the
 * database's handling of the values that reach it — shows within a few thousand (~7 ms CPU per input).
 */
const PG_RUNS = Math.min(RUNS, Number(process.env['FUZZ_RUNS_PG'] ?? 3_000));
/**
 * FUZZ_SEED reproduces a run. Without it: a fixed seed in CI (a submission's CI must not turn red on an
 * input nobody generated before), a fresh one elsewhere, so every local run explores new inputs.
 */
const CI_SEED = 1_139_998_170;
const SEED = Number(
  process.env['FUZZ_SEED'] ?? (process.env['CI'] ? CI_SEED : Math.floor(Math.random() * 2 ** 31)),
);
/** One in ten inputs is a WebSocket session (each a few frames); the rest HTTP. */
const WS_SHARE = 0.1;
const CONCURRENCY = 16;
/** Inputs sent before the first memory reading: caches, JIT and connection pools fill up first. */
const WARM_UP = 1_000;
/**
 * Memory, read after a full GC after warm-up, after each quarter of the remaining HTTP inputs and after the
 * WebSocket sessions. The live heap is the sharp measure: it may grow by at most HEAP_SECOND_HALF_MB over
 * the second half (~4,500 inputs at 10,000), where a leak of 5 kB per input (a retained request, response,
 * context or subscription) would add 22 MB. Measured here: +7 MB, decelerating (bounded caches filling up:
 * the API-key cache holds up to 10,000 keys, most of them the run's random ones); at 20,000 inputs it stopped
 * growing. RSS is noisy (the allocator keeps freed pages; ±50 MB between readings), so it gets the coarse
 * bound RSS_RATIO: after/before ≤ 1.35, measured 1.11–1.19; a native leak of 64 kB per input doubles it.
 */
const HEAP_SECOND_HALF_MB = 16;
const RSS_RATIO = 1.35;

type Memory = ReturnType<typeof memoryAfterGc>;

/** Generates `runs` inputs from the seed, sends them, and returns the tally and the memory readings. */
async function fuzz(
  t: TestPlatform,
  runs: number,
): Promise<{ tally: FuzzTally; memory: Memory[]; summary: string }> {
  const introspection = await t.gql<IntrospectionQuery>(
    getIntrospectionQuery(),
    {},
    { 'x-api-key': t.apiKeys.acme },
  );
  const operations = schemaOperations(buildClientSchema(introspection.data!), new Set());
  const ctx = { operations, apiKeys: [t.apiKeys.acme, t.apiKeys.summit] };
  const wsCount = Math.round(runs * WS_SHARE);
  const httpList = fc.sample(httpInputs(ctx), { seed: SEED, numRuns: runs - wsCount });
  const wsList = fc.sample(wsSessions(ctx), { seed: SEED + 1, numRuns: wsCount });

  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const target = { host: '127.0.0.1', port: t.platform.gateway.port, agent, timeoutMs: 20_000 };
  const tally = new FuzzTally();
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  const sendAll = (list: typeof httpList) =>
    inPool(list, CONCURRENCY, async (input) => tally.http(input, await sendHttp(target, input)));
  await sendAll(httpList.slice(0, WARM_UP));
  const memory = [memoryAfterGc()];
  const rest = httpList.slice(WARM_UP);
  for (let q = 0; q < 4; q++) {
    await sendAll(rest.slice((q * rest.length) / 4, ((q + 1) * rest.length) / 4));
    memory.push(memoryAfterGc());
  }
  await inPool(wsList, CONCURRENCY, async (s) => tally.ws(s, await playWsSession(t.url, s, 150)));
  memory.push(memoryAfterGc());
  agent.destroy();

  const cpu = process.cpuUsage(cpuBefore);
  const frames = wsList.reduce((n, s) => n + s.frames.length, 0);
  const summary =
    `seed ${SEED}: ${tally.inputs} inputs (${httpList.length} HTTP, ${wsList.length} WebSocket sessions of ` +
    `${frames} frames) in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
    `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (gateway, subgraphs and client share this process)\n` +
    `${tally.table()}\nmemory after GC, RSS/heap MB (warm-up, each HTTP quarter, after WebSocket): ` +
    memory.map((m) => `${m.rssMb}/${m.heapMb}`).join(' ');
  return { tally, memory, summary };
}

describeEachDb('fuzzed input never reaches a 5xx (%s)', (kind) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(kind, { RATE_LIMIT_PER_MINUTE: '100000000' });
  }, 120_000);
  afterAll(() => t?.close());

  const runs = kind === 'postgres' ? PG_RUNS : RUNS;
  test(`${runs} generated HTTP and graphql-ws inputs: no 5xx, nothing masked, memory bounded`, async () => {
    const { tally, memory, summary } = await fuzz(t, runs);
    console.log(`gateway fuzz (${kind}), ${summary}`);
    expect({ seed: SEED, failures: tally.failures }).toEqual({ seed: SEED, failures: [] });
    expect(tally.inputs).toBe(runs);
    const [first, , half] = memory as [Memory, Memory, Memory];
    const last = memory[memory.length - 1]!;
    // the seed is in the summary printed above
    expect(last.heapMb - half.heapMb).toBeLessThanOrEqual(HEAP_SECOND_HALF_MB);
    expect(last.rssMb / first.rssMb).toBeLessThanOrEqual(RSS_RATIO);
  }, 300_000);
});
