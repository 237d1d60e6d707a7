/**
 * Federation conformance of both query planners (Rust from @graphql-hive/router-runtime, the default, and
 * the JS one): `@include` / `@skip` driven by a Boolean variable with a declared default (true or false),
 * sent as true, sent as false or not sent, on a local field, on a field of another subgraph, on inline
 * fragments of an interface and of a union, and on another subgraph's root field. Every case checks the
 * answer AND the resolvers the gateway made the subgraphs run: a part that must be skipped is never
 * fetched. All cases of a planner are in flight together, from two tenants, each with its own tag so
 * the subgraphs' call counts stay per request.
 *
 * This is the test behind the `@graphql-tools/executor` entry of package.json's dependency notes: with
 * executor 2.0.0 forced onto router-runtime 1.4.x the Rust planner drops variable defaults.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { principal } from '../helpers/principals';
import {
  AGENTS_PER_TAG,
  LISTINGS_PER_TAG,
  ratingOf,
  scoreOf,
  startTinyGraph,
  type TinyGraph,
} from '../helpers/tiny-supergraph';

type Directive = 'include' | 'skip';
type Where = 'local field' | 'entity field' | 'interface fragment' | 'union fragment' | 'root field';
type Case = { where: Where; directive: Directive; declared: boolean; sent: boolean | undefined };

const WHERE: Where[] = ['local field', 'entity field', 'interface fragment', 'union fragment', 'root field'];
const CASES: Case[] = WHERE.flatMap((where) =>
  (['include', 'skip'] as const).flatMap((directive) =>
    [true, false].flatMap((declared) =>
      [undefined, true, false].map((sent) => ({ where, directive, declared, sent })),
    ),
  ),
);

const kept = (c: Case) => {
  const value = c.sent ?? c.declared;
  return c.directive === 'include' ? value : !value;
};

/** The operation for a case; `$f` carries the declared default, `$tag` keys the call counts. */
function operation(c: Case): string {
  const d = `@${c.directive}(if: $f)`;
  const head = `query Conformance($tag: String!, $f: Boolean = ${c.declared})`;
  switch (c.where) {
    case 'local field':
      return `${head} { items(tag: $tag) { id title ${d} } }`;
    case 'entity field':
      return `${head} { items(tag: $tag) { id ... on Listing { score ${d} } } }`;
    case 'interface fragment':
      return `${head} { items(tag: $tag) { id ... on Listing ${d} { score } } }`;
    case 'union fragment':
      return `${head} { search(tag: $tag) { __typename ... on Agent ${d} { id rating } } }`;
    case 'root field':
      return `${head} { items(tag: $tag) { id } insightsPing(tag: $tag) ${d} }`;
  }
}

const IDS = (tag: string) => [
  { id: `${tag}:L1`, type: 'Listing', title: 'Maple St' },
  { id: `${tag}:A1`, type: 'Agent', title: 'Dana' },
  { id: `${tag}:L2`, type: 'Listing', title: 'Oak Ave' },
];

/**
 * The subgraph resolvers a kept part makes the gateway run, beyond the root list (one catalog request).
 * A part from insights costs exactly one insights request: the entities of a list go in one batch.
 */
const KEPT_CALLS: Record<Where, Record<string, number>> = {
  'local field': { 'Listing.title': LISTINGS_PER_TAG, 'Agent.title': AGENTS_PER_TAG },
  'entity field': {
    'insights requests': 1,
    'Listing.__resolveReference': LISTINGS_PER_TAG,
    'Listing.score': LISTINGS_PER_TAG,
  },
  'interface fragment': {
    'insights requests': 1,
    'Listing.__resolveReference': LISTINGS_PER_TAG,
    'Listing.score': LISTINGS_PER_TAG,
  },
  'union fragment': {
    'insights requests': 1,
    'Agent.__resolveReference': AGENTS_PER_TAG,
    'Agent.rating': AGENTS_PER_TAG,
  },
  'root field': { 'insights requests': 1, 'Query.insightsPing': 1 },
};

/** What a conforming gateway answers for this case. */
function expectedData(c: Case, tag: string): unknown {
  const on = kept(c);
  const records = IDS(tag);
  switch (c.where) {
    case 'local field':
      return { items: records.map((r) => ({ id: r.id, ...(on ? { title: r.title } : {}) })) };
    case 'entity field':
    case 'interface fragment':
      return {
        items: records.map((r) => ({
          id: r.id,
          ...(on && r.type === 'Listing' ? { score: scoreOf(r.id) } : {}),
        })),
      };
    case 'union fragment':
      return {
        search: records.map((r) => ({
          __typename: r.type,
          ...(on && r.type === 'Agent' ? { id: r.id, rating: ratingOf(r.id) } : {}),
        })),
      };
    case 'root field':
      return { items: records.map((r) => ({ id: r.id })), ...(on ? { insightsPing: 'pong' } : {}) };
  }
}

function expected(c: Case, tag: string): { data: unknown; calls: Record<string, number> } {
  const root = c.where === 'union fragment' ? 'Query.search' : 'Query.items';
  return {
    data: expectedData(c, tag),
    calls: { 'catalog requests': 1, [root]: 1, ...(kept(c) ? KEPT_CALLS[c.where] : {}) },
  };
}

const label = (c: Case) =>
  `${c.where} @${c.directive}(if: $f = ${c.declared}) sent ${c.sent === undefined ? 'nothing' : c.sent}`;

describe.each(['rust', 'js'] as const)('planner conformance: %s planner', (planner) => {
  let g: TinyGraph;
  let tokens: string[];
  beforeAll(async () => {
    g = await startTinyGraph(planner);
    tokens = await Promise.all(['tenant-a', 'tenant-b'].map((tenantId) => g.bearer(principal({ tenantId }))));
  }, 60_000);
  afterAll(async () => {
    await g?.close();
  });

  test(`@include/@skip with variable defaults: ${CASES.length} cases × 2 tenants in flight together`, async () => {
    const runs = CASES.flatMap((c) =>
      tokens.map((token) => ({ c, token, tag: randomBytes(6).toString('hex') })),
    );
    const answers = await Promise.all(
      runs.map(async ({ c, token, tag }) => {
        const variables: Record<string, unknown> = { tag };
        if (c.sent !== undefined) variables['f'] = c.sent;
        const res = await fetch(g.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: operation(c), variables }),
        });
        return { c, tag, status: res.status, body: (await res.json()) as unknown };
      }),
    );
    const wrong = answers
      .map(({ c, tag, status, body }) => {
        const want = expected(c, tag);
        // (JSON round trip: fetch's objects come from another realm than the test's)
        const got = JSON.parse(JSON.stringify({ status, body, calls: g.calls.of(tag) })) as unknown;
        const ok = isDeepStrictEqual(got, { status: 200, body: { data: want.data }, calls: want.calls });
        return ok ? null : { case: label(c), want: { data: want.data, calls: want.calls }, got };
      })
      .filter((x) => x !== null);
    expect(answers).toHaveLength(CASES.length * tokens.length);
    expect(wrong).toEqual([]);
  });
});
