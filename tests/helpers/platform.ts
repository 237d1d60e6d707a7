/**
 * Starts the whole platform in-process for integration tests: every service on port 0, a temp data dir,
 * the supergraph composed from the subgraphs' own SDL, and — on PostgreSQL — a fresh database per run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type PlatformConfig } from '../../core/config';
import { createLogger, type Logger } from '../../core/logger';
import { composeFromCode } from '../../bin/compose';
import { runPlatform, type RunningPlatform } from '../../bin/run-platform';
import { PG_URL, REDIS_URL, type DbKind } from './db';
import { TEST_CONTEXT_SECRET, TEST_CREDENTIAL_SERVICE_SECRET, TEST_JWT_SECRET } from './subgraph-harness';

export interface TestPlatform {
  platform: RunningPlatform;
  config: PlatformConfig;
  url: string;
  apiKeys: Record<'acme' | 'summit', string>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{
    status: number;
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }>;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database (name prefixed `prefix`) on DATABASE_URL's server, dropped by `drop()`. */
export async function createDatabase(prefix = 'it'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startTestPlatform(
  kind: DbKind,
  env: Record<string, string> = {},
  /** Every service's logger (default: silent, or TEST_LOG_LEVEL); a test may capture what is logged. */
  logger?: Logger,
): Promise<TestPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-it-'));
  const db = kind === 'postgres' ? await createDatabase() : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    GATEWAY_PORT: '0',
    TENANTS_PORT: '0',
    AGENTS_PORT: '0',
    COACHING_PORT: '0',
    ANALYTICS_PORT: '0',
    BILLING_PORT: '0',
    JWT_SECRET: TEST_JWT_SECRET,
    CONTEXT_SECRET: TEST_CONTEXT_SECRET,
    CREDENTIAL_SERVICE_SECRET: TEST_CREDENTIAL_SERVICE_SECRET,
    // the distributed mode: PostgreSQL plus Redis (streams, pub/sub, quota, rate limits) under a fresh prefix
    ...(db ? { DATABASE_URL: db.url } : {}),
    ...(db && REDIS_URL ? { REDIS_URL, REDIS_PREFIX: `it-${randomBytes(4).toString('hex')}` } : {}),
    ...env,
  });
  const { supergraph } = await composeFromCode();
  const log = logger ?? createLogger({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent', name: 'it' });
  const platform = await runPlatform(config, log, { supergraph });
  const creds = platform.credentials!;
  const apiKeys = {
    acme: creds.tenants.find((t) => t.name === 'Acme Realty')!.apiKey,
    summit: creds.tenants.find((t) => t.name === 'Summit Homes')!.apiKey,
  };
  const url = platform.gateway.url;
  return {
    platform,
    config,
    url,
    apiKeys,
    async gql(query, variables, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { errors: [{ message: text }] };
      }
      return { status: res.status, ...body } as never;
    },
    async close() {
      await platform.close();
      await db?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
