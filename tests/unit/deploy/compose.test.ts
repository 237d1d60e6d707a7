/**
 * docker-compose.yml and the Dockerfile checked against the code (Docker does not run here): every command is
 * an entry point that exists and runs as its npm script does, every variable set is one core/config.ts reads
 * and makes a valid production config, every URL points at a service listening on that port (directly or
 * through deploy/nginx.conf), every probe hits a route the code serves on the service's own port, the
 * one-shot steps run in order, no host port is claimed twice, and the image is built from what exists.
 */
import fs from 'node:fs';
import { loadConfig, SUBGRAPH_NAMES, type PlatformConfig } from '../../../core/config';
import { ensureSecrets } from '../../../core/secrets';
import {
  configVariables,
  dockerContextAllows,
  exists,
  healthRoutes,
  interpolate,
  interpolated,
  loadCompose,
  parseDockerfile,
  parseNginx,
  read,
  type ComposeService,
} from './deploy-files';

const compose = loadCompose();
const docker = parseDockerfile();
const nginx = parseNginx();
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
const APP_IMAGE = 'coaching-platform:local';
const SERVE_TARGETS = ['gateway', ...SUBGRAPH_NAMES];

/** A distinct sample per variable: secrets must differ from each other, and be ≥ 32 characters. */
const sample = (name: string) => `${name.toLowerCase()}-sample-value-`.padEnd(48, 'x');

interface AppService {
  name: string;
  /** `gateway`, a subgraph name, `migrate` or `seed`. */
  role: string;
  argv: string[];
  /** The variables set for it: the image's ENV, then the compose file's. */
  env: Record<string, string>;
  config: PlatformConfig;
  /** The port it listens on (serving roles). */
  port?: number;
}

function roleOf(command: string[]): string {
  if (command[0] === 'bin/serve.ts') return command[1] ?? '';
  return /^bin\/(\w+)\.ts$/.exec(command[0] ?? '')?.[1] ?? '';
}

function appService(name: string, s: ComposeService): AppService {
  const command = s.command ?? docker.cmd;
  const env: Record<string, string> = { ...docker.env };
  for (const [k, v] of Object.entries(s.environment ?? {})) env[k] = interpolate(String(v), sample);
  const role = roleOf(command);
  const config = loadConfig(env);
  const port = SERVE_TARGETS.includes(role) ? config.ports[role as keyof PlatformConfig['ports']] : undefined;
  return { name, role, argv: [...docker.entrypoint, ...command], env, config, port };
}

const apps = Object.entries(compose)
  .filter(([, s]) => s.image === APP_IMAGE)
  .map(([name, s]) => appService(name, s));
const serving = apps.filter((a) => a.port !== undefined);
const byRole = (role: string) => serving.filter((a) => a.role === role);

interface Target {
  service: string;
  role: string;
  /** The port, when the service listens on the one the URL names. */
  port?: number;
}

/** Where a URL from a service's config lands: the services behind it (directly or through the lb). */
function targets(url: string): Target[] {
  const u = new URL(url);
  const port = Number(u.port || 80);
  const at = (service: string, p: number): Target => {
    const app = apps.find((a) => a.name === service);
    return { service, role: app?.role ?? 'not one of ours', port: app?.port === p ? p : undefined };
  };
  if (apps.some((a) => a.name === u.hostname)) return [at(u.hostname, port)];
  const behind = compose[u.hostname]?.image?.startsWith('nginx') ? (nginx.listeners.get(port) ?? []) : [];
  return behind.map((server) => at(server.split(':')[0]!, Number(server.split(':')[1])));
}

describe('docker-compose.yml', () => {
  test('runs the topology: 2 gateways, 2 coaching instances, one of each other subgraph, migrate, seed', () => {
    expect(byRole('gateway')).toHaveLength(2);
    expect(byRole('coaching')).toHaveLength(2);
    for (const name of SUBGRAPH_NAMES.filter((n) => n !== 'coaching')) expect(byRole(name)).toHaveLength(1);
    expect(apps.filter((a) => a.role === 'migrate')).toHaveLength(1);
    expect(apps.filter((a) => a.role === 'seed')).toHaveLength(1);
  });

  test('every command is an existing entry point, run exactly as its npm script runs it', () => {
    for (const a of apps) {
      // `exec node …` in a script makes node npm's child (signals reach it); the container runs node itself
      const script = Object.values(scripts)
        .map((s) => s.replace(/^exec /, ''))
        .find((s) => a.argv.join(' ').startsWith(`${s} `) || a.argv.join(' ') === s);
      expect({ service: a.name, script }).toEqual({ service: a.name, script: expect.any(String) });
      expect(exists(a.argv[3]!)).toBe(true);
      if (a.argv[3] === 'bin/serve.ts') expect(SERVE_TARGETS).toContain(a.argv[4]);
    }
  });

  test('every variable set (compose and image) is one core/config.ts reads', () => {
    const known = configVariables();
    expect([...known]).toEqual(expect.arrayContaining(['DATABASE_APP_URL', 'REDIS_URL', 'COACHING_URL']));
    const unknown = [
      ...Object.keys(docker.env).map((v) => `Dockerfile: ${v}`),
      ...Object.entries(compose)
        .filter(([, s]) => s.image === APP_IMAGE)
        .flatMap(([name, s]) => Object.keys(s.environment ?? {}).map((v) => `${name}: ${v}`)),
    ].filter((entry) => !known.has(entry.split(': ')[1]!));
    expect(unknown).toEqual([]);
  });

  test("every service's environment is a valid production config on PostgreSQL and Redis", () => {
    for (const a of apps) {
      expect(() => ensureSecrets(a.config)).not.toThrow();
      expect({
        service: a.name,
        env: a.config.env,
        db: a.config.database.kind,
        redis: !!a.config.redisUrl,
      }).toEqual({ service: a.name, env: 'production', db: 'postgres', redis: true });
    }
  });

  test('only migrate and seed hold the owner password; the runtime role is DB_APP_ROLE with its own', () => {
    const pg = Object.entries(compose).find(([, s]) => s.image?.startsWith('postgres:'))!;
    const [pgName, pgService] = pg;
    for (const a of apps) {
      expect({ service: a.name, owner: 'DATABASE_URL' in a.env }).toEqual({
        service: a.name,
        owner: a.role === 'migrate' || a.role === 'seed',
      });
      const app = new URL(a.config.database.appUrl!);
      expect(app.username).toBe(a.config.database.appRole);
      expect(app.password).not.toBe('');
      expect(app.hostname).toBe(pgName);
      expect(app.pathname).toBe(`/${pgService.environment!['POSTGRES_DB']}`);
    }
    // migrate logs in as the owner with the password the postgres image was given
    const migrate = compose[apps.find((a) => a.role === 'migrate')!.name]!;
    expect(interpolated(String(migrate.environment!['DATABASE_URL']))).toEqual(
      interpolated(String(pgService.environment!['POSTGRES_PASSWORD'])),
    );
  });

  test('every URL a service calls lands on services of the right kind listening on that port', () => {
    for (const a of apps) {
      for (const [name, url] of Object.entries(a.config.subgraphUrls)) {
        if (!url) continue;
        const found = targets(url);
        expect({ from: a.name, url, found: found.length > 0 }).toEqual({ from: a.name, url, found: true });
        for (const t of found)
          expect({ from: a.name, url, ...t }).toEqual({
            from: a.name,
            url,
            service: expect.any(String),
            role: name,
            port: expect.any(Number),
          });
      }
      if (a.config.credentialService.url) {
        for (const t of targets(a.config.credentialService.url))
          expect(t).toEqual({ service: expect.any(String), role: 'tenants', port: expect.any(Number) });
      }
      const redis = new URL(a.config.redisUrl!);
      expect(compose[redis.hostname]?.image).toMatch(/^redis:/);
    }
  });

  test('each gateway reaches both coaching instances; the published lb port reaches both gateways', () => {
    const names = (role: string) =>
      byRole(role)
        .map((a) => a.name)
        .sort();
    for (const g of byRole('gateway')) {
      const reached = targets(g.config.subgraphUrls.coaching!).map((t) => t.service);
      expect({ gateway: g.name, coaching: reached.sort() }).toEqual({
        gateway: g.name,
        coaching: names('coaching'),
      });
    }
    const [lbName, lb] = Object.entries(compose).find(([, s]) => s.image?.startsWith('nginx'))!;
    const published = (lb.ports ?? []).map((p) => Number(String(p).split(':').pop()));
    expect(published).toHaveLength(1);
    const reached = targets(`http://${lbName}:${published[0]}/graphql`);
    expect(reached.map((t) => t.service).sort()).toEqual(names('gateway'));
    expect(reached.every((t) => t.role === 'gateway' && t.port !== undefined)).toBe(true);
  });

  test('every long-running service has a healthcheck; app probes hit a served route on their own port', () => {
    const routes = healthRoutes();
    expect([...routes.subgraph]).toEqual(expect.arrayContaining(['/health', '/ready']));
    expect([...routes.gateway]).toEqual(expect.arrayContaining(['/health', '/ready']));
    for (const [name, s] of Object.entries(compose).filter(([, s]) => s.restart !== 'no')) {
      expect({ service: name, probe: !!s.healthcheck }).toEqual({ service: name, probe: true });
    }
    for (const a of serving) {
      const [cmd, node, script, url] = compose[a.name]!.healthcheck!.test;
      expect([cmd, node, script, exists(script!)]).toEqual(['CMD', 'node', 'deploy/healthcheck.mjs', true]);
      const u = new URL(url!);
      expect({ service: a.name, port: Number(u.port) }).toEqual({ service: a.name, port: a.port });
      expect(a.role === 'gateway' ? routes.gateway : routes.subgraph).toContain(u.pathname);
    }
    const lb = Object.values(compose).find((s) => s.image?.startsWith('nginx'))!;
    const lbProbe = new URL(lb.healthcheck!.test.find((t) => t.startsWith('http'))!);
    expect(nginx.listeners.get(Number(lbProbe.port))?.[0]).toMatch(/^gateway/);
    expect(routes.gateway).toContain(lbProbe.pathname);
  });

  test('migrate runs once after PostgreSQL is healthy; everything of ours waits for it to succeed', () => {
    const migrate = apps.find((a) => a.role === 'migrate')!;
    const pgName = Object.entries(compose).find(([, s]) => s.image?.startsWith('postgres:'))![0];
    expect(compose[migrate.name]!.restart).toBe('no');
    expect(compose[migrate.name]!.depends_on?.[pgName]).toEqual({ condition: 'service_healthy' });
    for (const a of apps.filter((x) => x !== migrate)) {
      expect({ service: a.name, dep: compose[a.name]!.depends_on?.[migrate.name] }).toEqual({
        service: a.name,
        dep: { condition: 'service_completed_successfully' },
      });
    }
  });

  test('the seed keeps the first API keys in a volume at its DATA_DIR', () => {
    const seed = apps.find((a) => a.role === 'seed')!;
    expect(compose[seed.name]!.volumes?.map((v) => v.split(':')[1])).toContain(seed.config.dataDir);
  });

  test('no two services claim the same host port', () => {
    const claims = Object.entries(compose).flatMap(([name, s]) =>
      (s.ports ?? []).map((p) => ({ name, host: String(p).split(':').slice(-2)[0] })),
    );
    const hostPorts = claims.map((c) => c.host);
    expect(hostPorts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  test('every file mounted into a container exists', () => {
    const mounts = Object.values(compose).flatMap((s) => (s.volumes ?? []).filter((v) => v.startsWith('./')));
    expect(mounts.length).toBeGreaterThan(0);
    for (const m of mounts) expect(exists(m.split(':')[0]!)).toBe(true);
  });
});

describe('Dockerfile', () => {
  test('base images are pinned by version tag', () => {
    const external = docker.from.filter((f) => f.includes(':'));
    expect(external.length).toBeGreaterThanOrEqual(2);
    for (const image of external) expect(image).toMatch(/^node:20\.\d+\.\d+-[\w-]+$/);
  });

  test('the service runs as a non-root user, with a probe file the image holds', () => {
    expect(docker.user).toBeDefined();
    expect(['root', '0']).not.toContain(docker.user);
    const probe = docker.healthcheck!.find((a) => a.endsWith('.mjs'))!;
    expect(exists(probe)).toBe(true);
    expect(docker.contextCopies).toContain(probe);
  });

  test('every COPY source exists and is in the build context (.dockerignore)', () => {
    expect(docker.contextCopies.length).toBeGreaterThan(5);
    for (const src of docker.contextCopies)
      expect({ src, exists: exists(src), inContext: dockerContextAllows(src) }).toEqual({
        src,
        exists: true,
        inContext: true,
      });
  });

  test('every production package with an install script is rebuilt (the install itself skips scripts)', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { hasInstallScript?: boolean; dev?: boolean }>;
    };
    const needed = Object.entries(lock.packages)
      .filter(([where, e]) => where && e.hasInstallScript && !e.dev)
      .map(([where]) => where.replace(/^.*node_modules\//, ''));
    expect(needed.length).toBeGreaterThan(0);
    expect(docker.rebuilt.sort()).toEqual(expect.arrayContaining(needed.sort()));
  });

  test('pruning dev packages keeps the run-time TypeScript loader the entry point uses', () => {
    expect(docker.entrypoint.slice(0, 3)).toEqual(['node', '-r', '@swc-node/register']);
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { dev?: boolean }> };
    for (const pkg of ['@swc-node/register', '@swc/core', 'typescript']) {
      expect({ pkg, dev: lock.packages[`node_modules/${pkg}`]?.dev ?? false }).toEqual({ pkg, dev: false });
    }
    expect(fs.existsSync(`${__dirname}/../../../tsconfig.json`)).toBe(true);
    expect(docker.contextCopies).toContain('tsconfig.json');
  });
});
