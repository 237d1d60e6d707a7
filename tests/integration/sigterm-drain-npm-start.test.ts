/**
 * SIGTERM sent to `npm start` itself — what a process manager signals — drains the platform, as SIGTERM to
 * `bin/start.ts` does: the real `npm start` (with `--ignore-scripts`, which skips only the `prestart` web
 * build: npm still runs the `start` script through its shell), every port 0, a fresh DATA_DIR. A request is
 * in flight when npm gets the signal (its headers read — the server sent `100 Continue` — its body not yet
 * sent); it must complete with its data after the drain began, npm must exit with the platform's own code
 * (0 when everything drained, 1 when the drain abandoned the request), and no process npm started may
 * remain. Before, npm forwarded the signal to the `sh -c` running the script, sh died without passing it
 * on, npm exited 143 at once, and the platform's node process — never signalled — kept running, orphaned.
 * Linux only (the process tree is read from /proc). Waits are on events (log lines, `100 Continue`, exits).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { cleanEnv, spawnProcess, type SpawnedProcess } from '../e2e/process';

const READY = /^Coaching platform ready: (\S+)/m;
const DRAINING = /"msg":"shutting down: draining"/;
const QUERY = JSON.stringify({ query: '{ agents(first: 3) { totalCount } }' });
const PORTS = {
  GATEWAY_PORT: '0',
  TENANTS_PORT: '0',
  AGENTS_PORT: '0',
  COACHING_PORT: '0',
  ANALYTICS_PORT: '0',
  BILLING_PORT: '0',
};

/** Every process descended from `pid`, read from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** True while `pid` is a process that has not exited (a zombie has exited). */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** A POST whose headers are sent and whose body waits for `send()`; `accepted` resolves on 100 Continue. */
function heldRequest(url: string, apiKey: string) {
  const req = http.request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(QUERY),
      'x-api-key': apiKey,
      expect: '100-continue',
    },
  });
  const accepted = new Promise<void>((resolve) => req.once('continue', resolve));
  const answer = new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
  });
  req.flushHeaders();
  return { accepted, answer, send: () => req.end(QUERY) };
}

const linux = process.platform === 'linux' ? describe : describe.skip;

linux('SIGTERM to `npm start` drains the platform and exits with its code', () => {
  let dir: string;
  let npm: SpawnedProcess | undefined;
  let tree: number[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigterm-npm-start-'));
  });

  afterEach(async () => {
    for (const pid of tree.filter(running)) process.kill(pid, 'SIGKILL');
    await npm?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function npmStart(env: Record<string, string>) {
    // the runner's npm_* variables (npm test's own) are not a partner's shell
    const clean = Object.fromEntries(
      Object.entries(cleanEnv({ ...PORTS, DATA_DIR: dir, LOG_LEVEL: 'info', ...env })).filter(
        ([k]) => !/^npm_/i.test(k),
      ),
    );
    npm = spawnProcess('npm', ['start', '--ignore-scripts'], clean, 'npm start');
    const url = (await npm.waitFor(READY, 120_000))[1]!;
    const creds = JSON.parse(fs.readFileSync(path.join(dir, 'demo-credentials.json'), 'utf8')) as {
      tenants: { apiKey: string }[];
    };
    tree = descendants(npm.child.pid!);
    expect(tree.length).toBeGreaterThan(0);
    // npm's own exit ('exit', not the 'close' `exited` waits for: an orphan would hold the output pipe open)
    const npmExited = new Promise<never>((_, reject) =>
      npm!.child.once('exit', (code, signal) =>
        reject(new Error(`npm exited (${code ?? signal}) before the platform began draining`)),
      ),
    );
    npmExited.catch(() => undefined);
    const signalled = async () => {
      npm!.child.kill('SIGTERM');
      await Promise.race([npm!.waitFor(DRAINING, 30_000), npmExited]);
    };
    return { npm, url, apiKey: creds.tenants[0]!.apiKey, signalled };
  }

  test('a request in flight completes; npm exits 0; no process remains', async () => {
    const { npm, url, apiKey, signalled } = await npmStart({});
    const held = heldRequest(url, apiKey);
    await held.accepted;

    await signalled();
    held.send();
    const answer = await held.answer;
    expect(answer).toMatchObject({ status: 200 });
    expect(JSON.parse((answer as { body: string }).body)).toMatchObject({
      data: { agents: { totalCount: expect.any(Number) } },
    });

    expect(await npm.exited(30_000)).toEqual({ code: 0, signal: null });
    expect(npm.stdout()).toMatch(/drained: everything in flight finished/);
    expect(tree.filter(running)).toEqual([]);
  }, 180_000);

  test('a request that outlives SHUTDOWN_DRAIN_MS: npm exits 1; no process remains', async () => {
    const { npm, url, apiKey, signalled } = await npmStart({ SHUTDOWN_DRAIN_MS: '1000' });
    const held = heldRequest(url, apiKey);
    await held.accepted;

    await signalled();
    expect(await npm.exited(30_000)).toEqual({ code: 1, signal: null });
    expect(npm.stdout()).toMatch(/shutdown deadline passed: abandoned 1: gateway: POST \/graphql/);
    expect(await held.answer).not.toMatchObject({ status: 200 });
    expect(tree.filter(running)).toEqual([]);
  }, 180_000);
});
