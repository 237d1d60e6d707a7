/**
 * `npm start` the way a partner developer runs it: a real `node -r @swc-node/register bin/start.ts`
 * process on the embedded default (no DATABASE_URL / REDIS_URL), every port 0, a fresh DATA_DIR.
 * First start seeds and writes demo-credentials.json; the README's query works with the Acme key;
 * SIGTERM exits 0; a second start on the same DATA_DIR reuses the keys. Also the CLI failure modes:
 * a bad config value and an unknown `serve` service.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO, demoAgents } from '../../bin/demo-plan';
import { cleanEnv, hasLine, runToExit, spawnTs, type SpawnedProcess } from './process';

const READY = /^Coaching platform ready: (\S+)/m;

/** The README's "Try it" query, verbatim. */
const README_QUERY =
  '{ agents(first: 3) { totalCount edges { node { name role experience location { name timezone } } } } }';

interface DemoCredentialsFile {
  gatewayUrl: string;
  tenants: { id: string; name: string; apiKey: string }[];
}

interface AgentsResult {
  data?: {
    agents: {
      totalCount: number;
      edges: {
        node: {
          name: string;
          role: string;
          experience: string;
          location: { name: string; timezone: string } | null;
        };
      }[];
    };
  };
  errors?: { message: string }[];
}

const PORTS = {
  GATEWAY_PORT: '0',
  TENANTS_PORT: '0',
  AGENTS_PORT: '0',
  COACHING_PORT: '0',
  ANALYTICS_PORT: '0',
  BILLING_PORT: '0',
};

interface LogLine {
  level: number;
  msg: string;
}

/** pino's JSON lines on stdout (LOG_LEVEL=warn) that are errors, or event deliveries that failed. */
function problems(stdout: string): LogLine[] {
  // Complete lines only (the last one may still be arriving); non-JSON lines are the banner.
  const lines = stdout.split('\n').slice(0, -1);
  const out: LogLine[] = [];
  for (const l of lines) {
    if (!l.startsWith('{')) continue;
    let parsed: LogLine;
    try {
      parsed = JSON.parse(l) as LogLine;
    } catch {
      continue;
    }
    if (parsed.level >= 50 || parsed.msg === 'event handler failed') out.push(parsed);
  }
  return out;
}

function readCredentials(dataDir: string): { raw: string; parsed: DemoCredentialsFile } {
  const raw = fs.readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8');
  return { raw, parsed: JSON.parse(raw) as DemoCredentialsFile };
}

/** What an API key looks like (core/api-key.ts): must never appear on stdout. */
const KEY_PATTERN = /cpk_/;

/** The indented lines after "Try:" on stdout, run by bash exactly as a developer would paste them. */
function runTryCommands(stdout: string): Promise<string> {
  const lines = stdout.split('\n');
  const from = lines.indexOf('Try:');
  expect(from).toBeGreaterThan(-1);
  const script: string[] = [];
  for (const line of lines.slice(from + 1)) {
    if (!line.startsWith('  ')) break;
    script.push(line);
  }
  expect(script.length).toBeGreaterThan(1);
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', `set -e\n${script.join('\n')}`],
      { cwd: os.tmpdir(), env: cleanEnv({}) },
      (err, out) => (err ? reject(err) : resolve(out)),
    );
  });
}

/** Modes of the data directory and of every SQLite file (and -wal/-shm) in it. */
function privateModes(dataDir: string): Record<string, string> {
  const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);
  const out: Record<string, string> = { '.': mode(dataDir) };
  for (const f of fs.readdirSync(dataDir))
    if (/\.sqlite(-wal|-shm)?$/.test(f)) out[f] = mode(path.join(dataDir, f));
  return out;
}

/** 0700 for the directory, 0600 for each SQLite file; every subgraph's database and its WAL exist. */
function expectedPrivateModes(dataDir: string): Record<string, string> {
  const files = fs.readdirSync(dataDir).filter((f) => /\.sqlite(-wal|-shm)?$/.test(f));
  for (const name of ['tenants', 'agents', 'coaching', 'analytics', 'billing']) {
    expect(files).toEqual(expect.arrayContaining([`${name}.sqlite`, `${name}.sqlite-wal`]));
  }
  return Object.fromEntries([['.', '700'], ...files.map((f) => [f, '600'])]);
}

async function readmeQuery(url: string, apiKey: string): Promise<{ status: number; body: AgentsResult }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query: README_QUERY }),
  });
  return { status: res.status, body: (await res.json()) as AgentsResult };
}

/** SIGTERM, then the exit code — within 10 s (bin/start.ts closes the platform and exits itself). */
async function terminate(p: SpawnedProcess): Promise<number | null> {
  const started = Date.now();
  p.child.kill('SIGTERM');
  const exit = await p.exited(10_000);
  expect(Date.now() - started).toBeLessThan(10_000);
  return exit.code;
}

describe('npm start (bin/start.ts, embedded default, spawned)', () => {
  let dataDir: string;
  const running: SpawnedProcess[] = [];

  const start = async (): Promise<{ p: SpawnedProcess; url: string }> => {
    const p = spawnTs('bin/start.ts', [], { ...PORTS, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    running.push(p);
    const match = await p.waitFor(READY, 60_000);
    return { p, url: match[1]! };
  };

  beforeAll(() => {
    // a directory the platform creates itself (mkdtemp's own is 0700 already)
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'platform-e2e-')), 'data');
  });
  afterAll(async () => {
    for (const p of running) await p.kill();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  let firstKey = '';
  let firstCredentials = '';

  test('first start: ready on a real port, demo credentials written, README query answered, SIGTERM exits 0', async () => {
    const { p, url } = await start();

    // Ports are 0: the printed URL must carry the port actually bound.
    const printed = new URL(url);
    expect(printed.protocol).toBe('http:');
    expect(printed.hostname).toBe('127.0.0.1');
    expect(printed.pathname).toBe('/graphql');
    expect(Number(printed.port)).toBeGreaterThan(0);

    const { raw, parsed } = readCredentials(dataDir);
    firstCredentials = raw;
    expect(Object.keys(parsed).sort()).toEqual(['gatewayUrl', 'tenants']);
    expect(parsed.gatewayUrl).toBe(url);
    expect(parsed.tenants).toHaveLength(2);
    for (const t of parsed.tenants) {
      expect(Object.keys(t).sort()).toEqual(['apiKey', 'id', 'name']);
      expect(t.apiKey).toMatch(/^cpk_\S+$/);
    }
    expect(parsed.tenants.map((t) => [t.name, t.id])).toEqual([
      ['Acme Realty', DEMO.acme.id],
      ['Summit Homes', DEMO.summit.id],
    ]);
    const acme = parsed.tenants[0]!;
    firstKey = acme.apiKey;
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dataDir, 'demo-credentials.json')).mode & 0o777).toBe(0o600);
    }

    // stdout names the credentials file and never carries a key; its "Try:" commands, run as printed,
    // read the Acme key from that file and get the README's answer.
    expect(p.stdout()).toContain(`Demo credentials: ${path.join(dataDir, 'demo-credentials.json')}`);
    expect(p.stdout()).not.toMatch(KEY_PATTERN);
    const tried = JSON.parse(await runTryCommands(p.stdout())) as AgentsResult;
    expect(tried.errors).toBeUndefined();
    expect(tried.data!.agents.edges.map((e) => e.node.name)).toHaveLength(3);
    for (const e of tried.data!.agents.edges) expect(e.node.name).toMatch(/ Acme$/);

    // The data directory and every SQLite file in it (with its -wal/-shm) are private to the owner,
    // like the credentials.
    expect(privateModes(dataDir)).toEqual(expectedPrivateModes(dataDir));

    const { status, body } = await readmeQuery(url, acme.apiKey);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const agents = body.data!.agents;
    expect(agents.totalCount).toBe(demoAgents('acme').length);
    expect(agents.edges).toHaveLength(3);
    const located = agents.edges.filter((e) => e.node.location !== null);
    expect(located.length).toBeGreaterThan(0);
    const acmeLocations = DEMO.acme.locations.map((l) => l.name);
    for (const e of located) {
      expect(acmeLocations).toContain(e.node.location!.name);
      expect(e.node.location!.timezone).toBe('America/Chicago');
    }
    for (const e of agents.edges) expect(e.node.name).toMatch(/ Acme$/);

    // Without a key the same query is refused.
    const anon = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: README_QUERY }),
    });
    expect(anon.status).toBe(401);

    const health = await fetch(new URL('/health', url));
    expect(health.status).toBe(200);

    // The seed's events reached every consumer (in-process bus): no failed deliveries, no errors.
    expect(problems(p.stdout())).toEqual([]);

    expect(await terminate(p)).toBe(0);
    // A clean run: no errors on stderr.
    expect(p.stderr()).not.toMatch(/error|failed/i);
  }, 90_000);

  test('second start on the same DATA_DIR: idempotent seed, same keys (URL refreshed), the old key still works', async () => {
    expect(firstKey).not.toBe('');
    const secrets = fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8');
    const { p, url } = await start();

    // same keys; the URL follows the gateway (ports are 0 here, so it moved)
    const again = readCredentials(dataDir).parsed;
    expect(again.tenants).toEqual((JSON.parse(firstCredentials) as typeof again).tenants);
    expect(again.gatewayUrl).toBe(url);
    expect(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')).toBe(secrets);
    // The printed hint still names the file, not the (unchanged) Acme key.
    expect(p.stdout()).toContain(`Demo credentials: ${path.join(dataDir, 'demo-credentials.json')}`);
    expect(p.stdout()).not.toMatch(KEY_PATTERN);
    expect(privateModes(dataDir)).toEqual(expectedPrivateModes(dataDir));

    const { status, body } = await readmeQuery(url, firstKey);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    // No duplicate demo agents from seeding twice.
    expect(body.data!.agents.totalCount).toBe(demoAgents('acme').length);

    expect(problems(p.stdout())).toEqual([]);
    expect(await terminate(p)).toBe(0);
  }, 90_000);

  test('a bad config value exits non-zero and names the variable on stderr', async () => {
    const r = await runToExit('bin/start.ts', [], {
      ...PORTS,
      GATEWAY_PORT: 'notaport',
      DATA_DIR: path.join(dataDir, 'never-created'),
    });
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stderr).toMatch(/GATEWAY_PORT/);
    expect(hasLine(r.stdout, READY)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'never-created'))).toBe(false);
  }, 30_000);

  test.each([['nonsense'], ['']])(
    '`serve %j` exits 2 with the usage line',
    async (name) => {
      const r = await runToExit('bin/serve.ts', name ? [name] : [], { ...PORTS, DATA_DIR: dataDir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('usage: serve <gateway|tenants|agents|coaching|analytics|billing>');
    },
    30_000,
  );
});
