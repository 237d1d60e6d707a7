/**
 * Child processes of bench/federated-gateway.ts, each alone on its event loop:
 *   subgraph — one of our subgraphs (`startService`, as `npm run serve -- <name>` does) on the SQLite
 *              files the parent migrated and seeded;
 *   ours     — our gateway (`startGatewayService`, as `npm run serve -- gateway` does), rate limit out of
 *              the way; with --compare the same from another checkout (the code before a change);
 *   apollo   — the baseline: @apollo/gateway 2.14.4 (bench-only devDependency) with @apollo/server over
 *              the same supergraph and subgraphs. It does what our gateway must do per request to be
 *              comparable: verifies the bearer JWT locally and forwards a signed context token.
 * The parent can ask a child for its CPU usage at any time; `stop` closes it and exits 0 (so `--cpu-prof`
 * writes its profile).
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { loadConfig, type SubgraphName } from '../core/config';
import { AccessTokenVerifier } from '../core/access-token';
import { CONTEXT_HEADER, ContextTokenCodec } from '../core/context-token';
import { createLogger } from '../core/logger';
import { createEventBus, startGatewayService, startService } from '../bin/platform';

export type ChildSpec =
  | { kind: 'subgraph'; name: SubgraphName; dataDir: string; env: Record<string, string> }
  | {
      kind: 'ours';
      supergraph: string;
      subgraphUrls: Record<SubgraphName, string>;
      env: Record<string, string>;
    }
  | {
      kind: 'apollo';
      supergraph: string;
      contextSecret: string;
      jwt: { secret: string; issuer: string; audience: string };
    };

type ToChild = { type: 'start'; spec: ChildSpec } | { type: 'cpu'; id: number } | { type: 'stop' };
type ToParent =
  | { type: 'ready'; url: string }
  | { type: 'failed'; message: string }
  | { type: 'cpu'; id: number; cpu: NodeJS.CpuUsage };

export interface ChildProcess {
  id: string;
  url: string;
  cpu(): Promise<NodeJS.CpuUsage>;
  stop(): Promise<void>;
}

export interface ChildOptions {
  nodeArgs?: string[];
  /** Another checkout's copy of this file (`--compare DIR`). */
  file?: string;
  timeoutMs?: number;
}

export function startChild(
  id: string,
  spec: ChildSpec,
  { nodeArgs = [], file = __filename, timeoutMs = 120_000 }: ChildOptions = {},
): Promise<ChildProcess> {
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
  return new Promise<ChildProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${id} did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('message', (raw) => {
      const msg = raw as ToParent;
      if (msg.type === 'ready') {
        clearTimeout(timer);
        const cpu = () =>
          new Promise<NodeJS.CpuUsage>((res) => {
            const n = nextId++;
            waiting.set(n, res);
            child.send({ type: 'cpu', id: n } satisfies ToChild);
          });
        resolve({ id, url: msg.url, cpu, stop });
      } else if (msg.type === 'failed') {
        clearTimeout(timer);
        void stop();
        reject(new Error(`${id} failed: ${msg.message}`));
      } else {
        waiting.get(msg.id)?.(msg.cpu);
        waiting.delete(msg.id);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${id} exited (${signal ?? code})`));
    });
    child.send({ type: 'start', spec } satisfies ToChild);
  });
}

interface Running {
  url: string;
  close(): Promise<void>;
}

async function serveSubgraph(spec: Extract<ChildSpec, { kind: 'subgraph' }>): Promise<Running> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: spec.dataDir,
    [`${spec.name.toUpperCase()}_PORT`]: '0',
    ...spec.env,
  });
  const logger = createLogger({ level: config.logLevel, name: `bench-${spec.name}` });
  const events = createEventBus(config, logger);
  const svc = await startService(config, spec.name, { events, logger });
  return {
    url: svc.subgraph.url,
    async close() {
      await svc.close();
      await events.close();
    },
  };
}

async function serveOurs(spec: Extract<ChildSpec, { kind: 'ours' }>): Promise<Running> {
  const config = loadConfig({
    NODE_ENV: 'test',
    GATEWAY_PORT: '0',
    RATE_LIMIT_PER_MINUTE: '100000000',
    ...spec.env,
  });
  const logger = createLogger({ level: config.logLevel, name: 'bench-gateway' });
  const gateway = await startGatewayService(config, logger, spec.subgraphUrls, spec.supergraph);
  return { url: gateway.url, close: () => gateway.close() };
}

interface ApolloContext {
  token: string;
}

async function serveApollo(spec: Extract<ChildSpec, { kind: 'apollo' }>): Promise<Running> {
  const { ApolloGateway, RemoteGraphQLDataSource } = await import('@apollo/gateway');
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  const verifier = new AccessTokenVerifier(spec.jwt);
  const codec = new ContextTokenCodec(spec.contextSecret);
  const gateway = new ApolloGateway({
    supergraphSdl: spec.supergraph,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<ApolloContext>({
        url,
        willSendRequest({ request, context }) {
          if (context.token) request.http?.headers.set(CONTEXT_HEADER, context.token);
        },
      }),
  });
  const server = new ApolloServer<ApolloContext>({ gateway, introspection: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    async context({ req }) {
      const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
      if (!m) return { token: '' };
      return { token: await codec.sign(await verifier.verify(m[1]!)) };
    },
  });
  return {
    url: new URL('/graphql', url).toString(),
    close: () => server.stop(),
  };
}

if (require.main === module) {
  let running: Promise<Running> | undefined;
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
      const spec = msg.spec;
      running =
        spec.kind === 'subgraph'
          ? serveSubgraph(spec)
          : spec.kind === 'ours'
            ? serveOurs(spec)
            : serveApollo(spec);
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
