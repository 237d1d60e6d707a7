/**
 * The credential-service routes answer only the credential-service credential: no context token (any
 * principal, any subject — including the `service:gateway` the routes used to trust), no credential, a
 * credential under another secret (the context secret among them) or an expired one is refused with 401,
 * many forged calls in flight among real ones; and the credential is no context token on GraphQL.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { hashApiKey } from '../../../core/api-key';
import { loadConfig } from '../../../core/config';
import { CONTEXT_HEADER } from '../../../core/context-token';
import {
  CredentialServiceCredential,
  RESOLVE_API_KEY_PATH,
  SUBJECT_REVOCATION_PATH,
} from '../../../core/credential-service';
import { sendJson } from '../../../core/server/http-util';
import { tenantsRoutes } from '../../../subgraphs/tenants/routes';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import {
  startHarness,
  TEST_CONTEXT_SECRET,
  TEST_CREDENTIAL_SERVICE_SECRET,
  TEST_JWT_SECRET,
  type SubgraphHarness,
} from '../../helpers/subgraph-harness';
import { A, dataOf, ownerA, seed } from './fixtures';

const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`;
const real = new CredentialServiceCredential(TEST_CREDENTIAL_SERVICE_SECRET);

async function post(base: string, path: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A token with the right issuer and audience under the right secret, expired a minute ago. */
async function expiredCredential(): Promise<string> {
  const past = Math.floor(Date.now() / 1000) - 120;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('coaching-gateway')
    .setAudience('coaching-credential-service')
    .setSubject('gateway')
    .setIssuedAt(past)
    .setExpirationTime(past + 60)
    .sign(new TextEncoder().encode(TEST_CREDENTIAL_SERVICE_SECRET));
  return `Bearer ${token}`;
}

describeEachDb('credential-service routes (%s)', (kind) => {
  let h: SubgraphHarness;
  let keyHash: string;

  beforeAll(async () => {
    h = await startHarness(tenantsSubgraph, kind);
    await seed(h);
    const created = dataOf(
      await h.exec<{ createApiKey: { secret: string } }>(ownerA(), CREATE, {
        input: { name: 'probe', scopes: ['tenants:read'] },
      }),
    ).createApiKey;
    keyHash = hashApiKey(created.secret);
  });
  afterAll(() => h.close());

  /** Every way to call without the credential, by name → the headers sent. */
  async function forgeries(): Promise<Record<string, Record<string, string>>> {
    const asGateway = await h.codec.sign(principal({ tenantId: 'platform', subject: 'service:gateway' }));
    const asOwner = await h.codec.sign(ownerA());
    return {
      'no credential': {},
      "the gateway's old context token": { [CONTEXT_HEADER]: asGateway },
      "a member's context token": { [CONTEXT_HEADER]: asOwner },
      'a context token as the bearer': { authorization: `Bearer ${asGateway}` },
      'a credential under the context secret': {
        authorization: await new CredentialServiceCredential(TEST_CONTEXT_SECRET).authorization(),
      },
      'a credential under the JWT secret': {
        authorization: await new CredentialServiceCredential(TEST_JWT_SECRET).authorization(),
      },
      'a wrong secret': {
        authorization: await new CredentialServiceCredential('w'.repeat(40)).authorization(),
      },
      'an expired credential': { authorization: await expiredCredential() },
      'the secret itself': { authorization: `Bearer ${TEST_CREDENTIAL_SERVICE_SECRET}` },
      'not a bearer': { authorization: `Basic ${TEST_CREDENTIAL_SERVICE_SECRET}` },
    };
  }

  it('refuses every forged caller on both routes, 200 forged calls among 40 real ones in flight', async () => {
    const forged = Object.entries(await forgeries());
    const revocation = { tenantId: A.id, subject: 'user-x' };
    const calls = [
      ...Array.from({ length: 10 }, (_, i) =>
        forged.flatMap(([name, headers]) => [
          post(h.server.url, RESOLVE_API_KEY_PATH, { keyHash }, headers).then((r) => ({ name, i, ...r })),
          post(h.server.url, SUBJECT_REVOCATION_PATH, revocation, headers).then((r) => ({ name, i, ...r })),
        ]),
      ).flat(),
      ...Array.from({ length: 20 }, async () => [
        {
          name: 'real',
          i: 0,
          ...(await post(
            h.server.url,
            RESOLVE_API_KEY_PATH,
            { keyHash },
            { authorization: await real.authorization() },
          )),
        },
        {
          name: 'real',
          i: 0,
          ...(await post(h.server.url, SUBJECT_REVOCATION_PATH, revocation, {
            authorization: await real.authorization(),
          })),
        },
      ]),
    ];
    const answers = (await Promise.all(calls)).flat();
    const refused = answers.filter((a) => a.name !== 'real');
    expect(refused).toHaveLength(forged.length * 2 * 10);
    expect(refused.filter((a) => a.status !== 401 || a.body['error'] !== 'unauthenticated')).toEqual([]);
    const accepted = answers.filter((a) => a.name === 'real');
    expect(accepted).toHaveLength(40);
    expect(accepted.filter((a) => a.status !== 200)).toEqual([]);
    expect(accepted.filter((a) => 'principal' in a.body).map((a) => a.body['principal'])).toEqual(
      Array.from({ length: 20 }, () => expect.objectContaining({ tenantId: A.id })),
    );
  });

  it('the credential is no context token: GraphQL on the subgraph refuses it (401)', async () => {
    const token = (await real.authorization()).slice('Bearer '.length);
    const attempts: Record<string, string>[] = [
      { [CONTEXT_HEADER]: token },
      { authorization: `Bearer ${token}` },
    ];
    for (const headers of attempts) {
      const res = await fetch(h.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ apiKeys { id } }' }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect(res.status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    }
  });

  it('a service without the credential-service secret refuses every caller: 401 not_configured', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      CONTEXT_SECRET: TEST_CONTEXT_SECRET,
    });
    const routes = tenantsRoutes({ config, orm: h.db.orm });
    const server = http.createServer((req, res) => {
      void (async () => {
        for (const route of routes) if (await route(req, res)) return;
        sendJson(res, 404, { error: 'not_found' });
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const answers = await Promise.all([
        post(base, RESOLVE_API_KEY_PATH, { keyHash }, { authorization: await real.authorization() }),
        post(base, RESOLVE_API_KEY_PATH, { keyHash }, {}),
        post(
          base,
          SUBJECT_REVOCATION_PATH,
          { tenantId: A.id, subject: 'x' },
          { authorization: await real.authorization() },
        ),
      ]);
      expect(answers).toEqual(answers.map(() => ({ status: 401, body: { error: 'not_configured' } })));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
