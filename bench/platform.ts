/**
 * The platform under test: everything in this process (embedded default — SQLite files in a temp dir,
 * in-process events/pub-sub/cache, offline coach), every port 0, the supergraph composed from code, plus a
 * second gateway over the same subgraphs with the JS query planner. Load comes from other processes.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type PlatformConfig, type SubgraphName } from '../core/config';
import { ContextTokenCodec } from '../core/context-token';
import { createLogger } from '../core/logger';
import type { Principal } from '../core/principal';
import { composeFromCode } from '../bin/compose';
import { startGatewayService } from '../bin/platform';
import { runPlatform, type RunningPlatform } from '../bin/run-platform';
import type { RunningGateway } from '../gateway/gateway';

/** Secrets of the bench's own config (never used outside a bench run). */
export const BENCH_CONTEXT_SECRET = 'bench-context-secret-0123456789abcdef';
export const BENCH_JWT_SECRET = 'bench-jwt-secret-0123456789abcdef-xyz';
export const BENCH_CREDENTIAL_SERVICE_SECRET = 'bench-credential-service-secret-0123456789';

export interface BenchPlatform {
  config: PlatformConfig;
  platform: RunningPlatform;
  /** The platform's own gateway (Rust planner, the default). */
  rustGateway: RunningGateway;
  /** A second gateway over the same subgraphs with `queryPlanner: 'js'`. */
  jsGateway: RunningGateway;
  subgraphUrls: Record<SubgraphName, string>;
  /** The supergraph SDL composed from code (subgraph URLs not yet rewritten). */
  supergraph: string;
  dataDir: string;
  apiKey: string;
  /** The principal the gateway resolves `apiKey` to (what it forwards to subgraphs). */
  principal: Principal;
  /** Signs a context token for direct subgraph calls, exactly as the gateway does (longer TTL). */
  signContext(ttlSeconds: number): Promise<string>;
  close(): Promise<void>;
}

export interface BenchPlatformOptions {
  logLevel: string;
  /** Parent of the temp data dir (SQLite files). */
  dataParent: string;
}

export async function startBenchPlatform(opts: BenchPlatformOptions): Promise<BenchPlatform> {
  const { logLevel } = opts;
  const dataDir = fs.mkdtempSync(path.join(opts.dataParent, 'platform-bench-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: logLevel,
    DATA_DIR: dataDir,
    GATEWAY_PORT: '0',
    TENANTS_PORT: '0',
    AGENTS_PORT: '0',
    COACHING_PORT: '0',
    ANALYTICS_PORT: '0',
    BILLING_PORT: '0',
    JWT_SECRET: BENCH_JWT_SECRET,
    CONTEXT_SECRET: BENCH_CONTEXT_SECRET,
    CREDENTIAL_SERVICE_SECRET: BENCH_CREDENTIAL_SERVICE_SECRET,
    // the per-tenant limit (600/min by default) would otherwise be what the benchmark measures
    RATE_LIMIT_PER_MINUTE: '100000000',
    QUERY_PLANNER: 'rust',
  };
  const config = loadConfig(env);
  const logger = createLogger({ level: logLevel, name: 'bench' });
  const { supergraph } = await composeFromCode();
  let platform: RunningPlatform | undefined;
  let jsGateway: RunningGateway | undefined;
  try {
    platform = await runPlatform(config, logger, { supergraph });
    const urls: Record<SubgraphName, string> = {
      tenants: platform.services.tenants.subgraph.url,
      agents: platform.services.agents.subgraph.url,
      coaching: platform.services.coaching.subgraph.url,
      analytics: platform.services.analytics.subgraph.url,
      billing: platform.services.billing.subgraph.url,
    };
    jsGateway = await startGatewayService({ ...config, queryPlanner: 'js' }, logger, urls, supergraph);
    const acme = platform.credentials?.tenants.find((t) => t.name === 'Acme Realty');
    if (!acme) throw new Error('demo seed did not create the Acme Realty API key');
    const principal = await platform.gateway.resolver.resolve({ apiKey: acme.apiKey });
    if (!principal) throw new Error('the demo API key did not resolve to a principal');
    const running = platform;
    const js = jsGateway;
    return {
      config,
      platform: running,
      rustGateway: running.gateway,
      jsGateway: js,
      subgraphUrls: urls,
      supergraph,
      dataDir,
      apiKey: acme.apiKey,
      principal,
      signContext: (ttlSeconds) => new ContextTokenCodec(BENCH_CONTEXT_SECRET, ttlSeconds).sign(principal),
      async close() {
        await js.close();
        await running.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await jsGateway?.close();
    await platform?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
