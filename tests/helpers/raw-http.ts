/**
 * HTTP below fetch, for inputs fetch refuses or normalises: any method (TRACE, CONNECT, PROPFIND) and
 * bytes written straight to a socket (a half-sent body, a malformed request line).
 */
import http from 'node:http';
import net from 'node:net';

export interface RawAnswer {
  /** The HTTP status, or 0 when the server closed the connection without answering. */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request through node:http with any method; the body is read whole. */
export function httpRequest(
  url: string,
  opts: { method: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method: opts.method, path: opts.path ?? u.pathname + u.search },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    for (const [k, v] of Object.entries(opts.headers ?? {})) req.setHeader(k, v);
    req.end(opts.body);
  });
}

/**
 * Writes `bytes` to a fresh connection and resolves on the socket's 'close' with what came back (status 0
 * if nothing did) and how long the server kept the connection open.
 */
export function rawExchange(port: number, bytes: string | Buffer): Promise<RawAnswer & { openMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () =>
      resolve({ ...parseRaw(Buffer.concat(chunks).toString()), openMs: Date.now() - started }),
    );
  });
}

/** Status line, headers and (undecoded) body of a raw HTTP/1.1 answer. */
export function parseRaw(text: string): RawAnswer {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: http.IncomingHttpHeaders = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status, headers, body: rest.join('\r\n\r\n') };
}
