/**
 * The gateway serves any supergraph: over a small graph with no `tenants` subgraph (so no API-key
 * service) it starts, answers bearer-token callers (the principal reaches the subgraph in the signed
 * context token, each caller its own, many in flight together), and refuses an API key with a clear
 * UNAUTHENTICATED instead of failing to start.
 */
import { principal } from '../helpers/principals';
import { startTinyGraph, type TinyGraph } from '../helpers/tiny-supergraph';

type Body = {
  data?: { whoami?: string } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

describe.each(['rust', 'js'] as const)(
  'gateway over a supergraph without tenants (%s planner)',
  (planner) => {
    let g: TinyGraph;
    beforeAll(async () => {
      g = await startTinyGraph(planner);
    }, 60_000);
    afterAll(async () => {
      await g?.close();
    });

    const post = async (headers: Record<string, string>) => {
      const res = await fetch(g.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ whoami }' }),
      });
      return { status: res.status, body: (await res.json()) as Body };
    };

    test('bearer tokens of two tenants, 100 requests in flight together: each sees only itself', async () => {
      const callers = await Promise.all(
        ['tenant-a', 'tenant-b'].map(async (tenantId) => {
          const subject = `user:${tenantId}`;
          return {
            expect: `${tenantId}/${subject}`,
            token: await g.bearer(principal({ tenantId, subject })),
          };
        }),
      );
      const runs = Array.from({ length: 100 }, (_, i) => callers[i % 2]!);
      const answers = await Promise.all(
        runs.map(async (c) => ({ want: c.expect, ...(await post({ authorization: `Bearer ${c.token}` })) })),
      );
      const wrong = answers.filter((a) => a.status !== 200 || a.body.data?.whoami !== a.want);
      expect(wrong).toEqual([]);
    });

    test('an API key is refused as not configured (401 UNAUTHENTICATED); no credentials are refused too', async () => {
      const [key, none] = await Promise.all([
        post({ 'x-api-key': 'cpk_00000000_abcdefghijklmnopqrstuvwx' }),
        post({}),
      ]);
      expect(key.status).toBe(401);
      expect(key.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(key.body.errors?.[0]?.message).toMatch(/API keys are not configured/);
      expect(key.body.data ?? null).toBeNull();
      expect(none.status).toBe(401);
      expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  },
);
