/**
 * The subgraph server factory: Apollo Server over plain node:http, with /health, /ready, /metrics,
 * context-token verification on every GraphQL request (SDL introspection for composition excepted),
 * a per-request tenant-scoped EntityManager and error masking at the boundary.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { parse, type GraphQLSchema, Kind, type DocumentNode } from 'graphql';
import type { Orm } from '../db/orm';
import { withTenantScope } from '../db/request-scope';
import { CONTEXT_HEADER, type ContextTokenCodec } from '../context-token';
import { DomainError, toGraphQLError, UnauthenticatedError } from '../errors';
import type { Logger } from '../logger';
import type { RequestContext } from '../request-context';
import { BodyTooLargeError, graphqlErrorBody, readBody, sendJson } from './http-util';
import { metrics } from '../metrics';
import type { SubgraphInstance } from './subgraph-module';
import { HttpDrain, type InFlightRequest } from './drain';
import { closeHttpServer } from './http-close';
import { listenOn } from './listen';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  orm: Orm;
  codec: ContextTokenCodec;
  logger: Logger;
  host?: string;
  port?: number;
  maxBodyBytes?: number;
  /** Extra routes (webhooks, internal endpoints), tried before GraphQL. Return true when handled. */
  routes?: RouteHandler[];
  /** Called with the HTTP server before it listens (e.g. to attach a WebSocket server). */
  onServer?: (server: http.Server) => void;
  /** The subgraph instance's runtime, given to every request as `ctx.runtime`. */
  runtime?: unknown;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  server: http.Server;
  apollo: ApolloServer<BaseContext>;
  /**
   * Stops taking requests (core/server/drain.ts: /ready 503, new requests 503 SHUTTING_DOWN, webhooks 429)
   * and resolves when those in flight finished, or at `deadlineAt` (epoch ms) with the ones still running.
   */
  drain(deadlineAt: number): Promise<InFlightRequest[]>;
  close(): Promise<void>;
}

const SDL_FIELDS = new Set(['_service', '__typename']);

/** Composition and the gateway fetch `{ _service { sdl } }` without a principal. */
export function isSdlOnly(doc: DocumentNode): boolean {
  return doc.definitions.every(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.operation === 'query' &&
      d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && SDL_FIELDS.has(s.name.value)),
  );
}

/**
 * `isSdlOnly` by query text, remembered for the last few hundred texts: partners send the same few
 * documents over and over, and parsing each one again only to learn it needs a principal was a few
 * percent of a subgraph page's CPU (Apollo parses it once more, from its own document cache).
 */
class SdlOnlyQueries {
  private readonly known = new Map<string, boolean>();
  constructor(private readonly max = 256) {}

  test(query: string): boolean {
    if (query === '') return false;
    const hit = this.known.get(query);
    if (hit !== undefined) return hit;
    let sdlOnly: boolean;
    try {
      sdlOnly = isSdlOnly(parse(query));
    } catch {
      sdlOnly = false; // let Apollo report the syntax error (after auth)
    }
    if (query.length > 16_384) return sdlOnly; // large documents are rare: not worth holding
    this.known.set(query, sdlOnly);
    if (this.known.size > this.max) this.known.delete(this.known.keys().next().value as string);
    return sdlOnly;
  }
}

const sdlOnlyQueries = new SdlOnlyQueries();

/** Idle keep-alive connections (Node's 5 s is shorter than the gateway's pool keeps them). */
const SUBGRAPH_KEEP_ALIVE_MS = 65_000;

const NO_BODY = Symbol('answered');

/** The request's JSON body, or NO_BODY once a 413 (too large) or 400 (malformed) has been sent. */
async function readJsonBody(req: IncomingMessage, res: ServerResponse, maxBody: number): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readBody(req, maxBody);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      sendJson(res, 413, graphqlErrorBody(err.message, 'PAYLOAD_TOO_LARGE'));
      return NO_BODY;
    }
    throw err;
  }
  try {
    return raw.length ? JSON.parse(raw.toString('utf8')) : {};
  } catch {
    sendJson(res, 400, graphqlErrorBody('malformed JSON body', 'BAD_REQUEST'));
    return NO_BODY;
  }
}

/** POST /graphql: the context token verified (SDL-only queries excepted), one tenant scope per request. */
function graphqlHandler(
  opts: SubgraphServerOptions,
  apollo: ApolloServer<BaseContext>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { logger } = opts;
  const maxBody = opts.maxBodyBytes ?? 1_000_000;
  return async function handleGraphql(req, res) {
    const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    const endTimer = metrics.requestDuration.startTimer({ service: opts.name });
    const body = await readJsonBody(req, res, maxBody);
    if (body === NO_BODY) return;
    const query =
      typeof (body as { query?: unknown }).query === 'string' ? (body as { query: string }).query : '';
    const sdlOnly = sdlOnlyQueries.test(query);
    let principal;
    if (!sdlOnly) {
      try {
        principal = await opts.codec.verify(req.headers[CONTEXT_HEADER] as string | undefined);
      } catch (err) {
        const msg = err instanceof DomainError ? err.message : 'invalid platform context';
        sendJson(res, 401, graphqlErrorBody(msg, new UnauthenticatedError().code));
        return;
      }
    }
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string') headers.set(k, v);
      else if (Array.isArray(v)) headers.set(k, v.join(', '));
    }
    headers.set('content-type', 'application/json');
    // the query string as is: a path such as `///` or `//%ff` is no URL, and must not turn into a 500
    const raw = req.url ?? '/';
    const search = raw.includes('?') ? raw.slice(raw.indexOf('?')) : '';
    const run = async (ctx: RequestContext | BaseContext) => {
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'POST', headers, search, body },
        context: async () => ctx,
      });
      let text = '';
      if (result.body.kind === 'complete') text = result.body.string;
      else for await (const chunk of result.body.asyncIterator) text += chunk;
      return { result, text };
    };
    const child = logger.child({ requestId, subgraph: opts.name });
    const out = principal
      ? await withTenantScope(opts.orm, principal.tenantId, (em) =>
          run({
            principal,
            em,
            requestId,
            logger: child,
            loaders: new Map(),
            runtime: opts.runtime,
          } satisfies RequestContext),
        )
      : await run({});
    const outHeaders: Record<string, string> = {};
    for (const [k, v] of out.result.headers) outHeaders[k] = v;
    res.writeHead(out.result.status ?? 200, outHeaders);
    res.end(out.text);
    endTimer();
    metrics.requests.inc({ service: opts.name, outcome: (out.result.status ?? 200) < 400 ? 'ok' : 'error' });
  };
}

export async function startSubgraphServer(opts: SubgraphServerOptions): Promise<RunningSubgraph> {
  const { logger } = opts;
  const apollo = new ApolloServer<BaseContext>({
    schema: opts.schema,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false,
    introspection: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    // the process owns SIGTERM/SIGINT (core/server/drain-signals.ts): Apollo's own handler stopped the
    // server and re-sent the signal, so shutdown ran twice and the process exited before work drained
    stopOnTerminationSignals: false,
    formatError: (_formatted, error) =>
      toGraphQLError(error, (err) => logger.error({ err }, 'unexpected error')).toJSON(),
  });
  await apollo.start();

  const handleGraphql = graphqlHandler(opts, apollo);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health')
      return sendJson(res, 200, { status: 'ok', service: opts.name });
    if (req.method === 'GET' && path === '/ready') {
      try {
        await opts.orm.em.fork().getConnection().execute('select 1');
        return sendJson(res, 200, { status: 'ready', service: opts.name });
      } catch {
        return sendJson(res, 503, { status: 'unavailable', service: opts.name });
      }
    }
    if (req.method === 'GET' && path === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
      return;
    }
    for (const route of opts.routes ?? []) if (await route(req, res)) return;
    if (path === '/graphql' && req.method === 'POST') return handleGraphql(req, res);
    sendJson(res, 404, { error: 'not found' });
  }

  const drain = new HttpDrain();
  // idle keep-alive connections outlive the gateway's pooled fetch (it drops them 1 s before the server's
  // hint): at Node's 5 s, a connection reused as the subgraph closed it failed the call as UPSTREAM_UNAVAILABLE
  // (and a proxied webhook as 429) on a loaded machine
  const server = http.createServer(
    { keepAliveTimeout: SUBGRAPH_KEEP_ALIVE_MS },
    drain.wrap((req, res) => {
      handle(req, res).catch((err: unknown) => {
        logger.error({ err }, 'request failed');
        if (!res.headersSent)
          sendJson(res, 500, graphqlErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
        else res.end();
      });
    }),
  );
  drain.attach(server);
  try {
    await listenOn(server, { name: opts.name, host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  } catch (err) {
    await apollo.stop();
    throw err;
  }
  // after listening: a WebSocket server attached earlier re-emits a listen error as its own (and keeps the
  // process up, not listening)
  opts.onServer?.(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}/graphql`;
  logger.info({ url }, `${opts.name} subgraph listening`);
  return {
    name: opts.name,
    url,
    port,
    server,
    apollo,
    drain(deadlineAt) {
      drain.start();
      return drain.settled(deadlineAt);
    },
    async close() {
      await closeHttpServer(server);
      await apollo.stop();
    },
  };
}

/** Serves a subgraph instance: its schema, its runtime (as every request's `ctx.runtime`), routes and `onServer`. */
export function serveInstance(
  instance: SubgraphInstance,
  opts: Omit<SubgraphServerOptions, 'schema' | 'runtime' | 'routes' | 'onServer'>,
): Promise<RunningSubgraph> {
  return startSubgraphServer({
    ...opts,
    schema: instance.schema,
    runtime: instance.runtime,
    routes: instance.routes,
    onServer: instance.onServer ? (server) => instance.onServer?.(server) : undefined,
  });
}
