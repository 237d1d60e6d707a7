/**
 * A small federated graph that is not ours: two tiny Apollo subgraphs on port 0 (`catalog` owns an
 * interface `Item` and a union `SearchResult` over the entities `Listing` and `Agent`; `insights` adds
 * fields to both entities and a root field), composed offline like bin/compose.ts, and the real gateway
 * over it. Every resolver counts its calls per request tag (the tag is part of each entity id), so tests
 * running many requests at once can tell exactly which subgraph fields each request made the gateway call.
 * No `tenants` subgraph: the gateway runs with bearer tokens only, or resolves API keys through a
 * credential service it is given (any service implementing core/credential-service.ts).
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { signAccessToken } from '../../core/access-token';
import { CONTEXT_HEADER, ContextTokenCodec } from '../../core/context-token';
import { createLogger } from '../../core/logger';
import type { Principal } from '../../core/principal';
import type { CredentialServiceOptions } from '../../gateway/credential-service-client';
import { startGateway, type RunningGateway } from '../../gateway/gateway';
import type { TenantRateLimiter } from '../../gateway/plugins/use-rate-limit';
import { TEST_CONTEXT_SECRET, TEST_JWT_SECRET } from './subgraph-harness';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

const CATALOG_SDL = `${LINK}
interface Item { id: ID! title: String! }
type Listing implements Item @key(fields: "id") { id: ID! title: String! }
type Agent implements Item @key(fields: "id") { id: ID! title: String! }
union SearchResult = Listing | Agent
type Query {
  items(tag: String!): [Item!]!
  search(tag: String!): [SearchResult!]!
  "The caller as the subgraph sees it (tenant/subject from the forwarded context token)."
  whoami: String!
}`;

const INSIGHTS_SDL = `${LINK}
type Listing @key(fields: "id") { id: ID! score: Int! }
type Agent @key(fields: "id") { id: ID! rating: Int! }
type Query { insightsPing(tag: String!): String! }`;

/** Each tag's records: two listings and one agent. */
export const LISTINGS_PER_TAG = 2;
export const AGENTS_PER_TAG = 1;
const records = (tag: string) => [
  { __typename: 'Listing', id: `${tag}:L1`, title: 'Maple St' },
  { __typename: 'Agent', id: `${tag}:A1`, title: 'Dana' },
  { __typename: 'Listing', id: `${tag}:L2`, title: 'Oak Ave' },
];
const tagOf = (id: string) => id.slice(0, id.lastIndexOf(':'));
export const scoreOf = (id: string) => id.length * 7;
export const ratingOf = (id: string) => id.length * 3;

/**
 * Resolver calls per tag: `Type.field` → count (`Type.__resolveReference` for entity fetches), and
 * `<subgraph> requests` → how many upstream requests (distinct request contexts) touched the tag.
 */
export class CallLog {
  private readonly byTag = new Map<string, Record<string, number>>();
  private readonly contexts = new Map<string, WeakSet<object>>();
  hit(tag: string, what: string, subgraph: string, ctx: object): void {
    const calls = this.byTag.get(tag) ?? {};
    calls[what] = (calls[what] ?? 0) + 1;
    const key = `${subgraph} requests`;
    const seen = this.contexts.get(`${tag} ${key}`) ?? new WeakSet<object>();
    if (!seen.has(ctx)) calls[key] = (calls[key] ?? 0) + 1;
    seen.add(ctx);
    this.contexts.set(`${tag} ${key}`, seen);
    this.byTag.set(tag, calls);
  }
  of(tag: string): Record<string, number> {
    return { ...(this.byTag.get(tag) ?? {}) };
  }
}

type Ref = { id: string };
type Ctx = { contextToken?: string };
type Args = { tag: string };

function catalogResolvers(calls: CallLog, codec: ContextTokenCodec) {
  const hit = (tag: string, what: string, ctx: Ctx) => calls.hit(tag, what, 'catalog', ctx);
  const title = (type: string) => (r: Ref & { title: string }, _: unknown, ctx: Ctx) => {
    hit(tagOf(r.id), `${type}.title`, ctx);
    return r.title;
  };
  const byId = (type: string) => (ref: Ref, ctx: Ctx) => {
    hit(tagOf(ref.id), `${type}.__resolveReference`, ctx);
    return records(tagOf(ref.id)).find((r) => r.id === ref.id);
  };
  return {
    Query: {
      items: (_: unknown, { tag }: Args, ctx: Ctx) => (hit(tag, 'Query.items', ctx), records(tag)),
      search: (_: unknown, { tag }: Args, ctx: Ctx) => (hit(tag, 'Query.search', ctx), records(tag)),
      whoami: async (_: unknown, __: unknown, ctx: Ctx) => {
        const p = await codec.verify(ctx.contextToken ?? '');
        return `${p.tenantId}/${p.subject}`;
      },
    },
    Item: { __resolveType: (r: { __typename: string }) => r.__typename },
    SearchResult: { __resolveType: (r: { __typename: string }) => r.__typename },
    Listing: { title: title('Listing'), __resolveReference: byId('Listing') },
    Agent: { title: title('Agent'), __resolveReference: byId('Agent') },
  };
}

function insightsResolvers(calls: CallLog) {
  const hit = (tag: string, what: string, ctx: Ctx) => calls.hit(tag, what, 'insights', ctx);
  const ref = (type: string) => (r: Ref, ctx: Ctx) => (
    hit(tagOf(r.id), `${type}.__resolveReference`, ctx),
    r
  );
  return {
    Query: {
      insightsPing: (_: unknown, { tag }: Args, ctx: Ctx) => (hit(tag, 'Query.insightsPing', ctx), 'pong'),
    },
    Listing: {
      __resolveReference: ref('Listing'),
      score: (r: Ref, _: unknown, ctx: Ctx) => (hit(tagOf(r.id), 'Listing.score', ctx), scoreOf(r.id)),
    },
    Agent: {
      __resolveReference: ref('Agent'),
      rating: (r: Ref, _: unknown, ctx: Ctx) => (hit(tagOf(r.id), 'Agent.rating', ctx), ratingOf(r.id)),
    },
  };
}

async function serve(sdl: string, resolvers: object): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer<{ contextToken?: string }>({
    schema: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const token = req.headers[CONTEXT_HEADER];
      return { contextToken: typeof token === 'string' ? token : undefined };
    },
  });
  return { url, stop: () => server.stop() };
}

const JWT = { secret: TEST_JWT_SECRET, issuer: 'tiny-test', audience: 'tiny-test' };

export interface TinyGraph {
  gateway: RunningGateway;
  calls: CallLog;
  /** A bearer token for this principal, accepted by the gateway. */
  bearer(principal: Principal): Promise<string>;
  close(): Promise<void>;
}

/** What a test may change of the gateway: its per-tenant rate (default 100,000 a minute, in memory). */
export interface TinyGatewayOptions {
  ratePerMinute?: number;
  rateLimiter?: TenantRateLimiter;
}

/** The two subgraphs, composed, behind the real gateway with the given planner (and credential service). */
export async function startTinyGraph(
  queryPlanner: 'rust' | 'js',
  credentialService?: CredentialServiceOptions,
  options: TinyGatewayOptions = {},
): Promise<TinyGraph> {
  const calls = new CallLog();
  const codec = new ContextTokenCodec(TEST_CONTEXT_SECRET);
  const catalog = await serve(CATALOG_SDL, catalogResolvers(calls, codec));
  const insights = await serve(INSIGHTS_SDL, insightsResolvers(calls));
  const stopSubgraphs = async () => {
    await catalog.stop();
    await insights.stop();
  };
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      supergraph: composeTiny(catalog.url, insights.url),
      queryPlanner,
      logger: createLogger({ level: 'silent', name: 'tiny-gateway' }),
      contextSecret: TEST_CONTEXT_SECRET,
      jwt: JWT,
      credentialService,
      limits: {
        maxTokens: 2000,
        maxDepth: 10,
        maxAliases: 30,
        maxDirectives: 50,
        maxBodyBytes: 100_000,
        ratePerMinute: options.ratePerMinute ?? 100_000,
      },
      rateLimiter: options.rateLimiter,
    });
  } catch (err) {
    await stopSubgraphs();
    throw err;
  }
  return {
    gateway,
    calls,
    bearer: (principal) => signAccessToken(JWT, principal, 300),
    async close() {
      await gateway.close();
      await stopSubgraphs();
    },
  };
}

function composeTiny(catalogUrl: string, insightsUrl: string): string {
  const composed = composeServices([
    { name: 'catalog', typeDefs: parse(CATALOG_SDL), url: catalogUrl },
    { name: 'insights', typeDefs: parse(INSIGHTS_SDL), url: insightsUrl },
  ]);
  if (composed.errors?.length) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return (composed as { supergraphSdl: string }).supergraphSdl;
}
