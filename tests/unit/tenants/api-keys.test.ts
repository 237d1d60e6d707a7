import { randomUUID } from 'node:crypto';
import { hashApiKey, looksLikeApiKey } from '../../../core/api-key';
import { CredentialServiceCredential, RESOLVE_API_KEY_PATH } from '../../../core/credential-service';
import type { Principal } from '../../../core/principal';
import { MemberRole } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import {
  startHarness,
  TEST_CREDENTIAL_SERVICE_SECRET,
  type SubgraphHarness,
} from '../../helpers/subgraph-harness';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { A, agentA, childAdminA, dataOf, errorOf, managerA, ownerA, seed } from './fixtures';

const CREATE = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix scopes organizationId partnerAppId createdAt revokedAt lastUsedAt } }
}`;

interface Created {
  secret: string;
  apiKey: {
    id: string;
    prefix: string;
    scopes: string[];
    organizationId: string;
    partnerAppId: string | null;
    lastUsedAt: string | null;
  };
}

const gateway = new CredentialServiceCredential(TEST_CREDENTIAL_SERVICE_SECRET);

describeEachDb('API keys (%s)', (kind) => {
  let h: SubgraphHarness;
  const table = (name: string) => (kind === 'postgres' ? `"${h.db.schema}"."${name}"` : `"${name}"`);

  /** POSTs to the resolve route as the gateway (the credential-service credential) unless told otherwise. */
  async function resolve(keyHash: unknown, headers?: Record<string, string>) {
    headers ??= { authorization: await gateway.authorization() };
    const res = await fetch(new URL(RESOLVE_API_KEY_PATH, h.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ keyHash }),
    });
    return { status: res.status, body: (await res.json()) as { principal?: Principal; error?: string } };
  }

  async function create(p: Principal, input: Record<string, unknown>): Promise<Created> {
    return dataOf(await h.exec<{ createApiKey: Created }>(p, CREATE, { input })).createApiKey;
  }

  beforeAll(async () => {
    h = await startHarness(tenantsSubgraph, kind);
    await seed(h);
  });
  afterAll(() => h.close());

  it('returns the secret once and stores only its hash', async () => {
    const { secret, apiKey } = await create(ownerA(), {
      name: 'CRM sync',
      scopes: ['agents:read', 'tenants:read'],
    });
    expect(looksLikeApiKey(secret)).toBe(true);
    expect(secret.startsWith(`cpk_${apiKey.prefix}_`)).toBe(true);
    expect(apiKey).toMatchObject({
      scopes: ['agents:read', 'tenants:read'],
      organizationId: A.id,
      partnerAppId: null,
    });
    const rows = await h.db.owner.em
      .fork()
      .getConnection()
      .execute<Record<string, unknown>[]>(`select * from ${table('api_keys')} where id = ?`, [apiKey.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!['key_hash']).toBe(hashApiKey(secret));
    expect(JSON.stringify(rows[0])).not.toContain(secret);
    const randomPart = secret.slice(`cpk_${apiKey.prefix}_`.length);
    expect(randomPart.length).toBeGreaterThanOrEqual(32);
    expect(JSON.stringify(rows[0])).not.toContain(randomPart);
    const audit = await h.db.owner.em
      .fork()
      .getConnection()
      .execute<Record<string, unknown>[]>(`select * from ${table('audit_entries')}`);
    expect(JSON.stringify(audit)).not.toContain(secret);
    // listing never shows the secret or its hash; the schema has no such field
    const listed = await h.exec(ownerA(), '{ apiKeys { id prefix } }');
    expect(JSON.stringify(listed)).not.toContain(randomPart);
    expect(JSON.stringify(listed)).not.toContain(hashApiKey(secret));
    const fields = dataOf(
      await h.exec<{ __type: { fields: { name: string }[] } }>(
        ownerA(),
        '{ __type(name: "ApiKey") { fields { name } } }',
      ),
    );
    expect(fields.__type.fields.map((f) => f.name)).not.toContain('keyHash');
    const asked = await h.exec(ownerA(), '{ apiKeys { keyHash } }');
    expect(asked.data).toBeUndefined();
    expect(asked.errors).toHaveLength(1);
  });

  it('validates scopes and never grants more than the caller holds', async () => {
    const unknown = errorOf(
      await h.exec(ownerA(), CREATE, { input: { name: 'x', scopes: ['tenants:read', 'root:all'] } }),
    );
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'scopes' } });
    const empty = errorOf(await h.exec(ownerA(), CREATE, { input: { name: 'x', scopes: [] } }));
    expect(empty).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'scopes' } });
    const more = errorOf(
      await h.exec(childAdminA(), CREATE, { input: { name: 'x', scopes: ['billing:write'] } }),
    );
    expect(more.code).toBe('FORBIDDEN');
  });

  it('AGENT and MANAGER cannot create API keys', async () => {
    for (const p of [agentA(), managerA()]) {
      expect(
        errorOf(await h.exec(p, CREATE, { input: { name: 'mine', scopes: ['coaching:read'] } })).code,
      ).toBe('FORBIDDEN');
      expect(errorOf(await h.exec(p, '{ apiKeys { id } }')).code).toBe('FORBIDDEN');
    }
  });

  it('the resolve route turns a key hash into an ADMIN principal of the key organization', async () => {
    const root = await create(ownerA(), { name: 'root key', scopes: ['coaching:write', 'agents:read'] });
    const r = await resolve(hashApiKey(root.secret));
    expect(r.status).toBe(200);
    expect(r.body.principal).toEqual({
      tenantId: A.id,
      organizationId: A.id,
      organizationIds: [A.id, A.child],
      locationIds: null,
      role: MemberRole.ADMIN,
      scopes: ['agents:read', 'coaching:write'],
      subject: `apikey:${root.apiKey.id}`,
      apiKeyId: root.apiKey.id,
    });

    const app = dataOf(
      await h.exec<{ createPartnerApp: { id: string; revenueShareBps: number } }>(
        ownerA(),
        'mutation { createPartnerApp(input: { name: "Dialer Pro", revenueShareBps: 2500 }) { id revenueShareBps } }',
      ),
    ).createPartnerApp;
    const child = await create(ownerA(), {
      name: 'lux partner',
      scopes: ['coaching:read'],
      organizationId: A.child,
      partnerAppId: app.id,
    });
    const c = await resolve(hashApiKey(child.secret).toUpperCase());
    expect(c.status).toBe(200);
    expect(c.body.principal).toMatchObject({
      tenantId: A.id,
      organizationId: A.child,
      organizationIds: [A.child],
      locationIds: [A.loc2],
      subject: `apikey:${child.apiKey.id}`,
      partnerAppId: app.id,
    });
  });

  it('revoked and unknown keys answer 404 unknown_key', async () => {
    const { secret, apiKey } = await create(ownerA(), { name: 'short lived', scopes: ['tenants:read'] });
    expect((await resolve(hashApiKey(secret))).status).toBe(200);
    const revoked = dataOf(
      await h.exec<{ revokeApiKey: { revokedAt: string } }>(
        ownerA(),
        'mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
        { id: apiKey.id },
      ),
    ).revokeApiKey;
    expect(Date.parse(revoked.revokedAt)).not.toBeNaN();
    expect(await resolve(hashApiKey(secret))).toEqual({ status: 404, body: { error: 'unknown_key' } });
    expect(await resolve(hashApiKey('cpk_00000000_nope'))).toEqual({
      status: 404,
      body: { error: 'unknown_key' },
    });
    // revoking again is harmless
    expect(
      dataOf(
        await h.exec(ownerA(), 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id: apiKey.id }),
      ),
    ).toBeTruthy();
  });

  it('bad input to the resolve route: 400 for a malformed hash, 405 for a GET', async () => {
    expect((await resolve('not-a-hash')).status).toBe(400);
    const get = await fetch(new URL(RESOLVE_API_KEY_PATH, h.server.url));
    expect(get.status).toBe(405);
  });

  it('records lastUsedAt at most once a minute', async () => {
    const { secret, apiKey } = await create(ownerA(), { name: 'usage', scopes: ['tenants:read'] });
    const lastUsed = async () =>
      dataOf(
        await h.exec<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(
          ownerA(),
          '{ apiKeys { id lastUsedAt } }',
        ),
      ).apiKeys.find((k) => k.id === apiKey.id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await resolve(hashApiKey(secret));
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await resolve(hashApiKey(secret));
    expect(await lastUsed()).toBe(first);
  });

  it('revoking a key of another tenant or an unknown id is NOT_FOUND', async () => {
    const { apiKey } = await create(ownerA(), { name: 'a only', scopes: ['tenants:read'] });
    const other = principal({ tenantId: randomUUID(), subject: 'x' });
    for (const id of [apiKey.id, randomUUID()]) {
      expect(
        errorOf(await h.exec(other, 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id })).code,
      ).toBe('NOT_FOUND');
    }
  });

  it('validates partner apps', async () => {
    const err = errorOf(
      await h.exec(
        ownerA(),
        'mutation { createPartnerApp(input: { name: "Greedy", revenueShareBps: 10001 }) { id } }',
      ),
    );
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'revenueShareBps' } });
    const forbidden = errorOf(
      await h.exec(
        childAdminA(),
        'mutation { createPartnerApp(input: { name: "Child", revenueShareBps: 1 }) { id } }',
      ),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    const unknownApp = errorOf(
      await h.exec(ownerA(), CREATE, {
        input: { name: 'x', scopes: ['tenants:read'], partnerAppId: randomUUID() },
      }),
    );
    expect(unknownApp.code).toBe('NOT_FOUND');
  });
});
