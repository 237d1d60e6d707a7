/**
 * The federated platform end to end over real HTTP on port 0: gateway + five subgraphs, demo seed,
 * auth matrix, limits, tenant isolation through the gateway, and the context-token wall in front of
 * every subgraph. Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.
 */
import http from 'node:http';
import { signAccessToken } from '../../core/access-token';
import { ROLE_SCOPES, type Principal } from '../../core/principal';
import { MemberRole } from '../../core/vocabulary';
import { DEMO, demoAgents } from '../../bin/demo-plan';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { TEST_JWT_SECRET } from '../helpers/subgraph-harness';

const jwtOpts = { secret: TEST_JWT_SECRET, issuer: 'coaching-platform', audience: 'coaching-api' };

function userToken(p: Partial<Principal> & Pick<Principal, 'tenantId' | 'role'>, ttl = 600): Promise<string> {
  return signAccessToken(
    jwtOpts,
    {
      organizationId: p.tenantId,
      organizationIds: [p.tenantId],
      locationIds: p.role === MemberRole.OWNER || p.role === MemberRole.ADMIN ? null : [],
      scopes: ROLE_SCOPES[p.role],
      subject: `user:${p.role.toLowerCase()}`,
      ...p,
    },
    ttl,
  );
}

/** A request whose path is sent byte for byte (fetch would normalise it): status and body. */
function rawRequest(base: URL, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, method, path, headers: { 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? '{"query":"{ __typename }"}' : undefined);
  });
}

const AGENTS_WITH_LOCATION = `query ($first: Int) {
  agents(first: $first) { totalCount edges { node { id name role experience location { id name timezone } } } }
}`;

describeEachDb('platform through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(kind);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const acmeAgents = demoAgents('acme');
  const summitAgents = demoAgents('summit');

  test('a federated query joins agents (agents subgraph) with their location (tenants subgraph)', async () => {
    const res = await t.gql<{
      agents: { totalCount: number; edges: { node: { name: string; location: { name: string } | null } }[] };
    }>(AGENTS_WITH_LOCATION, { first: 50 }, { 'x-api-key': t.apiKeys.acme });
    expect(res.errors).toBeUndefined();
    expect(res.data!.agents.totalCount).toBe(acmeAgents.length);
    const names = res.data!.agents.edges.map((e) => e.node.name).sort();
    expect(names).toEqual(acmeAgents.map((a) => a.name).sort());
    const located = res.data!.agents.edges.filter((e) => e.node.location);
    expect(located.length).toBe(acmeAgents.filter((a) => a.locationId).length);
    expect(located.map((e) => e.node.location!.name)).toEqual(
      expect.arrayContaining(['Austin Downtown', 'Lakeway Luxury']),
    );
  });

  test('Location.agents is contributed by the agents subgraph', async () => {
    const res = await t.gql<{ locations: { name: string; agents: { totalCount: number } }[] }>(
      '{ locations { name agents { totalCount } } }',
      {},
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(res.errors).toBeUndefined();
    const austin = res.data!.locations.find((l) => l.name === 'Austin Downtown')!;
    expect(austin.agents.totalCount).toBe(
      acmeAgents.filter((a) => a.locationId === DEMO.acme.locations[0].id).length,
    );
  });

  describe('auth matrix', () => {
    test('no credentials: data is refused with UNAUTHENTICATED, introspection is public', async () => {
      const res = await t.gql('{ agents(first: 1) { totalCount } }');
      expect(res.status).toBe(401);
      expect(res.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
      const intro = await t.gql<{ __schema: { queryType: { name: string } } }>(
        '{ __schema { queryType { name } } }',
      );
      expect(intro.data!.__schema.queryType.name).toBe('Query');
    });

    test('a wrong API key and a forged or expired JWT are UNAUTHENTICATED', async () => {
      const bad = await t.gql(
        '{ agents(first: 1) { totalCount } }',
        {},
        { 'x-api-key': 'cpk_00000000_notarealkeyatallnotreal' },
      );
      expect(bad.status).toBe(401);
      expect(bad.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
      const forged = await signAccessToken(
        { ...jwtOpts, secret: 'another-secret-another-secret-another' },
        {
          tenantId: DEMO.acme.id,
          organizationId: DEMO.acme.id,
          organizationIds: [DEMO.acme.id],
          locationIds: null,
          role: MemberRole.OWNER,
          scopes: ROLE_SCOPES.OWNER,
          subject: 'x',
        },
        600,
      );
      const res = await t.gql(
        '{ agents(first: 1) { totalCount } }',
        {},
        { authorization: `Bearer ${forged}` },
      );
      expect(res.status).toBe(401);
      const expired = await userToken({ tenantId: DEMO.acme.id, role: MemberRole.OWNER }, -10);
      const res2 = await t.gql(
        '{ agents(first: 1) { totalCount } }',
        {},
        { authorization: `Bearer ${expired}` },
      );
      expect(res2.status).toBe(401);
      expect(res2.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    });

    test('a key without the needed scope is FORBIDDEN; a revoked key is UNAUTHENTICATED', async () => {
      const created = await t.gql<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
        'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }',
        { input: { name: 'read-only partner', scopes: ['tenants:read'] } },
        { 'x-api-key': t.apiKeys.acme },
      );
      expect(created.errors).toBeUndefined();
      const { secret, apiKey } = created.data!.createApiKey;
      const denied = await t.gql('{ agents(first: 1) { totalCount } }', {}, { 'x-api-key': secret });
      expect(denied.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
      const ok = await t.gql('{ locations { name } }', {}, { 'x-api-key': secret });
      expect(ok.errors).toBeUndefined();

      const revoked = await t.gql(
        'mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }',
        { id: apiKey.id },
        { 'x-api-key': t.apiKeys.acme },
      );
      expect(revoked.errors).toBeUndefined();
      // the key was cached by the gateway; the revocation event must evict it within the relay's tick
      const after = await eventually(
        async () => {
          const r = await t.gql('{ locations { name } }', {}, { 'x-api-key': secret });
          return r.status === 401 && r;
        },
        { what: 'the revoked key to be refused' },
      );
      expect(after.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    });

    test('each role sees what it should: AGENT itself, MANAGER its location + shared pool, OWNER everything', async () => {
      const me = acmeAgents[0]!;
      const agentTok = await userToken({
        tenantId: DEMO.acme.id,
        role: MemberRole.AGENT,
        agentId: me.id,
        locationIds: [me.locationId!],
      });
      const a = await t.gql<{ agents: { totalCount: number; edges: { node: { id: string } }[] } }>(
        AGENTS_WITH_LOCATION,
        { first: 50 },
        { authorization: `Bearer ${agentTok}` },
      );
      expect(a.errors).toBeUndefined();
      expect(a.data!.agents.edges.map((e) => e.node.id)).toEqual([me.id]);

      const loc = DEMO.acme.locations[0].id;
      const mgrTok = await userToken({
        tenantId: DEMO.acme.id,
        role: MemberRole.MANAGER,
        locationIds: [loc],
      });
      const m = await t.gql<{ agents: { edges: { node: { id: string } }[] } }>(
        AGENTS_WITH_LOCATION,
        { first: 50 },
        { authorization: `Bearer ${mgrTok}` },
      );
      const expected = acmeAgents
        .filter((x) => x.locationId === loc || x.locationId === null)
        .map((x) => x.id)
        .sort();
      expect(m.data!.agents.edges.map((e) => e.node.id).sort()).toEqual(expected);

      const ownerTok = await userToken({ tenantId: DEMO.acme.id, role: MemberRole.OWNER });
      const o = await t.gql<{ agents: { totalCount: number } }>(
        AGENTS_WITH_LOCATION,
        { first: 50 },
        { authorization: `Bearer ${ownerTok}` },
      );
      expect(o.data!.agents.totalCount).toBe(acmeAgents.length);

      const create = await t.gql(
        'mutation ($input: CreateAgentInput!) { createAgent(input: $input) { id } }',
        {
          input: {
            name: 'Sneaky',
            email: 'sneaky@example.com',
            phone: '+15125550199',
            role: 'BUYER_AGENT',
            experience: 'NOVICE',
            specializations: [],
            locationId: loc,
          },
        },
        { authorization: `Bearer ${agentTok}` },
      );
      expect(create.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    });
  });

  describe('tenant isolation', () => {
    test('by id, by list and through nested entity fields, tenant B sees nothing of tenant A', async () => {
      const aAgent = acmeAgents[1]!;
      const byId = await t.gql(
        'query ($id: ID!) { agent(id: $id) { id name } }',
        { id: aAgent.id },
        { 'x-api-key': t.apiKeys.summit },
      );
      expect(byId.errors![0]!.extensions!['code']).toBe('NOT_FOUND');
      const missing = await t.gql(
        'query ($id: ID!) { agent(id: $id) { id name } }',
        { id: '9f9e6f3a-1c1d-4a8e-9a53-000000000999' },
        { 'x-api-key': t.apiKeys.summit },
      );
      expect(missing.errors![0]!.message).toBe(
        byId.errors![0]!.message.replace(aAgent.id, '9f9e6f3a-1c1d-4a8e-9a53-000000000999'),
      );

      const list = await t.gql<{
        agents: { edges: { node: { id: string; location: { id: string } | null } }[] };
      }>(AGENTS_WITH_LOCATION, { first: 100 }, { 'x-api-key': t.apiKeys.summit });
      const ids = list.data!.agents.edges.map((e) => e.node.id).sort();
      expect(ids).toEqual(summitAgents.map((a) => a.id).sort());
      for (const e of list.data!.agents.edges)
        if (e.node.location) expect(e.node.location.id).toBe(DEMO.summit.locations[0].id);

      const loc = await t.gql(
        'query ($id: ID!) { location(id: $id) { id name agents { totalCount } } }',
        { id: DEMO.acme.locations[0].id },
        { 'x-api-key': t.apiKeys.summit },
      );
      expect(loc.errors![0]!.extensions!['code']).toBe('NOT_FOUND');
    });

    test('tenant B cannot write to tenant A', async () => {
      const upd = await t.gql(
        'mutation ($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id name } }',
        { id: acmeAgents[2]!.id, input: { name: 'Hijacked' } },
        { 'x-api-key': t.apiKeys.summit },
      );
      expect(upd.errors![0]!.extensions!['code']).toBe('NOT_FOUND');
      const check = await t.gql<{ agent: { name: string } }>(
        'query ($id: ID!) { agent(id: $id) { name } }',
        { id: acmeAgents[2]!.id },
        { 'x-api-key': t.apiKeys.acme },
      );
      expect(check.data!.agent.name).toBe(acmeAgents[2]!.name);
    });
  });

  describe('the context-token wall', () => {
    test('a direct subgraph call without a valid context token is refused; SDL for composition is not', async () => {
      for (const name of ['tenants', 'agents', 'coaching', 'analytics', 'billing'] as const) {
        const url = t.platform.services[name].subgraph.url;
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
        });
        expect(res.status).toBe(401);
        const forged = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-platform-context': 'eyJhbGciOiJIUzI1NiJ9.e30.bad',
          },
          body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
        });
        expect(forged.status).toBe(401);
        const sdl = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ _service { sdl } }' }),
        });
        expect(sdl.status).toBe(200);
      }
    });
  });

  test('every subgraph serves /health, /ready and /metrics with its request counts', async () => {
    await t.gql(AGENTS_WITH_LOCATION, { first: 5 }, { 'x-api-key': t.apiKeys.acme });
    const base = new URL('/', t.platform.services.agents.subgraph.url);
    expect((await fetch(new URL('/health', base))).status).toBe(200);
    expect((await fetch(new URL('/ready', base))).status).toBe(200);
    const text = await (await fetch(new URL('/metrics', base))).text();
    expect(text).toMatch(/graphql_requests_total\{service="agents",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/graphql_request_duration_seconds_count\{service="agents"\} [1-9]/);
  });

  describe('limits and bad input', () => {
    const nested = (depth: number) => {
      let q = 'id';
      for (let i = 0; i < depth - 1; i++) q = `organization { ${q} }`;
      return `{ locations { ${q} } }`;
    };

    test('depth just under the limit passes; just over is QUERY_TOO_COMPLEX before any subgraph call', async () => {
      const max = t.config.limits.maxDepth;
      const ok = await t.gql(nested(max - 1), {}, { 'x-api-key': t.apiKeys.acme });
      expect(ok.errors?.find((e) => e.extensions?.['code'] === 'QUERY_TOO_COMPLEX')).toBeUndefined();
      const over = await t.gql(nested(max + 1), {}, { 'x-api-key': t.apiKeys.acme });
      expect(over.errors![0]!.extensions!['code']).toBe('QUERY_TOO_COMPLEX');
    });

    test('aliases and tokens: just under passes, just over fails', async () => {
      const maxAliases = t.config.limits.maxAliases;
      const aliases = (n: number) =>
        `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
      const ok = await t.gql(aliases(maxAliases), {}, { 'x-api-key': t.apiKeys.acme });
      expect(ok.errors).toBeUndefined();
      const over = await t.gql(aliases(maxAliases + 1), {}, { 'x-api-key': t.apiKeys.acme });
      expect(over.errors![0]!.extensions!['code']).toBe('QUERY_TOO_COMPLEX');
      // `... on Query { __typename }` is 6 tokens; the braces around the operation add 2.
      const tokens = (n: number) => {
        const fragments = Math.floor((n - 2) / 6);
        const rest = n - 2 - fragments * 6;
        return `{ ${Array.from({ length: fragments }, () => '... on Query { __typename }').join(' ')} ${'__typename '.repeat(rest)}}`;
      };
      const max = t.config.limits.maxTokens;
      const tokOver = await t.gql(tokens(max + 1), {}, { 'x-api-key': t.apiKeys.acme });
      expect(tokOver.errors![0]!.extensions!['code']).toBe('QUERY_TOO_COMPLEX');
      const tokOk = await t.gql(tokens(max), {}, { 'x-api-key': t.apiKeys.acme });
      expect(tokOk.errors).toBeUndefined();
    });

    test('oversize body → 413 PAYLOAD_TOO_LARGE; malformed JSON → 400, never 500', async () => {
      const big = 'x'.repeat(t.config.limits.maxBodyBytes + 10);
      const res = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': t.apiKeys.acme },
        body: JSON.stringify({ query: `{ __typename } # ${big}` }),
      });
      expect(res.status).toBe(413);
      const bad = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': t.apiKeys.acme },
        body: '{"query": "{ __typename }"',
      });
      expect(bad.status).toBe(400);
    });

    test('paths that are no URL (`///`, `//%ff`, `//:99999/graphql`) get a 4xx, never a 500', async () => {
      const gateway = new URL(t.url);
      const subgraph = new URL(t.platform.services.coaching.subgraph.url);
      const weird = [
        '///',
        '//%ff',
        '//%00',
        '//:99999/graphql',
        '//%E2%80%AE',
        '///graphql?query={__typename}',
      ];
      const answers = await Promise.all(
        [gateway, subgraph].flatMap((base) =>
          weird.flatMap((path) => ['GET', 'POST'].map((method) => rawRequest(base, method, path))),
        ),
      );
      expect(answers).toHaveLength(24);
      for (const a of answers) expect(a.status).toBeGreaterThanOrEqual(400);
      for (const a of answers) expect(a.status).toBeLessThan(500);
      // on the gateway, a path that is no URL is a 400 with a code; one that is a URL but no route is a 404
      const onGateway = answers.slice(0, 12);
      expect(onGateway.filter((a) => a.status === 400 && !/"BAD_USER_INPUT"/.test(a.body))).toEqual([]);
      expect(onGateway.filter((a) => a.status === 400).length).toBeGreaterThanOrEqual(6);
    });

    test('invalid email, phone and enum are BAD_USER_INPUT naming the field', async () => {
      const base = {
        name: 'New Agent',
        email: 'new.agent@example.com',
        phone: '+15125550123',
        role: 'BUYER_AGENT',
        experience: 'NOVICE',
        specializations: [],
        locationId: DEMO.acme.locations[0].id,
      };
      const mutation = 'mutation ($input: CreateAgentInput!) { createAgent(input: $input) { id } }';
      const email = await t.gql(
        mutation,
        { input: { ...base, email: 'not-an-email' } },
        { 'x-api-key': t.apiKeys.acme },
      );
      expect(email.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
      expect(email.errors![0]!.message).toMatch(/email/i);
      const phone = await t.gql(
        mutation,
        { input: { ...base, phone: 'call me maybe' } },
        { 'x-api-key': t.apiKeys.acme },
      );
      expect(phone.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
      expect(phone.errors![0]!.message).toMatch(/phone/i);
      const role = await t.gql(
        mutation,
        { input: { ...base, role: 'WIZARD' } },
        { 'x-api-key': t.apiKeys.acme },
      );
      expect(role.status).toBeLessThan(500);
      expect(role.errors![0]!.message).toMatch(/role|WIZARD/);
    });
  });
});
