/**
 * core/config.ts (`loadConfig`, the one module that reads the environment) and core/secrets.ts
 * (`ensureSecrets`, the secrets the embedded default generates into DATA_DIR).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, type PlatformConfig } from '../../../core/config';
import { ensureSecrets } from '../../../core/secrets';

const PEM = [
  '-----BEGIN PUBLIC KEY-----',
  'MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=',
  '-----END PUBLIC KEY-----',
].join('\n');

/** The ConfigError `fn` throws (fails the test when it throws nothing or something else). */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('loadConfig', () => {
  test('defaults: the embedded platform on 4000–4005, SQLite under ./data, nothing external', () => {
    const c = loadConfig({});
    expect(c.env).toBe('development');
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toBe('./data');
    expect(c.logLevel).toBe('info');
    expect(c.ports).toEqual({
      gateway: 4000,
      tenants: 4001,
      agents: 4002,
      coaching: 4003,
      analytics: 4004,
      billing: 4005,
    });
    expect(c.subgraphUrls).toEqual({
      tenants: undefined,
      agents: undefined,
      coaching: undefined,
      analytics: undefined,
      billing: undefined,
    });
    expect(c.database).toEqual({
      kind: 'sqlite',
      sqliteDir: './data',
      ownerUrl: undefined,
      appUrl: undefined,
      appRole: 'coaching_app',
      poolMax: 10,
    });
    expect(c.redisUrl).toBeUndefined();
    expect(c.redisPrefix).toBe('cp');
    expect(c.auth).toEqual({
      jwtSecret: undefined,
      jwksUrl: undefined,
      issuer: 'coaching-platform',
      audience: 'coaching-api',
      contextSecret: undefined,
      contextTokenTtlSeconds: 60,
      apiKeyCacheTtlSeconds: 30,
    });
    expect(c.corsOrigins).toBe('*');
    expect(c.queryPlanner).toBe('rust');
    expect(c.supergraphPath).toBe('schema/supergraph.graphql');
    expect(c.limits).toEqual({
      maxBodyBytes: 100_000,
      maxDepth: 10,
      maxAliases: 30,
      maxTokens: 2_000,
      maxDirectives: 50,
      ratePerMinute: 600,
      http: { requestMs: 15_000, keepAliveMs: 65_000 },
      subgraphTimeoutMs: 30_000,
      subscriptions: { perSocket: 100, perTenant: 1_000 },
      cost: {
        maxQueryCost: 50_000,
        maxFragmentSpreads: 500,
        maxInflightPerTenant: 16,
        maxInflightCostPerTenant: 50_000,
        maxQueuedPerTenant: 1_000,
        queueTimeoutMs: 30_000,
      },
    });
    expect(c.anthropic).toEqual({ apiKey: undefined, baseUrl: undefined, modelWhenConfidenceBelow: 0.75 });
    expect(c.seedDemo).toBe(true);
    expect(c.shutdownDrainMs).toBe(10_000);
    expect(c.ghl).toEqual({ ed25519PublicKeys: [], rsaPublicKeys: [], oauth: undefined, concurrency: 4 });
  });

  test('reads process.env when no env is given', () => {
    const saved = process.env['LIMIT_MAX_DEPTH'];
    process.env['LIMIT_MAX_DEPTH'] = '7';
    try {
      expect(loadConfig().limits.maxDepth).toBe(7);
    } finally {
      if (saved === undefined) delete process.env['LIMIT_MAX_DEPTH'];
      else process.env['LIMIT_MAX_DEPTH'] = saved;
    }
  });

  test('good values are parsed into typed options', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/cp',
      LOG_LEVEL: 'warn',
      GATEWAY_PORT: '0',
      TENANTS_PORT: '65535',
      AGENTS_PORT: '8002',
      TENANTS_URL: 'http://tenants:4001/graphql',
      BILLING_URL: '',
      REDIS_URL: 'rediss://cache.example.com:6380',
      REDIS_PREFIX: 'cp:staging',
      JWT_JWKS_URL: 'https://auth.example.com/.well-known/jwks.json',
      QUERY_PLANNER: 'js',
      LIMIT_MAX_BODY_BYTES: '2048',
      RATE_LIMIT_PER_MINUTE: '5',
      MAX_QUERY_COST: '1234',
      MAX_INFLIGHT_PER_TENANT: '3',
      ANTHROPIC_API_KEY: '',
      SEED_DEMO: 'false',
      GHL_ED25519_PUBLIC_KEY: PEM.replace(/\n/g, '\\n'),
    });
    expect(c.env).toBe('production');
    expect(c.host).toBe('0.0.0.0');
    expect(c.database.sqliteDir).toBe('/var/lib/cp');
    expect(c.logLevel).toBe('warn');
    expect(c.ports.gateway).toBe(0);
    expect(c.ports.tenants).toBe(65535);
    expect(c.ports.agents).toBe(8002);
    expect(c.subgraphUrls.tenants).toBe('http://tenants:4001/graphql');
    expect(c.subgraphUrls.billing).toBeUndefined();
    expect(c.redisUrl).toBe('rediss://cache.example.com:6380');
    expect(c.redisPrefix).toBe('cp:staging');
    expect(c.auth.jwksUrl).toBe('https://auth.example.com/.well-known/jwks.json');
    expect(c.queryPlanner).toBe('js');
    expect(c.limits.maxBodyBytes).toBe(2048);
    expect(c.limits.ratePerMinute).toBe(5);
    expect([c.limits.cost.maxQueryCost, c.limits.cost.maxInflightPerTenant]).toEqual([1234, 3]);
    expect(c.anthropic.apiKey).toBeUndefined();
    expect(c.seedDemo).toBe(false);
    expect(c.ghl.ed25519PublicKeys).toEqual([`${PEM}\n`]);
  });

  const PORTS = [
    'GATEWAY_PORT',
    'TENANTS_PORT',
    'AGENTS_PORT',
    'COACHING_PORT',
    'ANALYTICS_PORT',
    'BILLING_PORT',
  ];
  const URLS = [
    'TENANTS_URL',
    'AGENTS_URL',
    'COACHING_URL',
    'ANALYTICS_URL',
    'BILLING_URL',
    'DATABASE_URL',
    'DATABASE_APP_URL',
    'REDIS_URL',
    'JWT_JWKS_URL',
    'ANTHROPIC_BASE_URL',
  ];
  const LIMITS = [
    'DB_POOL_MAX',
    'CONTEXT_TOKEN_TTL_SECONDS',
    'API_KEY_CACHE_TTL_SECONDS',
    'LIMIT_MAX_BODY_BYTES',
    'LIMIT_MAX_DEPTH',
    'LIMIT_MAX_ALIASES',
    'LIMIT_MAX_TOKENS',
    'RATE_LIMIT_PER_MINUTE',
  ];
  const BAD: [variable: string, value: string][] = [
    ...PORTS.flatMap((v): [string, string][] => [
      [v, 'notaport'],
      [v, '-1'],
      [v, '65536'],
      [v, '80.5'],
      [v, ''],
      [v, ' '],
      [v, '0x10'],
      [v, '1e3'],
    ]),
    ...URLS.flatMap((v): [string, string][] => [
      [v, 'not a url'],
      [v, 'http://'],
    ]),
    ['TENANTS_URL', 'localhost:4001'],
    ['JWT_JWKS_URL', 'ftp://keys.example.com/jwks.json'],
    ['DATABASE_APP_URL', 'mysql://app@db/coaching'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ...LIMITS.flatMap((v): [string, string][] => [
      [v, 'lots'],
      [v, '0'],
      [v, '-5'],
      [v, '2.5'],
      [v, ''],
    ]),
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'verbose'],
    ['QUERY_PLANNER', 'python'],
    ['SEED_DEMO', 'yes'],
    ['DB_APP_ROLE', 'Coaching-App'],
    ['DB_APP_ROLE', 'app; drop table agents'],
    ['REDIS_PREFIX', 'has space'],
    ['REDIS_PREFIX', ''],
    ['JWT_SECRET', 'too-short'],
    ['CONTEXT_SECRET', 'too-short'],
    ['CREDENTIAL_SERVICE_SECRET', 'too-short'],
    ['CREDENTIAL_SERVICE_URL', 'tenants:4001'],
    ['GHL_ED25519_PUBLIC_KEY', 'not a pem key'],
    ['GHL_RSA_PUBLIC_KEY', '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----'],
    ['GHL_WEBHOOK_CONCURRENCY', '-1'],
    ['GHL_WEBHOOK_CONCURRENCY', '65'],
    ['GHL_WEBHOOK_CONCURRENCY', 'many'],
    ['GHL_OAUTH_TOKEN_URL', 'ftp://ghl.example.com/token'],
    ['COACH_MODEL_WHEN_CONFIDENCE_BELOW', '1.5'],
    ['COACH_MODEL_WHEN_CONFIDENCE_BELOW', '-0.1'],
    ['COACH_MODEL_WHEN_CONFIDENCE_BELOW', 'high'],
    ['COACH_MODEL_WHEN_CONFIDENCE_BELOW', ''],
  ];

  test('COACH_MODEL_WHEN_CONFIDENCE_BELOW: a fraction from 0 to 1 (default 0.75)', () => {
    const at = (v: string) =>
      loadConfig({ COACH_MODEL_WHEN_CONFIDENCE_BELOW: v }).anthropic.modelWhenConfidenceBelow;
    expect(at('0.75')).toBe(0.75);
    expect(at('.5')).toBe(0.5);
    expect(at('0')).toBe(0);
    expect(at('1')).toBe(1);
    expect(at('1.0')).toBe(1);
  });

  test('the credential service: off by default; URL and secret parsed; a secret equal to CONTEXT_SECRET refused', () => {
    expect(loadConfig({}).credentialService).toEqual({ url: undefined, secret: undefined });
    const c = loadConfig({
      CREDENTIAL_SERVICE_URL: 'http://tenants:4001',
      CREDENTIAL_SERVICE_SECRET: 's'.repeat(40),
      CONTEXT_SECRET: 'c'.repeat(40),
    });
    expect(c.credentialService).toEqual({ url: 'http://tenants:4001', secret: 's'.repeat(40) });
    expect(loadConfig({ CREDENTIAL_SERVICE_SECRET: '' }).credentialService.secret).toBeUndefined();
    const same = configError(() =>
      loadConfig({ CREDENTIAL_SERVICE_SECRET: 'c'.repeat(40), CONTEXT_SECRET: 'c'.repeat(40) }),
    );
    expect(same.variable).toBe('CREDENTIAL_SERVICE_SECRET');
    expect(same.message).toMatch(/differ from CONTEXT_SECRET/);
  });

  test("the GHL app's OAuth client needs both halves (the missing one is named); both give the client", () => {
    expect(configError(() => loadConfig({ GHL_CLIENT_SECRET: 's' })).variable).toBe('GHL_CLIENT_ID');
    expect(configError(() => loadConfig({ GHL_CLIENT_ID: 'id' })).variable).toBe('GHL_CLIENT_SECRET');
    const c = loadConfig({
      GHL_CLIENT_ID: 'id',
      GHL_CLIENT_SECRET: 'secret',
      GHL_OAUTH_TOKEN_URL: 'http://127.0.0.1:9/token',
      GHL_WEBHOOK_CONCURRENCY: '0',
    });
    expect(c.ghl.oauth).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      tokenUrl: 'http://127.0.0.1:9/token',
      redirectUri: undefined,
    });
    expect(c.ghl.concurrency).toBe(0);
  });

  test.each(BAD)('%s=%j throws a ConfigError naming the variable', (variable, value) => {
    const err = configError(() => loadConfig({ [variable]: value }));
    expect(err.variable).toBe(variable);
    expect(err.message.startsWith(`${variable}: `)).toBe(true);
  });

  test('LIMIT_MAX_COST (GraphQL Armor cost rule, removed) stops the start and names MAX_QUERY_COST', () => {
    const err = configError(() => loadConfig({ LIMIT_MAX_COST: '5000' }));
    expect(err.variable).toBe('LIMIT_MAX_COST');
    expect(err.message).toMatch(/MAX_QUERY_COST/);
    expect(loadConfig({ MAX_QUERY_COST: '5000' }).limits.cost.maxQueryCost).toBe(5_000);
    expect(loadConfig({ MAX_FRAGMENT_SPREADS: '50' }).limits.cost.maxFragmentSpreads).toBe(50);
  });

  test('every port accepts 0 (any free port) and the bounds 1 and 65535', () => {
    for (const v of PORTS) {
      for (const value of ['0', '1', '65535']) {
        expect(() => loadConfig({ [v]: value })).not.toThrow();
      }
    }
  });

  test('an empty URL variable means "unset"', () => {
    const c = loadConfig({ DATABASE_URL: '', REDIS_URL: '', TENANTS_URL: '', DATABASE_APP_URL: '' });
    expect(c.database.kind).toBe('sqlite');
    expect(c.database.ownerUrl).toBeUndefined();
    expect(c.database.appUrl).toBeUndefined();
    expect(c.redisUrl).toBeUndefined();
    expect(c.subgraphUrls.tenants).toBeUndefined();
  });

  describe('DATABASE_URL', () => {
    test.each(['mysql://root@db/app', 'http://db:5432/app', 'sqlite:///tmp/x.db'])(
      '%s is refused: it must be a postgres:// URL',
      (url) => {
        const err = configError(() => loadConfig({ DATABASE_URL: url }));
        expect(err.variable).toBe('DATABASE_URL');
        expect(err.message).toMatch(/postgres/);
      },
    );

    test('REDIS_URL must be redis:// or rediss://', () => {
      const err = configError(() => loadConfig({ REDIS_URL: 'http://cache:6379' }));
      expect(err.variable).toBe('REDIS_URL');
      expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }).redisUrl).toBe('redis://cache:6379');
    });

    test('postgres:// and postgresql:// switch the platform to PostgreSQL', () => {
      for (const url of ['postgres://owner@db:5432/app', 'postgresql://owner@db/app']) {
        const c = loadConfig({ DATABASE_URL: url });
        expect(c.database.kind).toBe('postgres');
        expect(c.database.ownerUrl).toBe(url);
      }
    });

    test('the runtime URL is derived as DB_APP_ROLE with no password (the owner password is not reused)', () => {
      const c = loadConfig({
        DATABASE_URL: 'postgres://owner:s3cret@db.internal:5433/coaching?sslmode=require',
        DB_APP_ROLE: 'cp_runtime',
      });
      expect(c.database.ownerUrl).toBe('postgres://owner:s3cret@db.internal:5433/coaching?sslmode=require');
      expect(c.database.appRole).toBe('cp_runtime');
      const app = new URL(c.database.appUrl!);
      expect(app.username).toBe('cp_runtime');
      expect(app.password).toBe('');
      expect(app.host).toBe('db.internal:5433');
      expect(app.pathname).toBe('/coaching');
      expect(app.searchParams.get('sslmode')).toBe('require');
      expect(c.database.appUrl).not.toContain('s3cret');
      expect(c.database.appUrl).toBe('postgres://cp_runtime@db.internal:5433/coaching?sslmode=require');
    });

    test('the default runtime role is coaching_app', () => {
      const c = loadConfig({ DATABASE_URL: 'postgresql://postgres:pw@127.0.0.1:5432/postgres' });
      expect(c.database.appUrl).toBe('postgresql://coaching_app@127.0.0.1:5432/postgres');
    });

    test('DATABASE_APP_URL, when given, is used as is', () => {
      const c = loadConfig({
        DATABASE_URL: 'postgres://owner:pw@db/app',
        DATABASE_APP_URL: 'postgres://runtime:rpw@pooler:6432/app',
        DB_APP_ROLE: 'runtime',
      });
      expect(c.database.appUrl).toBe('postgres://runtime:rpw@pooler:6432/app');
      expect(c.database.appRole).toBe('runtime');
    });

    test('DATABASE_APP_URL alone is PostgreSQL: a service that only serves never holds the owner password', () => {
      const c = loadConfig({ DATABASE_APP_URL: 'postgres://coaching_app:rpw@db:5432/coaching' });
      expect(c.database.kind).toBe('postgres');
      expect(c.database.ownerUrl).toBeUndefined();
      expect(c.database.appUrl).toBe('postgres://coaching_app:rpw@db:5432/coaching');
    });
  });

  describe('CORS_ORIGINS', () => {
    test.each<[string, string[] | '*']>([
      ['*', '*'],
      ['  *  ', '*'],
      ['https://app.example.com', ['https://app.example.com']],
      [
        ' https://a.example.com , https://b.example.com,,',
        ['https://a.example.com', 'https://b.example.com'],
      ],
      ['', []],
    ])('%j → %j', (value, expected) => {
      expect(loadConfig({ CORS_ORIGINS: value }).corsOrigins).toEqual(expected);
    });
  });

  test('GHL keys: several concatenated PEM keys (rotation) are all kept', () => {
    const c = loadConfig({ GHL_RSA_PUBLIC_KEY: `${PEM}\n${PEM}`, GHL_ED25519_PUBLIC_KEY: '  ' });
    expect(c.ghl.rsaPublicKeys).toHaveLength(2);
    expect(c.ghl.ed25519PublicKeys).toEqual([]);
  });
});

describe('ensureSecrets', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-test-'));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  const config = (env: Record<string, string>): PlatformConfig =>
    loadConfig({ DATA_DIR: path.join(root, 'data'), ...env });

  test('generates both secrets into DATA_DIR (created, file mode 0600) on first call', () => {
    const c = ensureSecrets(config({}));
    const file = path.join(root, 'data', 'secrets.json');
    expect(fs.existsSync(file)).toBe(true);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    expect(c.auth.jwtSecret).toBe(stored['jwtSecret']);
    expect(c.auth.contextSecret).toBe(stored['contextSecret']);
    expect(c.auth.jwtSecret!.length).toBeGreaterThanOrEqual(32);
    expect(c.auth.contextSecret!.length).toBeGreaterThanOrEqual(32);
    expect(c.auth.jwtSecret).not.toBe(c.auth.contextSecret);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  test('reuses the stored secrets on the next call (tokens survive a restart)', () => {
    const first = ensureSecrets(config({}));
    const file = path.join(root, 'data', 'secrets.json');
    const before = fs.readFileSync(file, 'utf8');
    const second = ensureSecrets(config({}));
    expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
    expect(second.auth.contextSecret).toBe(first.auth.contextSecret);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  test('another DATA_DIR gets its own secrets', () => {
    const a = ensureSecrets(config({}));
    const b = ensureSecrets(loadConfig({ DATA_DIR: path.join(root, 'other') }));
    expect(b.auth.jwtSecret).not.toBe(a.auth.jwtSecret);
    expect(b.auth.contextSecret).not.toBe(a.auth.contextSecret);
  });

  test('secrets from the environment win; only the missing one comes from the file', () => {
    const jwt = 'j'.repeat(40);
    const c = ensureSecrets(config({ JWT_SECRET: jwt }));
    expect(c.auth.jwtSecret).toBe(jwt);
    expect(c.auth.contextSecret).toBeDefined();
    expect(c.auth.contextSecret).not.toBe(jwt);
  });

  // (issue 8: the credential-service secret is a third secret; with only two in the environment the third
  // is generated like the others)
  test('all three secrets in the environment: the config is returned untouched, nothing is written', () => {
    const c = config({
      JWT_SECRET: 'j'.repeat(40),
      CONTEXT_SECRET: 'c'.repeat(40),
      CREDENTIAL_SERVICE_SECRET: 's'.repeat(40),
    });
    expect(ensureSecrets(c)).toBe(c);
    expect(fs.existsSync(path.join(root, 'data'))).toBe(false);
  });

  test('the credential-service secret is generated apart from the context secret, and kept', () => {
    const c = ensureSecrets(config({}));
    const stored = JSON.parse(fs.readFileSync(path.join(root, 'data', 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(c.credentialService.secret).toBe(stored['credentialServiceSecret']);
    expect(c.credentialService.secret!.length).toBeGreaterThanOrEqual(32);
    expect(new Set([c.auth.jwtSecret, c.auth.contextSecret, c.credentialService.secret]).size).toBe(3);
    expect(ensureSecrets(config({})).credentialService.secret).toBe(c.credentialService.secret);
  });

  test('a secrets file from before the credential-service secret gains it; the others stay (tokens survive)', () => {
    const file = path.join(root, 'data', 'secrets.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const old = { jwtSecret: 'o'.repeat(43), contextSecret: 'p'.repeat(43) };
    fs.writeFileSync(file, JSON.stringify(old), { mode: 0o600 });
    const c = ensureSecrets(config({}));
    expect(c.auth.jwtSecret).toBe(old.jwtSecret);
    expect(c.auth.contextSecret).toBe(old.contextSecret);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    expect(stored).toEqual({ ...old, credentialServiceSecret: c.credentialService.secret });
  });

  test('the input config is not mutated', () => {
    const c = config({});
    ensureSecrets(c);
    expect(c.auth.jwtSecret).toBeUndefined();
    expect(c.auth.contextSecret).toBeUndefined();
  });

  describe('NODE_ENV=production', () => {
    test.each<[Record<string, string>, string]>([
      [{}, 'JWT_SECRET'],
      [{ CONTEXT_SECRET: 'c'.repeat(40) }, 'JWT_SECRET'],
      [{ JWT_SECRET: 'j'.repeat(40) }, 'CONTEXT_SECRET'],
    ])('with %j it refuses to run, naming %s, and writes nothing', (env, variable) => {
      const err = configError(() => ensureSecrets(config({ NODE_ENV: 'production', ...env })));
      expect(err.variable).toBe(variable);
      expect(err.message).toMatch(/production/);
      expect(fs.existsSync(path.join(root, 'data'))).toBe(false);
    });

    test('does not fall back to secrets left in DATA_DIR by a development run', () => {
      ensureSecrets(config({}));
      expect(() => ensureSecrets(config({ NODE_ENV: 'production' }))).toThrow(ConfigError);
    });

    test('runs with both secrets from the environment', () => {
      const c = ensureSecrets(
        config({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), CONTEXT_SECRET: 'c'.repeat(40) }),
      );
      expect(c.auth.jwtSecret).toBe('j'.repeat(40));
    });

    test('without CREDENTIAL_SERVICE_SECRET it runs with API keys off: nothing generated, nothing written', () => {
      const c = ensureSecrets(
        config({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), CONTEXT_SECRET: 'c'.repeat(40) }),
      );
      expect(c.credentialService.secret).toBeUndefined();
      expect(fs.existsSync(path.join(root, 'data'))).toBe(false);
    });
  });
});
