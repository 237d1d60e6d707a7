/**
 * Fragment spreads are bounded once fragments are inlined (gateway/fragment-spread-limit.ts, refused
 * after the estimate, before planning, with QUERY_TOO_COMPLEX `limit: fragmentSpreads`). The cost estimate counts a spread 1, so a
 * chain of 15 fragments each spreading the next twice and ending in a scalar (32,767 spreads, estimate
 * ~49,000 under MAX_QUERY_COST 50,000) went on to the query planner, which took ~1 s per distinct document.
 * A shallow but wide document is refused the same way (two levels of 30 spreads), and documents using
 * fragments within the limit run as before.
 */
import { principal } from '../helpers/principals';
import { startTinyGraph, type TinyGraph } from '../helpers/tiny-supergraph';
import { DEFAULT_MAX_FRAGMENT_SPREADS } from '../../gateway/plugins/use-cost-limit';

/** `levels` fragments each spreading the next twice; the last asks for one scalar tagged `tag`. */
function chain(levels: number, tag: string): string {
  const defs = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment S${i} on Query { insightsPing(tag: "${tag}") }`
      : `fragment S${i} on Query { ...S${i + 1} ...S${i + 1} }`,
  );
  return `query Chain { ...S0 } ${defs.join(' ')}`;
}

/** Two levels of `width` spreads: W0 spreads W1 `width` times, W1 spreads W2 `width` times. */
function wide(width: number, tag: string): string {
  return `query Wide { ...W0 }
    fragment W0 on Query { ${'...W1 '.repeat(width)} }
    fragment W1 on Query { ${'...W2 '.repeat(width)} }
    fragment W2 on Query { insightsPing(tag: "${tag}") }`;
}

describe('fragment spreads once inlined are bounded before planning', () => {
  let g: TinyGraph;
  let token: string;

  beforeAll(async () => {
    g = await startTinyGraph('rust');
    token = await g.bearer(principal({ tenantId: 'tenant-fragments' }));
  }, 60_000);
  afterAll(async () => {
    await g?.close();
  });

  async function post(query: string) {
    const res = await fetch(g.gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as {
      data?: unknown;
      errors?: { extensions?: Record<string, unknown> }[];
    };
    const ext = body.errors?.[0]?.extensions ?? {};
    return {
      status: res.status,
      code: ext['code'] ?? null,
      limit: ext['limit'] ?? null,
      max: ext['max'] ?? null,
      data: body.data ?? null,
    };
  }

  test('a 15-level chain under MAX_QUERY_COST and a wide two-level one are refused with no subgraph call', async () => {
    const [deep, shallow] = await Promise.all([post(chain(15, 'deep')), post(wide(30, 'wide'))]);
    for (const a of [deep, shallow])
      expect(a).toEqual({
        status: 400,
        code: 'QUERY_TOO_COMPLEX',
        limit: 'fragmentSpreads',
        max: DEFAULT_MAX_FRAGMENT_SPREADS,
        data: null,
      });
    expect([g.calls.of('deep'), g.calls.of('wide')]).toEqual([{}, {}]);
  });

  test('documents whose fragments stay within the limit run', async () => {
    const [seven, narrow] = await Promise.all([post(chain(7, 'seven')), post(wide(20, 'narrow'))]);
    expect(seven).toMatchObject({ status: 200, code: null, data: { insightsPing: expect.any(String) } });
    expect(narrow).toMatchObject({ status: 200, code: null, data: { insightsPing: expect.any(String) } });
  });
});
