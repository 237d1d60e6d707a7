/**
 * SIGTERM drains the gateway, as a real process (`bin/serve.ts gateway`, distributed mode) over a subgraph
 * whose answers the test holds at a gate (tests/helpers/gated-subgraph.ts):
 *   - 48 requests in flight, then SIGTERM: /ready says 503 at once, a new request gets 503 SHUTTING_DOWN
 *     with Retry-After and Connection: close, /health stays up; released, all 48 answer 200 with their data,
 *     and the process exits 0. Before, the runtime's own handler cut 46 of 48 after ~15 ms, exit 0.
 *   - a request that outlives SHUTDOWN_DRAIN_MS: the process exits 1 and its log names the request.
 *   - an open subscription gets a last event with code SHUTTING_DOWN, then `complete`, then the socket closes
 *     with 1001 (before: closed with no `complete`).
 * Every wait is on an event (a log line, the gate's arrivals, a socket message or close), never a sleep.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { signAccessToken } from '../../core/access-token';
import { MemberRole } from '../../core/vocabulary';
import { ROLE_SCOPES, type Principal } from '../../core/principal';
import { startGatedSubgraph, type GatedSubgraph } from '../helpers/gated-subgraph';
import { TEST_CONTEXT_SECRET, TEST_JWT_SECRET } from '../helpers/subgraph-harness';
import { spawnTs, type SpawnedProcess } from '../e2e/process';

const IN_FLIGHT = 48;
const LISTENING = /"url":"(http:[^"]+)"[^\n]*"msg":"gateway listening"/;
const SERVING = /"msg":"serving"/;
const DRAINING = /"msg":"shutting down: draining"/;
const JWT = { secret: TEST_JWT_SECRET, issuer: 'coaching-platform', audience: 'coaching-api' };
const SLOW = 'query Slow($n: Int!) { slow(n: $n) }';

/** The in-flight requests come from several tenants (each under any per-tenant concurrency limit). */
const TENANTS = 6;
const principal = (i: number): Principal => ({
  tenantId: `tenant-drain-${i}`,
  organizationId: `tenant-drain-${i}`,
  organizationIds: [`tenant-drain-${i}`],
  locationIds: null,
  role: MemberRole.OWNER,
  scopes: ROLE_SCOPES[MemberRole.OWNER],
  subject: `user-drain-${i}`,
});

interface Running {
  gateway: SpawnedProcess;
  url: string;
  /** A bearer token per tenant. */
  bearers: string[];
}

describe('SIGTERM drains the gateway process (bin/serve.ts gateway)', () => {
  let subgraph: GatedSubgraph;
  let dir: string;
  const started: SpawnedProcess[] = [];

  beforeEach(async () => {
    subgraph = await startGatedSubgraph();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigterm-drain-'));
    fs.writeFileSync(path.join(dir, 'supergraph.graphql'), subgraph.supergraph());
  });

  afterEach(async () => {
    for (const p of started.splice(0)) await p.kill();
    await subgraph.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function startGateway(drainMs: number): Promise<Running> {
    const gateway = spawnTs('bin/serve.ts', ['gateway'], {
      GATEWAY_PORT: '0',
      DATA_DIR: dir,
      LOG_LEVEL: 'info',
      SUPERGRAPH_PATH: path.join(dir, 'supergraph.graphql'),
      JWT_SECRET: TEST_JWT_SECRET,
      CONTEXT_SECRET: TEST_CONTEXT_SECRET,
      RATE_LIMIT_PER_MINUTE: '100000',
      SHUTDOWN_DRAIN_MS: String(drainMs),
    });
    started.push(gateway);
    const url = (await gateway.waitFor(LISTENING, 60_000))[1]!;
    await gateway.waitFor(SERVING, 10_000);
    const bearers = await Promise.all(
      Array.from({ length: TENANTS }, (_, i) => signAccessToken(JWT, principal(i), 300)),
    );
    return { gateway, url, bearers };
  }

  const slow = (r: Running, n: number) =>
    fetch(r.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${r.bearers[n % TENANTS]}` },
      body: JSON.stringify({ query: SLOW, variables: { n } }),
    });

  test(`${IN_FLIGHT} requests in flight: all answered 200, new ones refused with 503, exit 0`, async () => {
    const r = await startGateway(20_000);
    const answers = Array.from({ length: IN_FLIGHT }, (_, n) =>
      slow(r, n).then(async (res) => ({ status: res.status, body: (await res.json()) as unknown })),
    );
    await subgraph.arrived(IN_FLIGHT);

    r.gateway.child.kill('SIGTERM');
    await r.gateway.waitFor(DRAINING, 10_000);

    const ready = await fetch(new URL('/ready', r.url));
    expect(ready.status).toBe(503);
    const refused = await slow(r, 999);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.headers.get('connection')).toBe('close');
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'SHUTTING_DOWN' } }] });
    expect((await fetch(new URL('/health', r.url))).status).toBe(200);

    subgraph.release();
    const done = await Promise.all(answers);
    expect(done.filter((a) => a.status !== 200)).toEqual([]);
    expect(done.map((a) => a.body)).toEqual(
      Array.from({ length: IN_FLIGHT }, (_, n) => ({ data: { slow: n } })),
    );
    expect(await r.gateway.exited(15_000)).toEqual({ code: 0, signal: null });
    expect(r.gateway.stdout()).toMatch(/drained: everything in flight finished/);
  }, 120_000);

  test('a request that outlives SHUTDOWN_DRAIN_MS: exit 1, and the log names it', async () => {
    const r = await startGateway(1_000);
    const cut = slow(r, 7).then(
      (res) => res.status,
      () => 'connection closed',
    );
    await subgraph.arrived(1);

    r.gateway.child.kill('SIGTERM');
    expect(await r.gateway.exited(15_000)).toEqual({ code: 1, signal: null });
    expect(r.gateway.stdout()).toMatch(
      /shutdown deadline passed: abandoned 1: gateway: POST \/graphql \(running/,
    );
    expect(await cut).not.toBe(200);
  }, 120_000);

  test('an open subscription gets a SHUTTING_DOWN event, then complete, then close 1001', async () => {
    const r = await startGateway(20_000);
    const ws = new WebSocket(r.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const messages: { type: string; id?: string; payload?: unknown }[] = [];
    const listeners = new Set<() => void>();
    ws.on('message', (data: Buffer) => {
      messages.push(JSON.parse(String(data)) as (typeof messages)[number]);
      for (const l of [...listeners]) l();
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const message = (type: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (messages.some((m) => m.type === type)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
      });
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${r.bearers[0]}` } }),
    );
    await message('connection_ack');
    ws.send(JSON.stringify({ type: 'subscribe', id: 's1', payload: { query: 'subscription { ticks }' } }));
    await message('next');
    expect(messages.filter((m) => m.type === 'next')).toEqual([
      { type: 'next', id: 's1', payload: { data: { ticks: 1 } } },
    ]);

    r.gateway.child.kill('SIGTERM');
    expect(await closed).toBe(1001);
    const after = messages.slice(messages.findIndex((m) => m.type === 'next') + 1);
    expect(after).toEqual([
      {
        type: 'next',
        id: 's1',
        payload: { errors: [expect.objectContaining({ extensions: { code: 'SHUTTING_DOWN' } })] },
      },
      { type: 'complete', id: 's1' },
    ]);
    expect(await r.gateway.exited(15_000)).toEqual({ code: 0, signal: null });
  }, 120_000);
});
