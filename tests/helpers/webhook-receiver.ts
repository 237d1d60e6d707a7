/**
 * A real HTTP receiver on loopback for outbound-webhook tests: records every request (raw body, headers,
 * arrival time) per path, answers each path from a script of status codes (then 200), and lets a test
 * wait for the n-th request on a path — resolved by the arrival itself, no polling.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  json: Record<string, unknown>;
  at: number;
  /** The status the receiver answered. */
  answered: number;
}

export interface WebhookReceiver {
  url(path: string): string;
  /** The statuses to answer on `path`, in order; 200 once they are used up. */
  script(path: string, statuses: number[]): void;
  received(path: string): ReceivedRequest[];
  /** Resolves with the first `n` requests on `path` once they arrived (rejects after `timeoutMs`). */
  waitFor(path: string, n: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const byPath = new Map<string, ReceivedRequest[]>();
  const scripts = new Map<string, number[]>();
  const waiters: { path: string; n: number; resolve: (r: ReceivedRequest[]) => void }[] = [];
  const list = (path: string) => byPath.get(path) ?? byPath.set(path, []).get(path)!;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      const status = scripts.get(path)?.shift() ?? 200;
      const raw = Buffer.concat(chunks);
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        /* recorded as is */
      }
      list(path).push({ path, headers: req.headers, raw, json, at: Date.now(), answered: status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'fail');
      for (const w of [...waiters]) {
        if (w.path === path && list(path).length >= w.n) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(list(path).slice(0, w.n));
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    script: (path, statuses) => void scripts.set(path, [...statuses]),
    received: (path) => [...list(path)],
    waitFor(path, n, timeoutMs = 15_000) {
      if (list(path).length >= n) return Promise.resolve(list(path).slice(0, n));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${path}: ${list(path).length} of ${n} requests after ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          path,
          n,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
