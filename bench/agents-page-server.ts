/**
 * Child process of bench/agents-page.ts: one server under test, alone on its event loop.
 *   orm    — the real agents subgraph (`startService`, as `npm run serve -- agents` does) on SQLite in the
 *            given data dir (or PostgreSQL with DATABASE_URL), migrated, seeded with the given rows;
 *   memory — bench/memory-agents-subgraph.ts over the same rows.
 * The parent can ask for its CPU usage at any time; `stop` closes it and exits 0 (so `--cpu-prof` writes
 * its profile).
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { loadConfig } from '../core/config';
import { ContextTokenCodec } from '../core/context-token';
import { createLogger } from '../core/logger';
import { createEventBus, migrateAll, startService } from '../bin/platform';
import { seedAgents, type SeedAgentsInput } from '../subgraphs/agents/seed';
import { startMemorySubgraph, type MemoryAgentRow } from './memory-agents-subgraph';

export type ServerKind = 'orm' | 'memory';

export interface ServerOptions {
  kind: ServerKind;
  dataDir: string;
  contextSecret: string;
  rows: MemoryAgentRow[];
  /** Passed on as is (the orm server on PostgreSQL when set). */
  databaseUrl?: string;
  logLevel: string;
}

type ToChild = { type: 'start'; options: ServerOptions } | { type: 'cpu'; id: number } | { type: 'stop' };
type ToParent =
  | { type: 'ready'; url: string }
  | { type: 'failed'; message: string }
  | { type: 'cpu'; id: number; cpu: NodeJS.CpuUsage };

export interface ServerProcess {
  /** The target's name in the report (`orm`, `memory`, or `orm-before` for --compare). */
  id: string;
  kind: ServerKind;
  url: string;
  pid: number;
  cpu(): Promise<NodeJS.CpuUsage>;
  /** Asks the server to close and exit; resolves when it has. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  id?: string;
  nodeArgs?: string[];
  /** Another checkout's copy of this file (`--compare DIR`: the code under test before a change). */
  file?: string;
  timeoutMs?: number;
}

export function startServerProcess(
  options: ServerOptions,
  { id = options.kind, nodeArgs = [], file = __filename, timeoutMs = 120_000 }: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const child = fork(file, [], {
    execArgv: ['-r', '@swc-node/register', ...nodeArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (cpu: NodeJS.CpuUsage) => void>();
  let nextId = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send({ type: 'stop' } satisfies ToChild);
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${options.kind} server did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('message', (raw) => {
      const msg = raw as ToParent;
      if (msg.type === 'ready') {
        clearTimeout(timer);
        const cpu = () =>
          new Promise<NodeJS.CpuUsage>((res) => {
            const id = nextId++;
            waiting.set(id, res);
            child.send({ type: 'cpu', id } satisfies ToChild);
          });
        resolve({ id, kind: options.kind, url: msg.url, pid: child.pid ?? 0, cpu, stop });
      } else if (msg.type === 'failed') {
        clearTimeout(timer);
        void stop();
        reject(new Error(`${options.kind} server failed: ${msg.message}`));
      } else {
        waiting.get(msg.id)?.(msg.cpu);
        waiting.delete(msg.id);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.kind} server exited (${signal ?? code})`));
    });
    child.send({ type: 'start', options } satisfies ToChild);
  });
}

function seedInput(rows: MemoryAgentRow[]): SeedAgentsInput {
  const byTenant = new Map<string, MemoryAgentRow[]>();
  for (const r of rows) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r]);
  return {
    tenants: [...byTenant].map(([tenantId, agents]) => ({
      tenantId,
      agents: agents.map((a) => ({ ...a, phone: null, ghlUserId: null })),
    })),
  };
}

/** Starts the real agents subgraph, seeded; returns its URL and how to close it. */
async function serveOrm(o: ServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: o.logLevel,
    DATA_DIR: o.dataDir,
    AGENTS_PORT: '0',
    CONTEXT_SECRET: o.contextSecret,
  };
  if (o.databaseUrl) env['DATABASE_URL'] = o.databaseUrl;
  const config = loadConfig(env);
  const logger = createLogger({ level: o.logLevel, name: 'bench-agents' });
  await migrateAll(config, ['agents']);
  const events = createEventBus(config, logger);
  const svc = await startService(config, 'agents', { events, logger });
  await seedAgents(svc.orm, seedInput(o.rows));
  return {
    url: svc.subgraph.url,
    async close() {
      await svc.close();
      await events.close();
    },
  };
}

async function serve(o: ServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  if (o.kind === 'orm') return serveOrm(o);
  return startMemorySubgraph({ rows: o.rows, codec: new ContextTokenCodec(o.contextSecret) });
}

if (require.main === module) {
  let running: Promise<{ url: string; close(): Promise<void> }> | undefined;
  const leave = (code: number) => {
    setTimeout(() => process.exit(1), 10_000).unref();
    (running ?? Promise.resolve(undefined))
      .then((r) => r?.close())
      .then(
        () => process.exit(code),
        () => process.exit(1),
      );
  };
  process.on('disconnect', () => leave(0));
  process.on('message', (raw) => {
    const msg = raw as ToChild;
    if (msg.type === 'start') {
      running = serve(msg.options);
      running.then(
        (r) => process.send?.({ type: 'ready', url: r.url } satisfies ToParent),
        (err: unknown) => {
          const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
          process.send?.({ type: 'failed', message } satisfies ToParent, undefined, {}, () =>
            process.exit(1),
          );
        },
      );
    } else if (msg.type === 'cpu') {
      process.send?.({ type: 'cpu', id: msg.id, cpu: process.cpuUsage() } satisfies ToParent);
    } else leave(0);
  });
}
