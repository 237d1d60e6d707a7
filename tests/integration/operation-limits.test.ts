/**
 * Hostile operations against the real gateway (GraphQL Armor's depth, alias and directive rules,
 * gateway/plugins/use-operation-limits.ts, and the one cost model, the estimate of use-cost-limit.ts),
 * all in flight together with legitimate ones: each is QUERY_TOO_COMPLEX with the limit it broke and HTTP
 * 400, answered quickly, and no subgraph is called for it; the legitimate ones are answered in full.
 * The fragment "spread bomb" held the event loop 104 s under the hand-written depth rule Armor replaced; it
 * is refused by the estimate now (Armor's own cost rule, with its `limit: "cost"`, is gone), with the
 * estimate's shape: `limit: "estimatedCost"`, `max` and `cost: { estimated, limit }`.
 */
import { principal } from '../helpers/principals';
import { startTinyGraph, type TinyGraph } from '../helpers/tiny-supergraph';

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] };
}

/** Each fragment spreads the next twice: 28 fragments, ~1.3 kB, 2^28 spreads once expanded. */
function spreadBomb(tag: string, levels = 28): string {
  const frags = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment S${i} on Query { items(tag: "${tag}") { id } }`
      : `fragment S${i} on Query { ...S${i + 1} ...S${i + 1} }`,
  );
  return `{ ...S0 } ${frags.join(' ')}`;
}

/** 8 aliases in a fragment spread 4 times: 32 aliased fields run, 8 written. */
const aliasFanout = (tag: string) =>
  `{ ...A ...A ...A ...A } fragment A on Query { ${Array.from(
    { length: 8 },
    (_, i) => `a${i}: items(tag: "${tag}") { id }`,
  ).join(' ')} }`;

/** 51 directives on inline fragments (a repeated directive on one field is already invalid GraphQL). */
const directives = (tag: string) =>
  `{ items(tag: "${tag}") { ${'... on Listing @include(if: true) { id } '.repeat(51)} } }`;

describe('operation limits through the gateway (GraphQL Armor, cost estimate)', () => {
  let g: TinyGraph;
  let token: string;
  beforeAll(async () => {
    g = await startTinyGraph('rust');
    token = await g.bearer(principal({ tenantId: 'tenant-limits' }));
  }, 60_000);
  afterAll(async () => {
    await g?.close();
  });

  async function post(query: string): Promise<Answer> {
    const res = await fetch(g.gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // GraphQL over HTTP: rejected operations are 4xx (with plain application/json, Yoga answers 200)
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }

  test('spread bomb, alias fan-out and directive flood, 20 of each with 20 legitimate queries at once', async () => {
    const hostile = [
      { limit: 'estimatedCost', query: spreadBomb },
      { limit: 'aliases', query: aliasFanout },
      { limit: 'directives', query: directives },
    ];
    const runs = Array.from({ length: 20 }, (_, i) => [
      ...hostile.map((h) => ({ tag: `h${i}-${h.limit}`, want: h.limit, query: h.query(`h${i}-${h.limit}`) })),
      { tag: `ok${i}`, want: 'ok', query: `{ items(tag: "ok${i}") { id title } }` },
    ]).flat();
    const answers = await Promise.all(runs.map((r) => post(r.query)));
    const seen = answers.map((a, i) => ({
      want: runs[i]!.want,
      status: a.status,
      code: a.body.errors?.[0]?.extensions?.['code'] ?? 'ok',
      limit: a.body.errors?.[0]?.extensions?.['limit'] ?? 'ok',
      subgraphCalls: Object.keys(g.calls.of(runs[i]!.tag)).length > 0,
    }));
    expect(seen).toEqual(
      runs.map((r) =>
        r.want === 'ok'
          ? { want: 'ok', status: 200, code: 'ok', limit: 'ok', subgraphCalls: true }
          : { want: r.want, status: 400, code: 'QUERY_TOO_COMPLEX', limit: r.want, subgraphCalls: false },
      ),
    );
    // How fast a bomb is refused is measured in bench/limits.ts, not here; a rule that evaluates the bomb
    // (the hand-written depth rule held the gateway 104 s on one) runs past this test's timeout.
  }, 60_000);

  test('spread bombs are refused by the estimate with its figures, even one whose answer is one __typename', async () => {
    const estimated = 2 ** 28 - 1 + 2 ** 27 * 21; // the spreads, then 2^27 × items (1 + 20 × id)
    const leaves = [
      { query: spreadBomb('est'), estimated },
      // one value in the answer, estimated 0 before spreads counted: planned, it held the gateway > 2 min
      {
        query: spreadBomb('typename').replace(/items\(tag: "typename"\) \{ id \}/, '__typename'),
        estimated: 2 ** 28 - 1,
      },
    ];
    const answers = await Promise.all(leaves.map((l) => post(l.query)));
    expect(answers.map((a) => ({ status: a.status, extensions: a.body.errors?.[0]?.extensions }))).toEqual(
      leaves.map((l) => ({
        status: 400,
        extensions: {
          code: 'QUERY_TOO_COMPLEX',
          limit: 'estimatedCost',
          max: 50_000,
          cost: { estimated: l.estimated, limit: 50_000 },
        },
      })),
    );
    expect(Object.keys(g.calls.of('est'))).toEqual([]);
  }, 60_000);
});
