/**
 * SIGTERM on a subgraph service of the distributed mode (`bin/serve.ts coaching`, SQLite): the process owns
 * the signal (Apollo Server's own handler no longer stops the server and re-sends the signal), drains its
 * requests, webhook inbox, outbox relay and consumers once, and exits 0 with "drained" in its log — one
 * drain, not two. The gateway's side is tests/integration/sigterm-drain.test.ts; queued work surviving a
 * SIGTERM is tests/integration/sigterm-drain-webhooks.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runToExit, spawnTs } from '../e2e/process';

describe('SIGTERM drains a subgraph service process (bin/serve.ts coaching)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigterm-drain-services-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('exit 0 after one drain, with the log saying so', async () => {
    const env = { DATA_DIR: dir, LOG_LEVEL: 'info', COACHING_PORT: '0' };
    const migrated = await runToExit('bin/migrate.ts', [], env, 60_000);
    expect(migrated.code).toBe(0);

    const p = spawnTs('bin/serve.ts', ['coaching'], env);
    try {
      const url = (await p.waitFor(/"url":"(http:[^"]+)"[^\n]*coaching subgraph listening/, 60_000))[1]!;
      await p.waitFor(/"msg":"serving"/, 10_000);
      expect((await fetch(new URL('/ready', url))).status).toBe(200);

      p.child.kill('SIGTERM');
      expect(await p.exited(20_000)).toEqual({ code: 0, signal: null });
      const out = p.stdout();
      expect(out.match(/"msg":"shutting down: draining"/g)).toHaveLength(1);
      expect(out.match(/"msg":"drained: everything in flight finished"/g)).toHaveLength(1);
    } finally {
      await p.kill();
    }
  }, 120_000);
});
