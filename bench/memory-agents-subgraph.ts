/**
 * The baseline of bench/agents-page.ts: a type-graphql subgraph of the same schema shape as the agents
 * subgraph's `agents` page (Agent @key, Location @key, AgentConnection with edges, pageInfo and totalCount,
 * the same filter argument) whose resolver has the same shape — access check, page parsing, visibility and
 * filter conditions, count, page of `first + 1`, cursors from core's codec — but serves rows from an array
 * instead of the database. Served by Apollo Server over node:http with the same context-token check.
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Directive, Field, ID, Info, InputType, Int } from 'type-graphql';
import { ObjectType, Query, Resolver } from 'type-graphql';
import { CONTEXT_HEADER, type ContextTokenCodec } from '../core/context-token';
import { BadUserInputError } from '../core/errors';
import { toConnection, type Connection } from '../core/pagination/connection';
import { cursorCodec } from '../core/pagination/cursor';
import { connectionTypes } from '../core/pagination/types';
import { canSeeLocation, requireScope, type Principal } from '../core/principal';
import { buildFederatedSchema } from '../core/server/federated-schema';
import { selectsField } from '../core/server/selected-fields';
import { AgentRole, Experience, Specialization } from '../core/vocabulary';

/** One stored agent, as the array holds it. */
export interface MemoryAgentRow {
  id: string;
  tenantId: string;
  locationId: string | null;
  name: string;
  email: string;
  role: AgentRole;
  experience: Experience;
  specializations: Specialization[];
  tags: string[];
  active: boolean;
}

@ObjectType('Location')
@Directive('@key(fields: "id")')
class MemLocation {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Agent')
@Directive('@key(fields: "id")')
class MemAgent implements MemoryAgentRow {
  @Field(() => ID) id!: string;
  tenantId!: string;
  @Field(() => ID, { nullable: true }) locationId!: string | null;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => AgentRole) role!: AgentRole;
  @Field(() => Experience) experience!: Experience;
  @Field(() => [Specialization]) specializations!: Specialization[];
  @Field(() => [String]) tags!: string[];
  @Field() active!: boolean;
  /** A plain field, as the agents subgraph serves it (no field resolver). */
  @Field(() => MemLocation, { nullable: true })
  get location(): { __typename: 'Location'; id: string } | null {
    return this.locationId === null ? null : { __typename: 'Location', id: this.locationId };
  }
}

const agentTypes = connectionTypes(MemAgent, 'Agent');

@ObjectType('AgentConnection')
class MemAgentConnection extends agentTypes.Connection {
  @Field(() => Int) totalCount!: number;
}

@InputType('AgentFilter')
class MemAgentFilter {
  @Field(() => AgentRole, { nullable: true }) role?: AgentRole | null;
  @Field(() => Experience, { nullable: true }) experience?: Experience | null;
  @Field(() => Specialization, { nullable: true }) specialization?: Specialization | null;
  @Field(() => String, { nullable: true }) search?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
  @Field(() => ID, { nullable: true }) locationId?: string | null;
  @Field(() => Boolean, { nullable: true }) sharedPool?: boolean | null;
}

@ArgsType()
class MemAgentsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
  @Field(() => MemAgentFilter, { nullable: true }) filter?: MemAgentFilter | null;
}

interface MemoryContext {
  principal: Principal;
  rows: readonly MemoryAgentRow[];
}

const cursors = cursorCodec('agents', ['string', 'uuid']);

type Condition = (a: MemoryAgentRow) => boolean;

/** The in-memory twin of the agents subgraph's visibility and filter conditions. */
function conditions(p: Principal, f: MemAgentFilter, after: [string, string] | null): Condition[] {
  const out: Condition[] = [(a) => a.tenantId === p.tenantId && canSeeLocation(p, a.locationId)];
  if (f.role) out.push((a) => a.role === f.role);
  if (f.experience) out.push((a) => a.experience === f.experience);
  if (f.locationId) out.push((a) => a.locationId === f.locationId);
  if (f.sharedPool === true) out.push((a) => a.locationId === null);
  if (f.sharedPool === false) out.push((a) => a.locationId !== null);
  if (f.active != null) out.push((a) => a.active === f.active);
  const search = f.search?.toLowerCase();
  if (search) out.push((a) => a.name.toLowerCase().includes(search) || a.email.includes(search));
  const spec = f.specialization;
  if (spec) out.push((a) => a.specializations.includes(spec));
  if (after) out.push((a) => a.name > after[0] || (a.name === after[0] && a.id > after[1]));
  return out;
}

@Resolver(() => MemAgent)
class MemAgentResolver {
  @Query(() => MemAgent, { nullable: true })
  agent(@Arg('id', () => ID) id: string, @Ctx() ctx: MemoryContext): MemoryAgentRow | null {
    requireScope(ctx.principal, 'agents:read');
    return ctx.rows.find((a) => a.id === id && a.tenantId === ctx.principal.tenantId) ?? null;
  }

  @Query(() => MemAgentConnection)
  agents(
    @Args(() => MemAgentsArgs) args: MemAgentsArgs,
    @Ctx() ctx: MemoryContext,
    @Info() info: GraphQLResolveInfo,
  ): Connection<MemoryAgentRow> & { totalCount: number } {
    const p = ctx.principal;
    requireScope(p, 'agents:read');
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 0 || first > 100) {
      throw new BadUserInputError('first', 'must be between 0 and 100');
    }
    const after = cursors.decode(p.tenantId, args.after);
    const filter = args.filter ?? {};
    const all = conditions(p, filter, null);
    // counted only when selected, as the agents subgraph does
    const totalCount = selectsField(info, 'totalCount')
      ? ctx.rows.filter((a) => all.every((c) => c(a))).length
      : -1;
    const paged = conditions(p, filter, after);
    const rows: MemoryAgentRow[] = [];
    for (const a of ctx.rows) {
      if (rows.length > first) break;
      if (paged.every((c) => c(a))) rows.push(a);
    }
    const connection = toConnection({
      rows,
      first,
      cursorOf: (a) => cursors.encode(p.tenantId, [a.name, a.id]),
    });
    return { ...connection, totalCount };
  }
}

export interface MemorySubgraphOptions {
  rows: MemoryAgentRow[];
  codec: ContextTokenCodec;
}

export interface RunningMemorySubgraph {
  url: string;
  close(): Promise<void>;
}

/** Sorted by name then id, like the agents subgraph's order; `MemAgent`s, so `location` is a plain field. */
function sortRows(rows: MemoryAgentRow[]): MemoryAgentRow[] {
  return [...rows]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))
    .map((r) => Object.assign(new MemAgent(), r));
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (err) {
        reject(err as Error);
      }
    });
    req.on('error', reject);
  });
}

export async function startMemorySubgraph(opts: MemorySubgraphOptions): Promise<RunningMemorySubgraph> {
  const rows = sortRows(opts.rows);
  const schema = await buildFederatedSchema({
    resolvers: [MemAgentResolver],
    referenceResolvers: {
      Location: { __resolveReference: (ref: { id?: unknown }) => ({ id: ref.id }) },
    },
  });
  const apollo = new ApolloServer<BaseContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false,
    introspection: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const body = await readJson(req);
    let principal: Principal;
    try {
      principal = await opts.codec.verify(req.headers[CONTEXT_HEADER] as string | undefined);
    } catch {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"errors":[{"message":"invalid platform context"}]}');
      return;
    }
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: async () => ({ principal, rows }) satisfies MemoryContext,
    });
    let text = '';
    if (result.body.kind === 'complete') text = result.body.string;
    else for await (const chunk of result.body.asyncIterator) text += chunk;
    const out: Record<string, string> = {};
    for (const [k, v] of result.headers) out[k] = v;
    res.writeHead(result.status ?? 200, out);
    res.end(text);
  };
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
