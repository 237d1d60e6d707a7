/**
 * API keys through the real gateway over HTTP, resolved by the credential service (here the tenants
 * subgraph) under its own credential:
 *   - 24 fresh keys of two tenants, three organizations and different scopes, each used 6 times, all 144
 *     requests in flight together: each caller sees exactly its own key, tenant, organization, scopes and
 *     locations, and each key costs one lookup (the cache is keyed by the key's hash, lookups in flight shared);
 *   - the internal route refuses a context token (the subject it used to trust), no credential and a wrong one;
 *   - revoking a key ends it on the gateway the moment `tenants.api_key.revoked` is handled, while other
 *     keys in flight keep working;
 *   - bad input is a 401 with a reason, never a 5xx: malformed or unknown keys, a gateway whose credential
 *     the service refuses, a gateway without a credential.
 */
import { composeFromCode } from '../../bin/compose';
import { DEMO } from '../../bin/demo-plan';
import { startGatewayService } from '../../bin/platform';
import { hashApiKey } from '../../core/api-key';
import type { SubgraphName } from '../../core/config';
import { CONTEXT_HEADER, ContextTokenCodec } from '../../core/context-token';
import { CredentialServiceCredential, RESOLVE_API_KEY_PATH } from '../../core/credential-service';
import { createLogger } from '../../core/logger';
import { MemberRole } from '../../core/vocabulary';
import { CredentialServiceClient } from '../../gateway/credential-service-client';
import type { RunningGateway } from '../../gateway/gateway';
import { deferred } from '../helpers/eventually';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { principal } from '../helpers/principals';
import { describeEachDb } from '../helpers/variants';

const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`;
const WHO = `{ viewer { subject tenantId organizationId scopes apiKeyId } locations { id } }`;
const SCOPE_SETS = [
  ['tenants:read'],
  ['tenants:read', 'agents:read'],
  ['coaching:write', 'tenants:read'],
  ['agents:read', 'analytics:read', 'tenants:read'],
];

interface Key {
  secret: string;
  id: string;
  tenantId: string;
  organizationId: string;
  scopes: string[];
  locations: string[];
}
interface Who {
  viewer: { subject: string; tenantId: string; organizationId: string; scopes: string[]; apiKeyId: string };
  locations: { id: string }[];
}

const sorted = (xs: readonly string[]) => [...xs].sort();
/** Where a key may be created: the demo tenants' root organizations and Acme's child, with their locations. */
const ORGS = [
  {
    tenant: 'acme',
    tenantId: DEMO.acme.id,
    organizationId: DEMO.acme.id,
    locations: DEMO.acme.locations.map((l) => l.id),
  },
  {
    tenant: 'acme',
    tenantId: DEMO.acme.id,
    organizationId: DEMO.acme.child.id,
    locations: DEMO.acme.locations.filter((l) => l.child).map((l) => l.id),
  },
  {
    tenant: 'summit',
    tenantId: DEMO.summit.id,
    organizationId: DEMO.summit.id,
    locations: DEMO.summit.locations.map((l) => l.id),
  },
] as const;

describeEachDb('API keys through the credential service (%s)', (kind) => {
  let t: TestPlatform;
  let supergraph: string;
  const extra: RunningGateway[] = [];

  beforeAll(async () => {
    // composed first: composing builds the subgraphs' schemas (billing's points the in-memory quota store
    // at the ORM it was given)
    supergraph = (await composeFromCode()).supergraph;
    t = await startTestPlatform(kind);
  }, 120_000);
  afterAll(async () => {
    for (const g of extra) await g.close();
    await t?.close();
  });

  async function createKeys(n: number): Promise<Key[]> {
    return Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const org = ORGS[i % ORGS.length]!;
        const scopes = SCOPE_SETS[i % SCOPE_SETS.length]!;
        const r = await t.gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
          CREATE_KEY,
          { input: { name: `burst ${i}`, scopes, organizationId: org.organizationId } },
          { 'x-api-key': t.apiKeys[org.tenant] },
        );
        expect(r.errors).toBeUndefined();
        const { secret, apiKey } = r.data!.createApiKey;
        return { secret, id: apiKey.id, ...org, scopes: sorted(scopes), locations: sorted(org.locations) };
      }),
    );
  }

  async function gatewayWith(credentialServiceSecret: string | undefined): Promise<RunningGateway> {
    const urls = Object.fromEntries(
      Object.entries(t.platform.services).map(([name, svc]) => [name, svc.subgraph.url]),
    ) as Record<SubgraphName, string>;
    const config = { ...t.config, credentialService: { secret: credentialServiceSecret } };
    const gw = await startGatewayService(
      config,
      createLogger({ level: 'silent', name: 'it-gw' }),
      urls,
      supergraph,
    );
    extra.push(gw);
    return gw;
  }

  async function post(url: string, headers: Record<string, string>, query = WHO) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as {
      data?: Who | null;
      errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
    };
    return { status: res.status, ...body };
  }

  test('144 requests with 24 fresh keys in flight: each caller sees only its own key, one lookup per key', async () => {
    const keys = await createKeys(24);
    const lookups = jest.spyOn(CredentialServiceClient.prototype, 'resolveApiKey');
    try {
      const runs = Array.from({ length: 6 }, () => keys).flat();
      const answers = await Promise.all(
        runs.map(async (k) => ({ k, ...(await post(t.url, { 'x-api-key': k.secret })) })),
      );
      const wrong = answers.filter(({ k, status, data, errors }) => {
        const seen = data?.viewer;
        return (
          status !== 200 ||
          errors !== undefined ||
          seen?.apiKeyId !== k.id ||
          seen.subject !== `apikey:${k.id}` ||
          seen.tenantId !== k.tenantId ||
          seen.organizationId !== k.organizationId ||
          JSON.stringify(sorted(seen.scopes)) !== JSON.stringify(k.scopes) ||
          JSON.stringify(sorted(data!.locations.map((l) => l.id))) !== JSON.stringify(k.locations)
        );
      });
      expect(wrong.map((w) => ({ key: w.k.id, status: w.status, data: w.data, errors: w.errors }))).toEqual(
        [],
      );
      const perKey = new Map<string, number>();
      for (const [hash] of lookups.mock.calls) perKey.set(hash, (perKey.get(hash) ?? 0) + 1);
      expect(keys.map((k) => perKey.get(hashApiKey(k.secret)))).toEqual(keys.map(() => 1));
    } finally {
      lookups.mockRestore();
    }
  }, 60_000);

  test('the internal route refuses context tokens (the old trusted subject too), no credential and a wrong one', async () => {
    const [key] = await createKeys(1);
    const codec = new ContextTokenCodec(t.config.auth.contextSecret!);
    const route = new URL(RESOLVE_API_KEY_PATH, t.platform.services.tenants.subgraph.url);
    const body = JSON.stringify({ keyHash: hashApiKey(key!.secret) });
    const asGateway = await codec.sign(
      principal({ tenantId: '_system', subject: 'service:gateway', role: MemberRole.OWNER }),
    );
    const attempts: Record<string, Record<string, string>> = {
      'context token': { [CONTEXT_HEADER]: asGateway },
      'context token as bearer': { authorization: `Bearer ${asGateway}` },
      none: {},
      wrong: { authorization: await new CredentialServiceCredential('x'.repeat(40)).authorization() },
      right: {
        authorization: await new CredentialServiceCredential(
          t.config.credentialService.secret!,
        ).authorization(),
      },
    };
    const answers = await Promise.all(
      Object.entries(attempts).flatMap(([name, headers]) =>
        Array.from({ length: 10 }, async () => {
          const res = await fetch(route, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body,
          });
          return `${name}: ${res.status}`;
        }),
      ),
    );
    expect(answers.sort()).toEqual(
      ['context token', 'context token as bearer', 'none', 'right', 'wrong']
        .flatMap((name) => Array.from({ length: 10 }, () => `${name}: ${name === 'right' ? 200 : 401}`))
        .sort(),
    );
  });

  test('a revoked key is refused the moment its event is handled; other keys in flight keep working', async () => {
    const [doomed, ...others] = await createKeys(7);
    const warm = await post(t.url, { 'x-api-key': doomed!.secret });
    expect(warm.data?.viewer.apiKeyId).toBe(doomed!.id);
    // waits on the event itself: the gateway's consumer handing `tenants.api_key.revoked` to its cache
    const handled = deferred();
    const original = t.platform.gateway.resolver.forgetKey.bind(t.platform.gateway.resolver);
    const spy = jest.spyOn(t.platform.gateway.resolver, 'forgetKey').mockImplementation((hash: string) => {
      original(hash);
      if (hash === hashApiKey(doomed!.secret)) handled.resolve();
    });
    try {
      const tenant = ORGS.find((o) => o.organizationId === doomed!.organizationId)!.tenant;
      const [revoked, during] = await Promise.all([
        t.gql(
          'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }',
          { id: doomed!.id },
          { 'x-api-key': t.apiKeys[tenant] },
        ),
        Promise.all(others.map((k) => post(t.url, { 'x-api-key': k.secret }))),
      ]);
      expect(revoked.errors).toBeUndefined();
      expect(during.filter((a, i) => a.data?.viewer.apiKeyId !== others[i]!.id)).toEqual([]);
      await handled.promise;
      const after = await Promise.all(
        [doomed!, ...others].map((k) => post(t.url, { 'x-api-key': k.secret })),
      );
      expect(after[0]!.status).toBe(401);
      expect(after[0]!.data ?? null).toBeNull();
      expect(after[0]!.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'API_KEY_UNKNOWN',
      });
      expect(after.slice(1).filter((a, i) => a.data?.viewer.apiKeyId !== others[i]!.id)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  test('bad input is a 401 with a reason, never a 5xx', async () => {
    const [key] = await createKeys(1);
    const refusedGw = await gatewayWith('r'.repeat(40));
    const offGw = await gatewayWith(undefined);
    const cases: [string, string, Record<string, string>, string][] = [
      ['malformed', t.url, { 'x-api-key': 'not-a-key' }, 'API_KEY_MALFORMED'],
      ['truncated', t.url, { 'x-api-key': key!.secret.slice(0, 20) }, 'API_KEY_MALFORMED'],
      ['unknown', t.url, { 'x-api-key': 'cpk_00000000_notarealkeyatallnotreal' }, 'API_KEY_UNKNOWN'],
      ['refused credential', refusedGw.url, { 'x-api-key': key!.secret }, 'CREDENTIAL_SERVICE_REFUSED'],
      ['no credential', offGw.url, { 'x-api-key': key!.secret }, 'API_KEYS_NOT_CONFIGURED'],
    ];
    const answers = await Promise.all(
      cases.flatMap(([name, url, headers, reason]) =>
        Array.from({ length: 5 }, async () => {
          const r = await post(url, headers);
          return {
            name,
            status: r.status,
            code: r.errors?.[0]?.extensions?.code,
            reason: r.errors?.[0]?.extensions?.reason,
            want: reason,
          };
        }),
      ),
    );
    expect(
      answers.filter((a) => a.status !== 401 || a.code !== 'UNAUTHENTICATED' || a.reason !== a.want),
    ).toEqual([]);
  });
});
