/**
 * A lean HTTP POST over node:http with a keep-alive agent: the load generator's client. Cheaper per
 * request than global fetch, which matters when the generator shares the machine's two cores.
 */
import http from 'node:http';

export interface PostTarget {
  url: URL;
  headers: Record<string, string>;
}

export interface PostResult {
  status: number;
  body: string;
}

/**
 * Keep-alive pool. `timeout` must be set: only then does Node's agent honour the server's
 * `Keep-Alive: timeout=5` hint and drop an idle socket a second before the server would — without it, a
 * socket reused just as the server closes it fails with ECONNRESET (seen between coaching bursts).
 */
export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: maxSockets,
    scheduling: 'fifo',
    timeout: 60_000,
  });
}

export function post(
  agent: http.Agent,
  target: PostTarget,
  body: string,
  timeoutMs = 30_000,
): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        method: 'POST',
        hostname: target.url.hostname,
        port: target.url.port,
        path: target.url.pathname,
        headers: {
          ...target.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A GraphQL answer without errors (cheap check: no JSON parse on the hot path). */
export function isCleanGraphQL(r: PostResult): boolean {
  return r.status === 200 && r.body.startsWith('{"data":') && !r.body.includes('"errors":');
}

export interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POST one operation and parse the answer (setup and mutations, not the throughput hot path). */
export async function gqlPost<T>(
  agent: http.Agent,
  target: PostTarget,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLBody<T> & { status: number }> {
  const r = await post(agent, target, JSON.stringify({ query, variables }));
  let parsed: GraphQLBody<T>;
  try {
    parsed = JSON.parse(r.body) as GraphQLBody<T>;
  } catch {
    parsed = { errors: [{ message: `HTTP ${r.status}: ${r.body.slice(0, 200)}` }] };
  }
  return { ...parsed, status: r.status };
}
