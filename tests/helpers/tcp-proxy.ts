/**
 * A TCP proxy on loopback in front of a real server (Redis), that a test can take "down" and bring back
 * without touching the server other tests use. Down comes in two kinds a client meets in production:
 * - `refuse`: every open connection is cut and new ones are closed at once (the server process is gone);
 * - `hang`: connections stay open but nothing is forwarded either way (a network partition, a stuck host) —
 *   only client-side timeouts notice.
 * The listening port stays the same across down and up, so clients reconnect to it by themselves.
 */
import net from 'node:net';

export type ProxyState = 'up' | 'refuse' | 'hang';

export interface TcpProxy {
  /** `redis://127.0.0.1:<port>` style address of the proxy (scheme and path of the target kept). */
  url: string;
  port: number;
  state: ProxyState;
  /** Takes the target away (`refuse` by default); see the file comment. */
  down(kind?: Exclude<ProxyState, 'up'>): void;
  /** Forwards new connections again (connections from while it was down stay cut). */
  up(): void;
  /** Hung connections whose client has not closed them yet. */
  readonly hungOpen: number;
  /** Resolves once every hung connection has been closed by its client (e.g. a client-side timeout). */
  hungClosed(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  server?: net.Socket;
}

/** Starts a proxy to `targetUrl` (e.g. REDIS_URL) on 127.0.0.1, port chosen by the OS. */
export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 6379);
  const pairs = new Set<Pair>();
  let state: ProxyState = 'up';

  /** Connections that hang (accepted while hanging, or open when the hang began): cut when it ends. */
  const hung = new Set<Pair>();
  let onHungClose: (() => void)[] = [];
  const hungGone = (p: Pair) => {
    hung.delete(p);
    if (hung.size > 0) return;
    const waiting = onHungClose;
    onHungClose = [];
    for (const resolve of waiting) resolve();
  };
  const cut = (p: Pair) => {
    p.client.destroy();
    p.server?.destroy();
    pairs.delete(p);
    hung.delete(p);
  };
  const server = net.createServer((client) => {
    client.on('error', () => undefined);
    if (state === 'refuse') return void client.destroy();
    if (state === 'hang') {
      const p: Pair = { client };
      hung.add(p);
      client.on('close', () => hungGone(p));
      return void client.resume(); // accepted, never answered
    }
    const upstream = net.connect(targetPort, target.hostname);
    const pair: Pair = { client, server: upstream };
    pairs.add(pair);
    upstream.on('error', () => cut(pair));
    client.on('close', () => cut(pair));
    upstream.on('close', () => cut(pair));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  const proxy: TcpProxy = {
    url: url.toString(),
    port,
    get state() {
      return state;
    },
    down(kind = 'refuse') {
      state = kind;
      for (const p of [...pairs]) {
        if (kind === 'refuse') cut(p);
        else if (!hung.has(p)) {
          p.client.unpipe(p.server);
          p.server?.unpipe(p.client);
          p.client.resume(); // swallow what the client sends; answer nothing
          hung.add(p);
          p.client.on('close', () => hungGone(p));
        }
      }
    },
    get hungOpen() {
      return hung.size;
    },
    hungClosed() {
      return hung.size === 0 ? Promise.resolve() : new Promise((resolve) => onHungClose.push(resolve));
    },
    up() {
      state = 'up';
      for (const p of [...hung]) cut(p); // a client waiting on a hung socket reconnects at once
    },
    async close() {
      for (const p of [...pairs, ...hung]) cut(p);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
