/**
 * The drain never resets a request a client has already written (core/server/http-close.ts, drain.ts), on
 * a node:http server in this process, with raw sockets so the bytes are in the kernel before the server
 * reads them:
 *   - idle keep-alive connections with their next request written but not yet read when the drain starts:
 *     each request is answered 503 SHUTTING_DOWN (before: `closeIdleConnections()` at drain start reset
 *     10 of 10);
 *   - new connections still in the listen backlog (Node accepts one per event-loop turn), each with its
 *     request written, when the server closes: each is answered 503 SHUTTING_DOWN (before: the listener
 *     closed with them in the backlog, and they were reset).
 * No sleeps: every wait is on a socket event.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { HttpDrain } from '../../../core/server/drain';
import { closeHttpServer } from '../../../core/server/http-close';

const REQUEST =
  'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}';

interface Server {
  server: http.Server;
  drain: HttpDrain;
  port: number;
}

async function startServer(): Promise<Server> {
  const drain = new HttpDrain();
  const server = http.createServer(
    drain.wrap((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}'));
    }),
  );
  drain.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, drain, port: (server.address() as AddressInfo).port };
}

/** A raw client connection: everything it received, and how it ended (its error code, or 'closed'). */
interface RawClient {
  socket: net.Socket;
  received(): string;
  ended: Promise<string>;
}

function rawClient(port: number): RawClient {
  const socket = net.connect(port, '127.0.0.1');
  let data = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
  const ended = new Promise<string>((resolve) => {
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    socket.on('close', () => resolve('closed'));
  });
  return { socket, received: () => data, ended };
}

/** The statuses (and SHUTTING_DOWN) of the responses a raw client received, e.g. ['200', '503 SHUTTING_DOWN']. */
function statuses(text: string): string[] {
  return text
    .split('HTTP/1.1 ')
    .slice(1)
    .map((r) => (r.includes('SHUTTING_DOWN') ? `${r.slice(0, 3)} SHUTTING_DOWN` : r.slice(0, 3)));
}

/** One word per client: its responses, or the error it ended with. */
function outcome(ended: string, received: string): string {
  return ended === 'closed' ? statuses(received).join(' + ') : ended;
}

function tally(outcomes: string[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const o of outcomes) t[o] = (t[o] ?? 0) + 1;
  return t;
}

describe('closing a draining HTTP server resets no request already written', () => {
  let s: Server;
  const clients: RawClient[] = [];

  beforeEach(async () => {
    s = await startServer();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.socket.destroy();
    s.server.closeAllConnections();
    await new Promise((resolve) => s.server.close(resolve));
  });

  test('a request unread on an idle keep-alive connection when the drain starts: 503, not a reset', async () => {
    const N = 10;
    for (let i = 0; i < N; i++) clients.push(rawClient(s.port));
    // a first request on each, answered: the connections are now idle keep-alive ones
    await Promise.all(
      clients.map(
        (c) =>
          new Promise<void>((resolve) => {
            const check = () => {
              if (statuses(c.received()).length === 1) {
                c.socket.off('data', check);
                resolve();
              }
            };
            c.socket.on('data', check);
            c.socket.write(REQUEST);
          }),
      ),
    );
    expect(clients.map((c) => statuses(c.received()))).toEqual(clients.map(() => ['200']));

    // the next request goes out on each; the server has not read them when the drain starts (same tick)
    for (const c of clients) c.socket.write(REQUEST);
    s.drain.start();

    const outcomes = await Promise.all(clients.map(async (c) => outcome(await c.ended, c.received())));
    expect(tally(outcomes)).toEqual({ '200 + 503 SHUTTING_DOWN': N });
  });

  test('requests waiting in the listen backlog when the server closes: each answered 503, not a reset', async () => {
    const N = 25;
    s.drain.start();
    // N connections with a request each: the kernel completes them at once, while this loop (the server's)
    // accepts one per turn — most are still in the backlog when every client has connected
    for (let i = 0; i < N; i++) clients.push(rawClient(s.port));
    for (const c of clients) c.socket.write(REQUEST);
    await Promise.all(clients.map((c) => new Promise((resolve) => c.socket.once('connect', resolve))));

    await closeHttpServer(s.server);
    const outcomes = await Promise.all(clients.map(async (c) => outcome(await c.ended, c.received())));
    expect(tally(outcomes)).toEqual({ '503 SHUTTING_DOWN': N });
  });
});
