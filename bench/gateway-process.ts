/**
 * `--gateway-process`: a gateway in its own child process (as in the distributed mode), pointed at the
 * subgraphs running in the platform process — so a planner can be measured without the subgraphs on the
 * same event loop. The parent can ask it for its CPU usage and event-loop utilization at any time.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import v8 from 'node:v8';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { loadConfig, type SubgraphName } from '../core/config';
import { createLogger } from '../core/logger';
import { startGatewayService } from '../bin/platform';

export interface GatewayProcessOptions {
  supergraph: string;
  subgraphUrls: Record<SubgraphName, string>;
  queryPlanner: 'rust' | 'js';
  contextSecret: string;
  jwtSecret: string;
  /** Lets the gateway resolve API keys through the tenants service (its own credential). */
  credentialServiceSecret: string;
  logLevel: string;
  /** More env for the gateway's config (e.g. MAX_SUBSCRIPTIONS_PER_TENANT). */
  env?: Record<string, string>;
  /** Node flags for the gateway process (e.g. `--max-old-space-size=…`). */
  execArgv?: string[];
}

export interface ProcessLoad {
  cpu: NodeJS.CpuUsage;
  elu: EventLoopUtilization;
  /** Resident set size, bytes. */
  rss: number;
  /** V8 heap in use, and memory outside it (Buffers, ArrayBuffers, native), bytes. */
  heapUsed: number;
  external: number;
}

type ToChild =
  | { type: 'start'; options: GatewayProcessOptions }
  | { type: 'load'; id: number }
  | { type: 'snapshot'; id: number; file: string };
type ToParent =
  | { type: 'ready'; url: string }
  | { type: 'failed'; message: string }
  | { type: 'load'; id: number; load: ProcessLoad }
  | { type: 'snapshot'; id: number; file: string };

export interface GatewayProcess {
  url: string;
  load(): Promise<ProcessLoad>;
  /** Writes a V8 heap snapshot of the gateway process to `file` (after a full GC), resolves its path. */
  snapshot(file: string): Promise<string>;
  close(): Promise<void>;
}

export function startGatewayProcess(
  options: GatewayProcessOptions,
  timeoutMs = 60_000,
): Promise<GatewayProcess> {
  const child = fork(__filename, [], {
    execArgv: ['-r', '@swc-node/register', ...(options.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (answer: ProcessLoad | string) => void>();
  let nextId = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return new Promise<GatewayProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(
        new Error(`gateway process (${options.queryPlanner}) did not start within ${timeoutMs / 1000} s`),
      );
    }, timeoutMs);
    child.on('message', (raw) => {
      const msg = raw as ToParent;
      if (msg.type === 'ready') {
        clearTimeout(timer);
        resolve({
          url: msg.url,
          load: () =>
            new Promise<ProcessLoad>((res) => {
              const id = nextId++;
              waiting.set(id, (answer) => res(answer as ProcessLoad));
              child.send({ type: 'load', id } satisfies ToChild);
            }),
          snapshot: (file) =>
            new Promise<string>((res) => {
              const id = nextId++;
              waiting.set(id, (answer) => res(answer as string));
              child.send({ type: 'snapshot', id, file } satisfies ToChild);
            }),
          close,
        });
      } else if (msg.type === 'failed') {
        clearTimeout(timer);
        void close();
        reject(new Error(`gateway process (${options.queryPlanner}) failed: ${msg.message}`));
      } else {
        waiting.get(msg.id)?.(msg.type === 'load' ? msg.load : msg.file);
        waiting.delete(msg.id);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`gateway process (${options.queryPlanner}) exited (${signal ?? code})`));
    });
    child.send({ type: 'start', options } satisfies ToChild);
  });
}

async function serve(options: GatewayProcessOptions): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: options.logLevel,
    GATEWAY_PORT: '0',
    JWT_SECRET: options.jwtSecret,
    CONTEXT_SECRET: options.contextSecret,
    CREDENTIAL_SERVICE_SECRET: options.credentialServiceSecret,
    RATE_LIMIT_PER_MINUTE: '100000000',
    QUERY_PLANNER: options.queryPlanner,
    ...options.env,
  });
  const logger = createLogger({ level: options.logLevel, name: `bench-gateway-${options.queryPlanner}` });
  const gateway = await startGatewayService(config, logger, options.subgraphUrls, options.supergraph);
  const stop = () => {
    setTimeout(() => process.exit(1), 5_000).unref();
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.send?.({ type: 'ready', url: gateway.url } satisfies ToParent);
}

if (require.main === module) {
  process.on('message', (raw) => {
    const msg = raw as ToChild;
    if (msg.type === 'start') {
      serve(msg.options).catch((err: unknown) => {
        process.send?.({
          type: 'failed',
          message: err instanceof Error ? err.message : String(err),
        } satisfies ToParent);
        process.exit(1);
      });
    } else if (msg.type === 'snapshot') {
      const file = v8.writeHeapSnapshot(msg.file);
      process.send?.({ type: 'snapshot', id: msg.id, file } satisfies ToParent);
    } else {
      const memory = process.memoryUsage();
      const load = {
        cpu: process.cpuUsage(),
        elu: performance.eventLoopUtilization(),
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        external: memory.external,
      };
      process.send?.({ type: 'load', id: msg.id, load } satisfies ToParent);
    }
  });
}
