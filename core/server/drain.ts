/**
 * Draining an HTTP server on shutdown, the same way for the gateway and every subgraph server. Until
 * `start()` the wrapped listener only counts requests in flight. From `start()` on:
 *   - `GET /ready` answers 503 at once, so a load balancer stops routing here;
 *   - any other new request answers 503 `SHUTTING_DOWN` with `Retry-After` and `Connection: close` — except
 *     webhook paths (`/webhooks/…`), which answer 429 with `Retry-After`, since webhook senders such as
 *     GoHighLevel retry a 429 and drop a 503 delivery;
 *   - `/health` (liveness) keeps answering: a draining process is alive, and killing it would cut the drain;
 *   - responses of requests already in flight carry `Connection: close`, so clients reconnect elsewhere;
 *     idle keep-alive connections are closed too, but only once the event loop has read what already
 *     arrived on them (core/server/http-close.ts): closing one with a request unread in it resets that
 *     request (ECONNRESET at the client) — a request read by then is refused as above instead.
 * `settled(deadlineAt)` resolves when every request in flight has finished, or at the deadline with the
 * ones that had not (named by method, URL and age, for the shutdown log). A streamed response (SSE) is a
 * subscription, not a request: it is not waited for here (subscriptions end after the drain).
 */
import type http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { graphqlErrorBody, sendJson } from './http-util';
import { closeIdleConnections } from './http-close';

export const SHUTTING_DOWN = 'SHUTTING_DOWN';

export interface HttpDrainOptions {
  /** Seconds a refused client is told to wait before retrying elsewhere (default 5). */
  retryAfterSeconds?: number;
}

export interface InFlightRequest {
  method: string;
  url: string;
  /** ms since the request arrived. */
  ageMs: number;
}

interface Tracked {
  req: IncomingMessage;
  res: ServerResponse;
  startedAt: number;
}

const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?')[0] ?? '/';
const isStream = (res: ServerResponse) =>
  res.headersSent && String(res.getHeader('content-type') ?? '').includes('text/event-stream');

export class HttpDrain {
  private readonly inFlight = new Set<Tracked>();
  private readonly waiters = new Set<() => void>();
  private draining = false;
  private server?: http.Server;

  constructor(private readonly opts: HttpDrainOptions = {}) {}

  /** True once `start()` ran. */
  get isDraining(): boolean {
    return this.draining;
  }

  /** Requests in flight (streamed responses excluded). */
  get pending(): number {
    return this.requests().length;
  }

  /** The server whose idle keep-alive connections `start()` closes. */
  attach(server: http.Server): void {
    this.server = server;
  }

  /** Wraps a request listener: counts requests in flight, and refuses new ones once draining. */
  wrap(listener: http.RequestListener): http.RequestListener {
    return (req, res) => {
      if (this.draining && this.refuse(req, res)) return;
      const tracked: Tracked = { req, res, startedAt: Date.now() };
      this.inFlight.add(tracked);
      res.once('close', () => {
        this.inFlight.delete(tracked);
        this.notify();
      });
      listener(req, res);
    };
  }

  /** Stops taking requests (see the file comment). Idempotent. */
  start(): void {
    if (this.draining) return;
    this.draining = true;
    for (const t of this.inFlight) if (!t.res.headersSent) t.res.setHeader('connection', 'close');
    if (this.server) void closeIdleConnections(this.server);
    this.notify();
  }

  /** Resolves when no request is in flight, or at `deadlineAt` (epoch ms) with those still running. */
  async settled(deadlineAt: number): Promise<InFlightRequest[]> {
    await new Promise<void>((resolve) => {
      const done = () => {
        if (this.pending > 0 && Date.now() < deadlineAt) return;
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, deadlineAt - Date.now()));
      this.waiters.add(done);
      done();
    });
    const now = Date.now();
    return this.requests().map((t) => ({
      method: t.req.method ?? '',
      url: t.req.url ?? '/',
      ageMs: now - t.startedAt,
    }));
  }

  private requests(): Tracked[] {
    return [...this.inFlight].filter((t) => !isStream(t.res));
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Answers a request that arrived while draining; false for /health, which is still served. */
  private refuse(req: IncomingMessage, res: ServerResponse): boolean {
    const path = pathOf(req);
    if (path === '/health') return false;
    const retryAfter = String(this.opts.retryAfterSeconds ?? 5);
    if (path === '/ready') {
      sendJson(res, 503, { status: 'shutting down' }, { 'retry-after': retryAfter, connection: 'close' });
      return true;
    }
    const status = path.startsWith('/webhooks/') ? 429 : 503;
    req.resume(); // the body is not read: let it drain so the answer is not a reset
    sendJson(res, status, graphqlErrorBody('the server is shutting down; retry', SHUTTING_DOWN), {
      'retry-after': retryAfter,
      connection: 'close',
    });
    return true;
  }
}
