/**
 * Requests written just before SIGTERM are never reset: each gets either its whole answer (200) or
 * 503 SHUTTING_DOWN — never ECONNRESET or "socket hang up". A real gateway process (`bin/serve.ts gateway`)
 * over a subgraph that answers at once (tests/helpers/gated-subgraph.ts, released): 10 keep-alive agents;
 * five warm up 5 connections each (they sit idle in the pools, as a busy client's do), five open theirs
 * with the burst; 50 requests go out, and SIGTERM follows the moment the last one is written. The
 * partner-style tester saw 36 of 50 reset (~30 ms before SIGTERM); here, before the fix, 21–23 of the 25 on
 * new connections were reset: the gateway, busy with the first 25, had not yet accepted them from the
 * listen backlog (Node accepts one connection per event-loop turn) when the drain ended and it stopped
 * listening. Synchronised on events (the last request written, the answers, the exit), never a sleep.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { signAccessToken } from '../../core/access-token';
import { MemberRole } from '../../core/vocabulary';
import { ROLE_SCOPES, type Principal } from '../../core/principal';
import { startGatedSubgraph, type GatedSubgraph } from '../helpers/gated-subgraph';
import { TEST_CONTEXT_SECRET, TEST_JWT_SECRET } from '../helpers/subgraph-harness';
import { spawnTs, type SpawnedProcess } from '../e2e/process';

const AGENTS = 10;
const SOCKETS_PER_AGENT = 5;
const REQUESTS = AGENTS * SOCKETS_PER_AGENT;
const LISTENING = /"url":"(http:[^"]+)"[^\n]*"msg":"gateway listening"/;
const SERVING = /"msg":"serving"/;
const JWT = { secret: TEST_JWT_SECRET, issuer: 'coaching-platform', audience: 'coaching-api' };
const SLOW = 'query Slow($n: Int!) { slow(n: $n) }';

const principal: Principal = {
  tenantId: 'tenant-keepalive',
  organizationId: 'tenant-keepalive',
  organizationIds: ['tenant-keepalive'],
  locationIds: null,
  role: MemberRole.OWNER,
  scopes: ROLE_SCOPES[MemberRole.OWNER],
  subject: 'user-keepalive',
};

/** What a client saw: the status and error code of an answer, or the error of a failed request. */
type Outcome = { status: number; code?: string; data?: unknown } | { error: string };

interface Sent {
  outcome: Promise<Outcome>;
  /** Resolves once the whole request has been written to its socket. */
  written: Promise<void>;
}

function post(url: URL, agent: http.Agent, bearer: string, n: number): Sent {
  let written!: () => void;
  const sent = new Promise<void>((resolve) => (written = resolve));
  const outcome = new Promise<Outcome>((resolve) => {
    const body = JSON.stringify({ query: SLOW, variables: { n } });
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${bearer}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            data?: unknown;
            errors?: { extensions?: { code?: string } }[];
          };
          const code = parsed.errors?.[0]?.extensions?.code;
          resolve({ status: res.statusCode ?? 0, ...(code ? { code } : { data: parsed.data }) });
        });
        res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      written(); // a request that failed before it was written counts as sent (and failed)
      resolve({ error: err.code ?? err.message });
    });
    req.on('finish', () => written());
    req.end(body);
  });
  return { outcome, written: sent };
}

/** One word per outcome, for the tally: 200, 503 SHUTTING_DOWN, or the client's error. */
function kind(o: Outcome): string {
  if ('error' in o) return o.error;
  return o.code ? `${o.status} ${o.code}` : String(o.status);
}

describe('SIGTERM with requests arriving on keep-alive connections (bin/serve.ts gateway)', () => {
  let subgraph: GatedSubgraph;
  let dir: string;
  let gateway: SpawnedProcess | undefined;
  const agents: http.Agent[] = [];

  beforeEach(async () => {
    subgraph = await startGatedSubgraph();
    subgraph.release(); // every answer at once: nothing is held, the race is the only thing tested
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigterm-keepalive-'));
    fs.writeFileSync(path.join(dir, 'supergraph.graphql'), subgraph.supergraph());
  });

  afterEach(async () => {
    for (const a of agents.splice(0)) a.destroy();
    await gateway?.kill();
    await subgraph.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(`${REQUESTS} requests written just before SIGTERM: each answered 200 or 503 SHUTTING_DOWN, none reset`, async () => {
    gateway = spawnTs('bin/serve.ts', ['gateway'], {
      GATEWAY_PORT: '0',
      DATA_DIR: dir,
      LOG_LEVEL: 'info',
      SUPERGRAPH_PATH: path.join(dir, 'supergraph.graphql'),
      JWT_SECRET: TEST_JWT_SECRET,
      CONTEXT_SECRET: TEST_CONTEXT_SECRET,
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    const url = new URL((await gateway.waitFor(LISTENING, 60_000))[1]!);
    await gateway.waitFor(SERVING, 10_000);
    const bearer = await signAccessToken(JWT, principal, 300);
    for (let i = 0; i < AGENTS; i++)
      agents.push(new http.Agent({ keepAlive: true, maxSockets: SOCKETS_PER_AGENT }));

    // half the agents warm up: their connections then sit idle in their pools, as a busy client's do; the
    // other half open theirs with the burst (connections the gateway may not even have accepted at SIGTERM)
    const warmAgents = agents.slice(0, AGENTS / 2);
    const warm = await Promise.all(
      warmAgents.flatMap((a, i) =>
        Array.from({ length: SOCKETS_PER_AGENT }, (_, k) => post(url, a, bearer, i * 100 + k).outcome),
      ),
    );
    expect(warm.map(kind)).toEqual(Array.from({ length: REQUESTS / 2 }, () => '200'));
    const idle = warmAgents.reduce((sum, a) => sum + Object.values(a.freeSockets).flat().length, 0);
    expect(idle).toBe(REQUESTS / 2);

    const sent = agents.flatMap((a, i) =>
      Array.from({ length: SOCKETS_PER_AGENT }, (_, k) => post(url, a, bearer, i * SOCKETS_PER_AGENT + k)),
    );
    await Promise.all(sent.map((s) => s.written));
    gateway.child.kill('SIGTERM');
    const outcomes = await Promise.all(sent.map((s) => s.outcome));

    const tally = (some: Outcome[]) => {
      const t: Record<string, number> = {};
      for (const o of some) t[kind(o)] = (t[kind(o)] ?? 0) + 1;
      return t;
    };
    const [onIdle, onNew] = [outcomes.slice(0, REQUESTS / 2), outcomes.slice(REQUESTS / 2)];
    console.log(
      `${REQUESTS} requests written just before SIGTERM: on idle keep-alive connections ${JSON.stringify(tally(onIdle))}, on new ones ${JSON.stringify(tally(onNew))}`,
    );
    expect(Object.keys(tally(outcomes)).filter((k) => k !== '200' && k !== '503 SHUTTING_DOWN')).toEqual([]);
    // every 200 carries its own answer
    outcomes.forEach((o, n) => {
      if ('status' in o && o.status === 200) expect(o.data).toEqual({ slow: n });
    });
    expect(await gateway.exited(30_000)).toEqual({ code: 0, signal: null });
  }, 120_000);
});
