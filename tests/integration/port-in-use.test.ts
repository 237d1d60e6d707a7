/**
 * A service started on a port another process holds (`bin/serve.ts <service>`, the distributed mode): it
 * exits 1 with one line on stderr naming the service, host:port and EADDRINUSE, as any start failure does.
 * Before: coaching and analytics (a WebSocket server attached to the HTTP server re-emitted the error and
 * logged it) kept running without listening and never exited; agents, tenants and billing exited 1 with a
 * raw "Unhandled 'error' event" stack; the gateway logged "WebSocket server error".
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runToExit, spawnTs } from '../e2e/process';

const SERVICES = ['gateway', 'tenants', 'agents', 'coaching', 'analytics', 'billing'] as const;

describe('a service whose port is taken exits 1 with one line (bin/serve.ts)', () => {
  let dir: string;
  let holder: net.Server;
  let port: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-in-use-'));
    expect((await runToExit('bin/migrate.ts', [], { DATA_DIR: dir }, 60_000)).code).toBe(0);
    holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    port = (holder.address() as net.AddressInfo).port;
  }, 90_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => holder?.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each(SERVICES)(
    '%s: exit 1, "failed to start: <service> cannot listen on 127.0.0.1:<port>: EADDRINUSE"',
    async (service) => {
      const env = { DATA_DIR: dir, LOG_LEVEL: 'warn', [`${service.toUpperCase()}_PORT`]: String(port) };
      const p = spawnTs('bin/serve.ts', [service], env);
      try {
        expect(await p.exited(60_000)).toEqual({ code: 1, signal: null });
        const lines = p.stderr().trim().split('\n');
        expect(lines).toEqual([
          `failed to start: ${service} cannot listen on 127.0.0.1:${port}: EADDRINUSE (address already in use)`,
        ]);
        expect(p.stdout()).not.toMatch(/WebSocket server|Unhandled 'error' event/);
      } finally {
        await p.kill();
      }
    },
    90_000,
  );
});
