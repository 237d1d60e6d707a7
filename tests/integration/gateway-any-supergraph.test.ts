/**
 * The gateway serves any supergraph: over a small graph with no `tenants` subgraph it starts, answers
 * bearer-token callers (the principal reaches the subgraph in the signed context token, each caller its
 * own, many in flight together), and — with no credential service configured — refuses an API key with a
 * clear UNAUTHENTICATED instead of failing to start. Pointed at a credential service that is no subgraph
 * at all (tests/helpers/fake-credential-service.ts), the same gateway resolves API keys through it with
 * that service's credential: each caller its own tenant, one lookup per key, a revoked key refused at once
 * when its event is handled, and a credential the service refuses is a 401, never a 5xx.
 */
import { EventTypes, type EventEnvelope } from '../../core/vocabulary';
import { handleCredentialEvent } from '../../gateway/credential-events';
import { startFakeCredentialService, type FakeCredentialService } from '../helpers/fake-credential-service';
import { principal } from '../helpers/principals';
import { startTinyGraph, type TinyGraph } from '../helpers/tiny-supergraph';

const SERVICE_SECRET = 'fake-credential-service-secret-0123456789';

type Body = {
  data?: { whoami?: string } | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
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
      expect(key.body.errors?.[0]?.extensions?.reason).toBe('API_KEYS_NOT_CONFIGURED');
      expect(key.body.data ?? null).toBeNull();
      expect(none.status).toBe(401);
      expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  },
);

describe.each(['rust', 'js'] as const)(
  'gateway over a supergraph without tenants, API keys through a credential service of its own (%s planner)',
  (planner) => {
    let service: FakeCredentialService;
    let g: TinyGraph;
    let refusing: TinyGraph;
    beforeAll(async () => {
      service = await startFakeCredentialService(SERVICE_SECRET);
      g = await startTinyGraph(planner, { url: service.url, secret: SERVICE_SECRET });
      refusing = await startTinyGraph(planner, { url: service.url, secret: 'w'.repeat(40) });
    }, 60_000);
    afterAll(async () => {
      await g?.close();
      await refusing?.close();
      await service?.close();
    });

    const post = async (url: string, apiKey: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ query: '{ whoami }' }),
      });
      return { status: res.status, body: (await res.json()) as Body };
    };

    test('20 keys of 4 tenants, 200 requests in flight: each caller sees only itself, one lookup per key', async () => {
      const keys = Array.from({ length: 20 }, (_, i) => {
        const p = principal({ tenantId: `tenant-${i % 4}`, subject: `apikey:${planner}-${i}` });
        return { ...service.issue(p), want: `${p.tenantId}/${p.subject}` };
      });
      const runs = Array.from({ length: 10 }, () => keys).flat();
      const answers = await Promise.all(
        runs.map(async (k) => ({ k, ...(await post(g.gateway.url, k.secret)) })),
      );
      const wrong = answers.filter((a) => a.status !== 200 || a.body.data?.whoami !== a.k.want);
      expect(wrong.map((w) => ({ want: w.k.want, status: w.status, body: w.body }))).toEqual([]);
      expect(keys.map((k) => service.lookups.get(k.hash))).toEqual(keys.map(() => 1));
    });

    test('a revoked key is refused once its event is handled; the others keep working', async () => {
      const [doomed, kept] = [0, 1].map((i) => {
        const p = principal({ tenantId: 'tenant-r', subject: `apikey:${planner}-revoked-${i}` });
        return { ...service.issue(p), want: `${p.tenantId}/${p.subject}` };
      });
      expect((await post(g.gateway.url, doomed!.secret)).body.data?.whoami).toBe(doomed!.want);
      service.revoke(doomed!.hash);
      const event: EventEnvelope = {
        id: `revoked-${planner}`,
        type: EventTypes.tenantApiKeyRevoked,
        tenantId: 'tenant-r',
        at: new Date().toISOString(),
        version: 1,
        payload: { apiKeyId: 'k', keyHash: doomed!.hash },
      };
      handleCredentialEvent(g.gateway, event);
      const [gone, still] = await Promise.all([
        post(g.gateway.url, doomed!.secret),
        post(g.gateway.url, kept!.secret),
      ]);
      expect(gone.status).toBe(401);
      expect(gone.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'API_KEY_UNKNOWN',
      });
      expect(still.body.data?.whoami).toBe(kept!.want);
    });

    test('a gateway whose credential the service refuses answers 401 CREDENTIAL_SERVICE_REFUSED; malformed keys never leave the gateway', async () => {
      const { secret } = service.issue(principal({ tenantId: 'tenant-x', subject: 'apikey:x' }));
      const before = service.refused();
      const answers = await Promise.all([
        ...Array.from({ length: 10 }, () => post(refusing.gateway.url, secret)),
        ...Array.from({ length: 10 }, () => post(g.gateway.url, 'cpk_short')),
      ]);
      expect(answers.map((a) => [a.status, a.body.errors?.[0]?.extensions?.reason])).toEqual([
        ...Array.from({ length: 10 }, () => [401, 'CREDENTIAL_SERVICE_REFUSED']),
        ...Array.from({ length: 10 }, () => [401, 'API_KEY_MALFORMED']),
      ]);
      expect(service.refused()).toBeGreaterThan(before);
    });
  },
);
