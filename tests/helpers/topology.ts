/**
 * The docker-compose.yml topology as processes on loopback: the same entry points the image runs
 * (`node -r @swc-node/register bin/….ts`), in the same order — migrate, then the seed alongside every
 * service (2 gateways, 2 coaching instances, one of each other subgraph) — on a fresh PostgreSQL database
 * and a fresh Redis prefix, in production mode. Gateway i reaches coaching instance i, so a flow through
 * both gateways crosses coaching instances (what the compose file's load balancer does at random).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { SubgraphName } from '../../core/config';
import { runToExit, spawnTs, type SpawnedProcess } from '../e2e/process';
import { createDatabase } from './platform';
import { REDIS_URL } from './db';
import { TEST_CONTEXT_SECRET, TEST_CREDENTIAL_SERVICE_SECRET, TEST_JWT_SECRET } from './subgraph-harness';

export interface TopologyProcess {
  /** `gateway-1`, `coaching-2`, `tenants`, … (the compose service names). */
  name: string;
  role: 'gateway' | SubgraphName;
  port: number;
  process: SpawnedProcess;
}

export interface Topology {
  processes: TopologyProcess[];
  gateways: string[];
  /** The seed's first API keys (demo-credentials.json), by tenant name. */
  apiKeys: Record<string, string>;
  /** Wall time of `migrate`, run before anything else. */
  migrateMs: number;
  /** Wall time from the first spawn until every service listened and the seed wrote its keys. */
  startMs: number;
  stop(): Promise<void>;
}

/** Ports free right now on loopback (held together, then released for the services to take). */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<net.Server>((resolve) => {
          const s = net.createServer();
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** The runtime role's URL on `dbUrl`: DATABASE_APP_URL's user and password when CI gives one. */
function appUrl(dbUrl: string): string {
  const u = new URL(dbUrl);
  const given = process.env['DATABASE_APP_URL'] ? new URL(process.env['DATABASE_APP_URL']) : undefined;
  u.username = given?.username ?? process.env['DB_APP_ROLE'] ?? 'coaching_app';
  u.password = given?.password ?? '';
  return u.toString();
}

interface Plan {
  name: string;
  role: TopologyProcess['role'];
  port: number;
  env: Record<string, string>;
}

type EightPorts = [number, number, number, number, number, number, number, number];

function plan(base: Record<string, string>, ports: EightPorts): Plan[] {
  const [gw1, gw2, tenants, agents, coaching1, coaching2, analytics, billing] = ports;
  const at = (p: number) => `http://127.0.0.1:${p}/graphql`;
  const urls = {
    TENANTS_URL: at(tenants),
    AGENTS_URL: at(agents),
    ANALYTICS_URL: at(analytics),
    BILLING_URL: at(billing),
  };
  const credentials = { CREDENTIAL_SERVICE_SECRET: TEST_CREDENTIAL_SERVICE_SECRET };
  const gateway = (name: string, port: number, coaching: number): Plan => ({
    name,
    role: 'gateway',
    port,
    env: {
      ...base,
      ...urls,
      ...credentials,
      GATEWAY_PORT: String(port),
      COACHING_URL: at(coaching),
      CREDENTIAL_SERVICE_URL: `http://127.0.0.1:${tenants}`,
    },
  });
  const subgraph = (name: string, role: SubgraphName, port: number, extra = {}): Plan => ({
    name,
    role,
    port,
    env: { ...base, ...extra, [`${role.toUpperCase()}_PORT`]: String(port) },
  });
  return [
    subgraph('tenants', 'tenants', tenants, credentials),
    subgraph('agents', 'agents', agents),
    subgraph('coaching-1', 'coaching', coaching1),
    subgraph('coaching-2', 'coaching', coaching2),
    subgraph('analytics', 'analytics', analytics),
    subgraph('billing', 'billing', billing),
    gateway('gateway-1', gw1, coaching1),
    gateway('gateway-2', gw2, coaching2),
  ];
}

/** Ends every process with SIGTERM (as `docker compose down` does), then SIGKILL what did not exit. */
async function stopAll(processes: SpawnedProcess[]): Promise<void> {
  for (const p of processes) p.child.kill('SIGTERM');
  await Promise.all(processes.map((p) => p.exited(15_000).catch(() => p.kill())));
}

export async function startTopology(): Promise<Topology> {
  const db = await createDatabase('topo');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-'));
  const prefix = `topo-${randomBytes(4).toString('hex')}`;
  const base: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    DATABASE_APP_URL: appUrl(db.url),
    DB_APP_ROLE: new URL(appUrl(db.url)).username,
    REDIS_URL: REDIS_URL!,
    REDIS_PREFIX: prefix,
    JWT_SECRET: TEST_JWT_SECRET,
    CONTEXT_SECRET: TEST_CONTEXT_SECRET,
  };
  const owner = { ...base, DATABASE_URL: db.url };
  const spawned: SpawnedProcess[] = [];
  const cleanUp = async () => {
    await stopAll(spawned);
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    const redis = new Redis(REDIS_URL!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  };
  try {
    const migrateStarted = Date.now();
    const migrate = await runToExit('bin/migrate.ts', [], owner, 150_000);
    if (migrate.code !== 0) throw new Error(`migrate exited ${migrate.code}\n${migrate.stderr}`);
    const started = Date.now();
    const plans = plan(base, (await freePorts(8)) as EightPorts);
    const processes = plans.map((p) => {
      const proc = spawnTs('bin/serve.ts', [p.role], p.env);
      spawned.push(proc);
      return { name: p.name, role: p.role, port: p.port, process: proc };
    });
    const [seed] = await Promise.all([
      runToExit('bin/seed.ts', [], owner, 150_000),
      ...processes.map((p) => p.process.waitFor(/"msg":"(\w+ subgraph|gateway) listening"/, 150_000)),
    ]);
    if (seed.code !== 0) throw new Error(`seed exited ${seed.code}\n${seed.stderr}`);
    const creds = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8')) as {
      tenants: { name: string; apiKey: string }[];
    };
    return {
      processes,
      gateways: processes
        .filter((p) => p.role === 'gateway')
        .map((p) => `http://127.0.0.1:${p.port}/graphql`),
      apiKeys: Object.fromEntries(creds.tenants.map((t) => [t.name, t.apiKey])),
      migrateMs: started - migrateStarted,
      startMs: Date.now() - started,
      stop: cleanUp,
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}
