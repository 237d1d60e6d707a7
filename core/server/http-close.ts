/**
 * Closing a node:http server's connections on shutdown (core/server/drain.ts) without resetting a request
 * a client has already sent. Destroying a connection whose request is still unread in its socket makes the
 * kernel answer with a reset (ECONNRESET at the client): the request is lost without an answer. Requests
 * wait unread in two places while the event loop is busy: idle keep-alive connections (their next request)
 * and the listen backlog (new connections: Node accepts one per event-loop turn). Node's
 * `closeIdleConnections()` — which Node 20's `server.close()` also runs — destroys every keep-alive
 * connection between requests, unread request or not; `server.close()` resets the connections still in the
 * backlog; `closeAllConnections()` destroys everything. A burst of 50 requests written just before SIGTERM
 * (25 on idle keep-alive connections, 25 on new ones) saw 21–23 of the new ones reset. So:
 *   - when the drain starts, idle keep-alive connections are closed only after the loop has read what
 *     arrived on them (a request read is refused: 503 SHUTTING_DOWN, `Connection: close`);
 *   - when the server closes: (1) the loop turns until it accepts no new connection, so the backlog is
 *     accepted and each request read and refused the same way (its connection then closes by itself);
 *     (2) `server.close()`: no new connections, and the idle ones are closed; (3) what is still open (a
 *     request still being sent, a connection that sent nothing yet, a request the drain abandoned at its
 *     deadline) gets `graceMs` to finish, then is cut.
 */
import type http from 'node:http';

/** Turns without a new connection that end step 1 (its bytes are read on the next turn; one more for margin). */
const QUIET_TURNS = 3;

/** Time the connections still open when the server closes get to finish before they are cut. */
export const CLOSE_CONNECTIONS_GRACE_MS = 1_000;

const loopTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Turns the event loop until it accepts no new connection for `QUIET_TURNS` turns, at most `maxMs`. Node
 * accepts one connection per turn (a backlog of 25 takes 25 turns), and reads a new connection's bytes on
 * the turn after; a setImmediate callback runs after each turn's poll for I/O.
 */
export async function acceptBacklog(server: http.Server, maxMs: number): Promise<void> {
  let accepted = 0;
  const onConnection = () => accepted++;
  server.on('connection', onConnection);
  const until = Date.now() + maxMs;
  try {
    for (let quiet = 0; quiet < QUIET_TURNS && Date.now() < until;) {
      const before = accepted;
      await loopTurn();
      quiet = accepted === before ? quiet + 1 : 0;
    }
  } finally {
    server.off('connection', onConnection);
  }
}

/**
 * Closes the keep-alive connections that are idle — between requests — once the loop has read what had
 * arrived on them (a request read by then makes its connection busy, and it is answered instead).
 */
export async function closeIdleConnections(server: http.Server): Promise<void> {
  for (let i = 0; i < QUIET_TURNS; i++) await loopTurn();
  server.closeIdleConnections();
}

/** Steps 1–3 of the file comment ("when the server closes"). Resolves once the server has closed. */
export async function closeHttpServer(server: http.Server, opts: { graceMs?: number } = {}): Promise<void> {
  const graceMs = opts.graceMs ?? CLOSE_CONNECTIONS_GRACE_MS;
  if (server.listening) await acceptBacklog(server, graceMs);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const cut = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(cut);
}
