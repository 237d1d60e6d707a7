/**
 * Runs one subgraph module on a real HTTP port 0 over a test database, and executes operations
 * through it as a given principal (signing the context token exactly as the gateway does).
 */
import type { SubgraphDeps, SubgraphInstance, SubgraphModule } from '../../core/server/subgraph-module';
import { serveInstance, type RunningSubgraph } from '../../core/server/subgraph-server';
import { ContextTokenCodec, CONTEXT_HEADER } from '../../core/context-token';
import { createLogger } from '../../core/logger';
import { MemoryEventBus } from '../../core/events/memory-event-bus';
import { loadConfig } from '../../core/config';
import type { Principal } from '../../core/principal';
import { createTestDb, type DbKind, type TestDb } from './db';

export const TEST_CONTEXT_SECRET = 'test-context-secret-0123456789abcdef';
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef-xyz';
/** The credential-service secret (gateway ↔ tenants internal routes), unlike the context secret. */
export const TEST_CREDENTIAL_SERVICE_SECRET = 'test-credential-service-secret-0123456789';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface SubgraphHarness<R = unknown> {
  db: TestDb;
  /** The deps the instance was created with. */
  deps: SubgraphDeps;
  /** The running instance (`instance.runtime` is what every request's `ctx.runtime` holds). */
  instance: SubgraphInstance<R>;
  server: RunningSubgraph;
  events: MemoryEventBus;
  codec: ContextTokenCodec;
  exec<T = Record<string, unknown>>(
    principal: Principal | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function startHarness<R>(
  module: SubgraphModule<R>,
  kind: DbKind = 'sqlite',
): Promise<SubgraphHarness<R>> {
  const db = await createTestDb(kind, module.name, module.entities, module.migrations);
  const logger = createLogger({
    level: (process.env.HARNESS_LOG as 'silent') ?? 'silent',
    name: module.name,
  });
  const events = new MemoryEventBus(logger);
  const codec = new ContextTokenCodec(TEST_CONTEXT_SECRET);
  const config = loadConfig({
    JWT_SECRET: TEST_JWT_SECRET,
    CONTEXT_SECRET: TEST_CONTEXT_SECRET,
    CREDENTIAL_SERVICE_SECRET: TEST_CREDENTIAL_SERVICE_SECRET,
    NODE_ENV: 'test',
  });
  const deps: SubgraphDeps = { config, orm: db.orm, events, logger, codec };
  const instance = await module.create(deps);
  await instance.start();
  const server = await serveInstance(instance, { name: module.name, orm: db.orm, codec, logger });
  return {
    db,
    deps,
    instance,
    server,
    events,
    codec,
    async exec(principal, query, variables) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (principal) headers[CONTEXT_HEADER] = await codec.sign(principal);
      const res = await fetch(server.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphQLResponse;
      return { ...body, status: res.status } as never;
    },
    async close() {
      await instance.stop();
      await events.close();
      await server.close();
      await db.close();
    },
  };
}
