/**
 * The production switches through a real gateway over HTTP (issue 12), a gateway started as production
 * starts it (core/production-switches.ts defaults for NODE_ENV=production) beside the test platform's own:
 *   - trusted documents per API key: a listed key runs its registered documents by id only
 *     (PERSISTED_QUERY_NOT_FOUND / PERSISTED_QUERY_ONLY, 400), an unlisted key is unaffected, and two tenants
 *     that registered the same id for different documents each get their own, all in flight together;
 *   - introspection: anonymous → 401 UNAUTHENTICATED (INTROSPECTION_REQUIRES_AUTH); with a key → the schema;
 *     the portal's pages still served; the development gateway still answers anonymous introspection;
 *   - CSRF prevention: a GET or a form / text/plain POST without a CSRF header → 400 CSRF_PREVENTED; with one,
 *     or a JSON POST, or a signed GoHighLevel webhook on its route, or the portal / widget pages → served;
 *   - limits answered as GraphQL over HTTP says: 429 with retry-after over the rate (refused requests count),
 *     400 for limits and validation errors;
 *   - a `documentId` from a key without trusted documents (or no credential): 400 PERSISTED_QUERY_NOT_FOUND,
 *     as an unknown id of a listed key (it was Yoga's BAD_REQUEST "Unexpected parameter").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { composeFromCode } from '../../bin/compose';
import { DEMO } from '../../bin/demo-plan';
import { startGatewayService } from '../../bin/platform';
import type { PlatformConfig, SubgraphName } from '../../core/config';
import { createLogger } from '../../core/logger';
import { productionSwitches } from '../../core/production-switches';
import type { RunningGateway } from '../../gateway/gateway';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

type Body = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const INTROSPECT = '{ __schema { queryType { name } } }';
// the same id names a different document for each tenant: a mix-up shows in the answer's shape
const ACME_WHO = 'query AcmeWho { viewer { tenantId } }';
const SUMMIT_WHO = 'query SummitWho { viewer { tenantId subject } }';
const ACME_LOCATIONS = 'query AcmeLocations { locations { id } }';
const ACME_HINTS = 'subscription AcmeHints($id: ID!) { coachingHints(sessionId: $id) { type } }';

describe('production switches through the gateway', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  let t: TestPlatform;
  let prod: RunningGateway;
  let limited: RunningGateway;
  let freeKey: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-docs-'));

  async function gatewayWith(config: PlatformConfig): Promise<RunningGateway> {
    const urls = Object.fromEntries(
      Object.entries(t.platform.services).map(([name, svc]) => [name, svc.subgraph.url]),
    ) as Record<SubgraphName, string>;
    const { supergraph } = await composeFromCode();
    return startGatewayService(config, createLogger({ level: 'silent', name: 'it-prod' }), urls, supergraph);
  }

  beforeAll(async () => {
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    // READ_MODEL_WAIT_MS 0: an unknown session is NOT_FOUND at once (the graphql-ws test subscribes to one)
    t = await startTestPlatform('sqlite', { GHL_ED25519_PUBLIC_KEY: pem, READ_MODEL_WAIT_MS: '0' });
    const created = await t.gql<{ createApiKey: { secret: string } }>(
      `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
      { input: { name: 'unrestricted', scopes: ['tenants:read'], organizationId: DEMO.acme.id } },
      { 'x-api-key': t.apiKeys.acme },
    );
    freeKey = created.data!.createApiKey.secret;
    const idOf = async (key: string) =>
      (await t.platform.gateway.resolver.resolve({ apiKey: key }))!.apiKeyId!;
    const manifest = {
      apiKeys: {
        [await idOf(t.apiKeys.acme)]: {
          who: ACME_WHO,
          hints: ACME_HINTS,
          [sha256(ACME_LOCATIONS)]: ACME_LOCATIONS,
        },
        [await idOf(t.apiKeys.summit)]: { who: SUMMIT_WHO },
      },
    };
    const file = path.join(dir, 'trusted-documents.json');
    fs.writeFileSync(file, JSON.stringify(manifest));
    const production = productionSwitches({ TRUSTED_DOCUMENTS_FILE: file }, 'production');
    prod = await gatewayWith({ ...t.config, production });
    limited = await gatewayWith({
      ...t.config,
      production,
      limits: { ...t.config.limits, ratePerMinute: 2, maxDepth: 3 },
    });
  }, 120_000);

  afterAll(async () => {
    await prod?.close();
    await limited?.close();
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload),
    });
    return { status: res.status, headers: res.headers, ...((await res.json()) as Body) };
  }
  const code = (b: Body) => b.errors?.[0]?.extensions?.code;

  describe('trusted documents per API key', () => {
    test('a listed key runs its documents by id (sha256Hash or documentId), nothing else', async () => {
      const acme = { 'x-api-key': t.apiKeys.acme };
      const byHash = await post(
        prod.url,
        { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ACME_LOCATIONS) } } },
        acme,
      );
      expect(byHash.status).toBe(200);
      expect((byHash.data?.['locations'] as unknown[]).length).toBe(DEMO.acme.locations.length);
      const byId = await post(prod.url, { documentId: 'who' }, acme);
      expect(byId.data).toEqual({ viewer: { tenantId: DEMO.acme.id } });

      const unknown = await post(prod.url, { documentId: 'nope' }, acme);
      expect([unknown.status, code(unknown)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
      const text = await post(prod.url, { query: ACME_WHO }, acme);
      expect([text.status, code(text)]).toEqual([400, 'PERSISTED_QUERY_ONLY']);
      // the document text with its own hash is still not a way around the list for another key's document
      const other = await post(prod.url, { documentId: sha256(SUMMIT_WHO), query: SUMMIT_WHO }, acme);
      expect([other.status, code(other)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
    });

    test('a key not in the manifest is unaffected', async () => {
      const r = await post(prod.url, { query: '{ viewer { tenantId } }' }, { 'x-api-key': freeKey });
      expect([r.status, r.data]).toEqual([200, { viewer: { tenantId: DEMO.acme.id } }]);
    });

    test('two tenants with the same id in flight together each run their own document', async () => {
      const calls = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'summit' : 'acme') as 'acme' | 'summit');
      const answers = await Promise.all(
        calls.map((tenant) => post(prod.url, { documentId: 'who' }, { 'x-api-key': t.apiKeys[tenant] })),
      );
      answers.forEach((a, i) => {
        const viewer = a.data?.['viewer'] as Record<string, unknown>;
        expect(viewer['tenantId']).toBe(DEMO[calls[i]!].id);
        expect('subject' in viewer).toBe(calls[i] === 'summit');
      });
    });
  });

  describe('automatic persisted queries (Apollo APQ) for keys without trusted documents', () => {
    const VIEWER = 'query Viewer { viewer { tenantId } }';
    const pq = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

    test('hash only: PERSISTED_QUERY_NOT_FOUND; the document with its hash runs and registers it', async () => {
      const key = { 'x-api-key': freeKey };
      const doc = `query Apq${randomUUID().slice(0, 8)} { viewer { tenantId } }`;
      const first = await post(prod.url, { extensions: pq(doc) }, key);
      expect([first.status, code(first), first.errors?.[0]?.message]).toEqual([
        400,
        'PERSISTED_QUERY_NOT_FOUND',
        'PersistedQueryNotFound', // what older Apollo links match on
      ]);
      // what the Apollo link does next: the same request with the document
      const retried = await post(prod.url, { query: doc, extensions: pq(doc) }, key);
      expect([retried.status, retried.data]).toEqual([200, { viewer: { tenantId: DEMO.acme.id } }]);
      const byHash = await post(prod.url, { extensions: pq(doc) }, key);
      expect([byHash.status, byHash.data]).toEqual([200, { viewer: { tenantId: DEMO.acme.id } }]);
      // anonymous callers get the same answer for an unknown hash, never a 200 without a code
      const anon = await post(prod.url, { extensions: pq(`{ __typename ${randomUUID().slice(0, 1)} }`) });
      expect([anon.status, code(anon)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
    });

    test('a hash that is not the document SHA-256 is refused and registers nothing', async () => {
      const key = { 'x-api-key': freeKey };
      const wrong = { persistedQuery: { version: 1, sha256Hash: sha256('something else') } };
      const bad = await post(prod.url, { query: VIEWER, extensions: wrong }, key);
      expect([bad.status, code(bad)]).toEqual([400, 'BAD_USER_INPUT']);
      const after = await post(prod.url, { extensions: wrong }, key);
      expect([after.status, code(after)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
      const version2 = { persistedQuery: { version: 2, sha256Hash: sha256(VIEWER) } };
      const v2 = await post(prod.url, { extensions: version2 }, key);
      expect([v2.status, code(v2)]).toEqual([400, 'PERSISTED_QUERY_NOT_SUPPORTED']);
    });

    test('one registered hash, two tenants in flight together: each gets its own rows', async () => {
      // the platform's own gateway: there no key is restricted, so acme and summit both use APQ
      const doc = `query Shared${randomUUID().slice(0, 8)} { viewer { tenantId } }`;
      await post(t.url, { query: doc, extensions: pq(doc) }, { 'x-api-key': t.apiKeys.summit });
      const calls = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'summit' : 'acme') as 'acme' | 'summit');
      const answers = await Promise.all(
        calls.map((tenant) => post(t.url, { extensions: pq(doc) }, { 'x-api-key': t.apiKeys[tenant] })),
      );
      expect(answers.map((a) => a.data)).toEqual(
        calls.map((tenant) => ({ viewer: { tenantId: DEMO[tenant].id } })),
      );
    });

    test('a documentId from a key without trusted documents, or no credential: PERSISTED_QUERY_NOT_FOUND', async () => {
      const callers: Record<string, string>[] = [
        { 'x-api-key': freeKey },
        { 'x-api-key': freeKey, accept: 'application/graphql-response+json' },
        {},
      ];
      const answers = await Promise.all(
        callers.flatMap((headers) => [
          post(prod.url, { documentId: 'who' }, headers),
          post(prod.url, { query: '', extensions: { documentId: 'who' } }, headers),
        ]),
      );
      // as a listed key's unknown id (above), whatever the client accepts; it was 400 BAD_REQUEST
      expect(answers.map((a) => [a.status, code(a)])).toEqual(
        answers.map(() => [400, 'PERSISTED_QUERY_NOT_FOUND']),
      );
    });

    test('a restricted key cannot register: the document with its hash is still PERSISTED_QUERY_NOT_FOUND', async () => {
      const doc = `query Sneaky${randomUUID().slice(0, 8)} { viewer { tenantId } }`;
      const acme = { 'x-api-key': t.apiKeys.acme };
      const sent = await post(prod.url, { query: doc, extensions: pq(doc) }, acme);
      expect([sent.status, code(sent)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
      const registeredByOther = await post(
        prod.url,
        { query: doc, extensions: pq(doc) },
        { 'x-api-key': freeKey },
      );
      expect(registeredByOther.status).toBe(200);
      const again = await post(prod.url, { extensions: pq(doc) }, acme);
      expect([again.status, code(again)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
    });
  });

  /** The first error code a graphql-ws subscription of the restricted acme key ends with. */
  async function wsErrorCode(
    payload: { query: string; extensions?: Record<string, unknown> },
    on: { url: string; key: string } = { url: prod.url, key: t.apiKeys.acme },
  ) {
    const client = createClient({
      url: on.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { 'x-api-key': on.key },
      retryAttempts: 0,
    });
    try {
      return await new Promise<unknown>((resolve) => {
        client.subscribe(
          { ...payload, variables: { id: randomUUID() } },
          {
            next: (msg) => resolve(msg.errors?.[0]?.extensions?.['code']),
            error: (e) => resolve((e as { extensions?: { code?: unknown } }[])[0]?.extensions?.code ?? e),
            complete: () => resolve('complete'),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  test('over graphql-ws too: a restricted key subscribes by id only', async () => {
    expect(await wsErrorCode({ query: ACME_HINTS })).toBe('PERSISTED_QUERY_ONLY');
    const unknown = { persistedQuery: { version: 1, sha256Hash: sha256(SUMMIT_WHO) } };
    expect(await wsErrorCode({ query: '', extensions: unknown })).toBe('PERSISTED_QUERY_NOT_FOUND');
    // the registered subscription runs: the coaching subgraph itself answers the unknown session
    expect(await wsErrorCode({ query: '', extensions: { documentId: 'hints' } })).toBe('NOT_FOUND');
  });

  test('automatic persisted queries over graphql-ws: unknown hash, then the document registers it', async () => {
    // the platform's own gateway (no restricted key): summit subscribes as an Apollo link would
    const on = { url: t.url, key: t.apiKeys.summit };
    const doc = `subscription Apq${randomUUID().slice(0, 8)}($id: ID!) { coachingHints(sessionId: $id) { type } }`;
    const pq = { persistedQuery: { version: 1, sha256Hash: sha256(doc) } };
    expect(await wsErrorCode({ query: '', extensions: pq }, on)).toBe('PERSISTED_QUERY_NOT_FOUND');
    // it runs: the coaching subgraph itself answers the unknown session
    expect(await wsErrorCode({ query: doc, extensions: pq }, on)).toBe('NOT_FOUND');
    expect(await wsErrorCode({ query: '', extensions: pq }, on)).toBe('NOT_FOUND');
  });

  describe('introspection in production', () => {
    test('anonymous: 401 with a code; a signed-in caller gets the schema; the portal is served', async () => {
      const anon = await post(prod.url, { query: INTROSPECT });
      expect([anon.status, code(anon)]).toEqual([401, 'UNAUTHENTICATED']);
      expect(anon.errors?.[0]?.extensions?.reason).toBe('INTROSPECTION_REQUIRES_AUTH');
      const signedIn = await post(prod.url, { query: INTROSPECT }, { 'x-api-key': freeKey });
      expect(signedIn.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const portal = await fetch(new URL('/portal', prod.url), { headers: { accept: 'text/html' } });
      expect(portal.status).toBe(200);
      expect(await portal.text()).toMatch(/agentSessions/);
    });

    test('anonymous { __typename } is no introspection: answered, while __type next to it is refused', async () => {
      const ping = await post(prod.url, { query: '{ __typename }' });
      expect([ping.status, ping.data, ping.errors]).toEqual([200, { __typename: 'Query' }, undefined]);
      const mixed = await post(prod.url, { query: '{ __typename __type(name: "Agent") { name } }' });
      expect([mixed.status, mixed.errors?.[0]?.extensions?.reason]).toEqual([
        401,
        'INTROSPECTION_REQUIRES_AUTH',
      ]);
      const data = await post(prod.url, { query: '{ __typename viewer { tenantId } }' });
      expect([data.status, code(data)]).toEqual([401, 'UNAUTHENTICATED']);
    });

    test('outside production anonymous introspection still works', async () => {
      const dev = await post(t.url, { query: INTROSPECT });
      expect(dev.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });
  });

  describe('CSRF prevention', () => {
    const get = (headers: Record<string, string>) =>
      fetch(`${prod.url}?query=${encodeURIComponent('{ viewer { tenantId } }')}`, {
        headers: { 'x-api-key': freeKey, ...headers },
      });
    const form = (type: string, headers: Record<string, string> = {}) =>
      fetch(prod.url, {
        method: 'POST',
        headers: { 'content-type': type, 'x-api-key': freeKey, ...headers },
        body: new URLSearchParams({ query: '{ viewer { tenantId } }' }).toString(),
      });

    test('browser-simple requests without a CSRF header: 400 CSRF_PREVENTED', async () => {
      for (const res of [
        await get({}),
        await form('application/x-www-form-urlencoded'),
        await form('text/plain'),
      ]) {
        expect(res.status).toBe(400);
        expect(code((await res.json()) as Body)).toBe('CSRF_PREVENTED');
      }
    });

    test('with a CSRF header, or as JSON, the same requests run', async () => {
      for (const res of [
        await get({ 'x-graphql-csrf': '1' }),
        await get({ 'apollo-require-preflight': 'true' }),
        await form('application/x-www-form-urlencoded', { 'x-graphql-csrf': '1' }),
      ]) {
        expect(res.status).toBe(200);
        expect(((await res.json()) as Body).data).toEqual({ viewer: { tenantId: DEMO.acme.id } });
      }
      const json = await post(prod.url, { query: '{ viewer { tenantId } }' }, { 'x-api-key': freeKey });
      expect(json.data).toEqual({ viewer: { tenantId: DEMO.acme.id } });
    });

    test('the GoHighLevel webhook route, the portal, the widget and /health are untouched', async () => {
      const raw = Buffer.from(
        JSON.stringify({
          type: 'InboundMessage',
          webhookId: randomUUID(),
          timestamp: new Date().toISOString(),
          locationId: DEMO.acme.locations[0].ghlLocationId,
          contactId: `c-${randomUUID()}`,
          conversationId: `conv-${randomUUID()}`,
          messageId: `msg-${randomUUID()}`,
          messageType: 'SMS',
          body: 'Hi, is the house on Elm still available?',
        }),
      );
      const hook = await fetch(new URL('/webhooks/ghl', prod.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-ghl-signature': sign(null, raw, privateKey).toString('base64'),
        },
        body: new Uint8Array(raw),
      });
      expect(hook.status).toBeLessThan(300);
      for (const p of ['/portal', '/widget/coaching-widget.js', '/widget/demo', '/health']) {
        const res = await fetch(new URL(p, prod.url));
        expect([p, res.status]).toEqual([p, 200]);
      }
    });
  });

  describe('limits answered with GraphQL-over-HTTP statuses', () => {
    test('validation and limit errors: 400 with a code', async () => {
      // the spec's own media type: a request error is a 4xx; with application/json it asks for 200
      // on `prod`: refused requests count against the rate, and `limited` allows acme 2 a minute
      const key = { 'x-api-key': freeKey, accept: 'application/graphql-response+json' };
      const invalid = await post(prod.url, { query: '{ noSuchField }' }, key);
      expect([invalid.status, code(invalid)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
      const legacy = await post(prod.url, { query: '{ noSuchField }' }, { 'x-api-key': freeKey });
      expect([legacy.status, code(legacy)]).toEqual([200, 'GRAPHQL_VALIDATION_FAILED']);
      const unparsable = await post(prod.url, { query: '{ viewer { ' }, key);
      expect([unparsable.status, code(unparsable)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
      const deep = await post(
        limited.url,
        { query: '{ agents(first: 1) { edges { node { location { id } } } } }' },
        key,
      );
      expect([deep.status, code(deep)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    });

    test('over the rate: 429 RATE_LIMITED with retry-after; a refused request counted too', async () => {
      const key = { 'x-api-key': t.apiKeys.summit };
      // a document as text from a key that runs registered documents only: refused, and counted (it was not)
      const refused = await post(limited.url, { query: SUMMIT_WHO }, key);
      expect([refused.status, code(refused)]).toEqual([400, 'PERSISTED_QUERY_ONLY']);
      const answers = [];
      for (let i = 0; i < 2; i++) answers.push(await post(limited.url, { documentId: 'who' }, key));
      expect(answers[0]!.status).toBe(200);
      const over = answers[1]!;
      expect([over.status, code(over)]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
