/**
 * The developer portal's reference is generated from the supergraph the gateway serves: it lists every type
 * with its fields, arguments, defaults and owner subgraphs; a field added to a subgraph appears after
 * composing with no edit to the portal; and /schema.graphql serves the public SDL without federation
 * internals. The routes are exercised over real HTTP (node:http), as a browser would call them. The guide's
 * "Coaching widget" section embeds the widget from this gateway's origin and lists the scopes its token needs:
 * checked against a started platform by running the widget's own operations (web/coaching-widget/api.ts)
 * with keys holding those scopes (enough) and each one less (each is needed).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { composeServices } from '@theguild/federation-composition';
import { composeFromCode, defaultUrl, type ComposedSchemas } from '../../../bin/compose';
import { loadConfig, SUBGRAPH_NAMES } from '../../../core/config';
import { ERROR_CODES } from '../../../core/errors';
import { portalRoute } from '../../../gateway/web/portal/route';
import { buildReference, type RefType } from '../../../gateway/web/portal/reference';
import { tryItOperation } from '../../../gateway/web/portal/try-it';
import { WIDGET_SCOPES } from '../../../gateway/web/portal/guide';
import { widgetOutcome, startWidgetPlatform, type WidgetPlatform } from './widget-scopes';

const INTERNALS = /\b(join__\w+|link__\w+|_Entity|_Any|_Service|_entities|_service|@inaccessible|@link)\b/;
const LIMITS = loadConfig({
  JWT_SECRET: 'x'.repeat(32),
  CONTEXT_SECRET: 'x'.repeat(32),
  NODE_ENV: 'test',
}).limits;

let composed: ComposedSchemas;
let server: http.Server;
let base: string;

function compose(subgraphs: Record<string, string>): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: parse(subgraphs[name]!), url: defaultUrl(name) })),
  );
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return (result as { supergraphSdl: string }).supergraphSdl;
}

const typeOf = (types: RefType[], name: string) => {
  const t = types.find((x) => x.name === name);
  if (!t) throw new Error(`${name} is not in the reference`);
  return t;
};

beforeAll(async () => {
  composed = await composeFromCode();
  const route = portalRoute({
    supergraph: composed.supergraph,
    assetsDir: '/nonexistent',
    graphqlPath: '/graphql',
    limits: LIMITS,
  });
  server = http.createServer((req, res) => {
    void route(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end('not a portal route');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('portal reference', () => {
  it('lists types, fields, arguments with defaults and the subgraphs that own them', () => {
    const { types } = buildReference(composed.supergraph);
    expect(types.slice(0, 3).map((t) => t.name)).toEqual(['Query', 'Mutation', 'Subscription']);
    const session = typeOf(types, 'AgentSession');
    expect(session.owners).toEqual(['agents', 'coaching']);
    expect(session.fields.find((f) => f.name === 'agentId')?.owners).toEqual(['agents']);
    const subscription = typeOf(types, 'Subscription');
    const hints = subscription.fields.find((f) => f.name === 'coachingHints')!;
    expect(hints.owners).toEqual(['coaching']);
    expect(hints.args).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'sessionId', type: 'ID!', defaultValue: null }),
      ]),
    );
    const requestCoaching = typeOf(types, 'Mutation').fields.find((f) => f.name === 'requestCoaching')!;
    expect(requestCoaching.args.find((a) => a.name === 'kind')).toMatchObject({
      type: 'CoachingKind',
      defaultValue: 'QUICK',
    });
    expect(typeOf(types, 'CoachingKind').enumValues.map((v) => v.name)).toContain('QUICK');
    expect(types.map((t) => t.name).filter((n) => INTERNALS.test(n))).toEqual([]);
  });

  it('shows a field added to a subgraph after composing, with no other edit', () => {
    const agents = composed.subgraphs.agents.replace(
      /type AgentSession\n\s*@key\(fields: "id"\)\n\{\n/,
      (m) =>
        `${m}  """Portal probe: added by the test."""\n  portalProbe(limit: Int = 7): String @deprecated(reason: "probe only")\n`,
    );
    expect(agents).not.toEqual(composed.subgraphs.agents);
    const before = typeOf(buildReference(composed.supergraph).types, 'AgentSession');
    expect(before.fields.map((f) => f.name)).not.toContain('portalProbe');
    const supergraph = compose({ ...composed.subgraphs, agents });
    const probe = typeOf(buildReference(supergraph).types, 'AgentSession').fields.find(
      (f) => f.name === 'portalProbe',
    );
    expect(probe).toMatchObject({
      type: 'String',
      description: 'Portal probe: added by the test.',
      deprecationReason: 'probe only',
      owners: ['agents'],
      args: [expect.objectContaining({ name: 'limit', type: 'Int', defaultValue: '7' })],
    });
  });
});

describe('portal "try it" operations', () => {
  it('every root field gets a valid operation with a variable for each required argument', () => {
    const { schema } = buildReference(composed.supergraph);
    const roots = [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
      ['subscription', schema.getSubscriptionType()!],
    ] as const;
    let count = 0;
    for (const [kind, root] of roots) {
      for (const field of Object.values(root.getFields())) {
        const { query, variables } = tryItOperation(kind, field);
        expect([field.name, validate(schema, parse(query)).map((e) => e.message)]).toEqual([field.name, []]);
        const required = field.args.filter(
          (a) => a.type.toString().endsWith('!') && a.defaultValue === undefined,
        );
        expect(Object.keys(variables).sort()).toEqual(required.map((a) => a.name).sort());
        count++;
      }
    }
    expect(count).toBeGreaterThan(40);
  });
});

describe('portal routes', () => {
  it('/schema.graphql is the public SDL: every public type, descriptions, no federation internals', async () => {
    const res = await fetch(`${base}/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('content-disposition')).toMatch(/filename="schema\.graphql"/);
    const sdl = await res.text();
    expect(sdl).not.toMatch(INTERNALS);
    expect(sdl).toContain('"""A coaching session: one agent, one contact, one channel."""');
    const schema = buildSchema(sdl);
    // the supergraph's own type definitions, read independently of the portal's code
    const publicNames = parse(composed.supergraph)
      .definitions.filter((d) => d.kind !== Kind.DIRECTIVE_DEFINITION && d.kind !== Kind.SCHEMA_DEFINITION)
      .map((d) => ('name' in d && d.name ? d.name.value : ''))
      .filter((n) => n && !/^(join__|link__)/.test(n))
      .sort();
    const served = Object.keys(schema.getTypeMap())
      .filter((n) => !n.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(n))
      .sort();
    expect(served).toEqual(publicNames);
  });

  it('/portal is server-rendered with owners, limits from config and every error code', async () => {
    const res = await fetch(`${base}/portal`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/<section class="ref-type" id="type-AgentSession"/);
    expect(html).toMatch(
      /id="type-AgentSession"[\s\S]*?<span class="owner">agents<\/span> <span class="owner">coaching<\/span>/,
    );
    expect(html).toContain(`<td>${LIMITS.maxDepth}</td>`);
    expect(html).toContain(`${LIMITS.ratePerMinute} requests per minute`);
    for (const code of ERROR_CODES) expect(html).toContain(`id="error-${code}"`);
    expect(html).not.toMatch(/join__|_entities|_Entity/);
    const tryIt = /<a href="([^"]+)">Try <code>coachingHints<\/code> in the explorer<\/a>/.exec(html);
    const link = new URL(tryIt![1]!.replace(/&amp;/g, '&'), base);
    expect(link.pathname).toBe('/portal/explorer');
    expect(link.searchParams.get('query')).toMatch(/^subscription CoachingHints\(\$sessionId: ID!\)/);
  });

  it('/docs and /graphiql lead to the portal pages; other methods are refused with a code', async () => {
    const docs = await fetch(`${base}/docs`, { redirect: 'manual' });
    expect([docs.status, docs.headers.get('location')]).toEqual([302, '/portal']);
    const graphiql = await fetch(`${base}/graphiql`, { redirect: 'manual' });
    expect([graphiql.status, graphiql.headers.get('location')]).toEqual([302, '/portal/explorer']);
    const post = await fetch(`${base}/portal`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(await post.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect((await fetch(`${base}/portal/nothing`)).status).toBe(404);
  });
});

describe('portal "Coaching widget" section', () => {
  let w: WidgetPlatform;
  beforeAll(async () => {
    w = await startWidgetPlatform();
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  async function section(): Promise<string> {
    const html = await (await fetch(`${base}/portal`)).text();
    const m = /<section id="coaching-widget"[\s\S]*?<\/section>/.exec(html);
    expect(m).not.toBeNull();
    return m![0];
  }

  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');

  it("shows both tags with this gateway's origin, the attributes, the demo link and the token swap", async () => {
    const html = await section();
    const body = text(html);
    expect(body).toContain(`<script type="module" src="${base}/widget/coaching-widget.js"></script>`);
    expect(body).toMatch(/<coaching-widget session-id="[^"]+" token="[^"]+"><\/coaching-widget>/);
    for (const attr of ['session-id', 'token', 'endpoint']) expect(body).toContain(attr);
    expect(body).toMatch(/JWT/);
    expect(body).toMatch(/API key/);
    expect(html).toContain('<a href="/widget/demo">');
    expect(body).toContain("setAttribute('token'");
    const portal = await (await fetch(`${base}/portal`)).text();
    expect(portal).toMatch(/<section id="manager-dashboard"[\s\S]*?<a href="\/dashboard">/);
    expect(portal).toContain('<li><a href="#coaching-widget">Coaching widget</a></li>');
  });

  it("lists the scopes the widget's operations need: together enough, each one needed", async () => {
    const listed = [...(await section()).matchAll(/<li data-scope="([^"]+)">/g)].map((m) => m[1]!);
    expect(listed).toEqual(WIDGET_SCOPES.map((s) => s.scope));
    expect(listed.length).toBeGreaterThan(0);
    // with exactly these scopes every operation the widget sends works, branding included
    expect(await widgetOutcome(w, listed)).toEqual({ forbidden: [], branding: true, updates: true });
    // without any one of them, an operation fails naming it (or the branding is gone)
    for (const scope of listed) {
      const o = await widgetOutcome(
        w,
        listed.filter((s) => s !== scope),
      );
      const optional = WIDGET_SCOPES.find((s) => s.scope === scope)!.optional === true;
      if (optional) expect([scope, o]).toEqual([scope, { forbidden: [], branding: false, updates: true }]);
      else expect([scope, o.forbidden]).toEqual([scope, expect.arrayContaining([scope])]);
    }
  }, 120_000);
});
