/**
 * Client mistakes answered as client mistakes (issue 12): a 4xx with a GraphQL error body and a code, the
 * status GraphQL over HTTP gives it, never a 5xx or a masked "Unexpected error.". Before: invalid JSON in a
 * GET's or a form's `variables`/`extensions` answered 500, TRACE on any path 500, CONNECT a silently closed
 * socket, and a 415/406 no body at all. A clean request in the same moment still succeeds.
 */
import { WebSocket } from 'ws';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { httpRequest, rawExchange } from '../helpers/raw-http';

const Q = encodeURIComponent('{ __typename }');
type Body = { errors?: { message: string; extensions?: Record<string, unknown> }[] };
const parse = (text: string): Body => JSON.parse(text) as Body;

/** Sends `frames` on a graphql-ws socket and resolves with the close code the server chose. */
function wsCloseCode(
  url: string,
  frames: (string | Buffer)[],
  protocol = 'graphql-transport-ws',
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), protocol);
    ws.on('open', () => frames.forEach((f) => ws.send(f)));
    ws.on('close', (code) => resolve(code));
    ws.on('error', reject);
  });
}

type WsMessage = { type: string; id?: string; payload?: unknown };

/** After connection_ack, sends `subscribes` and resolves with every message once operation `lastId` completes. */
function wsExchange(url: string, apiKey: string, subscribes: object[], lastId: string): Promise<WsMessage[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const seen: WsMessage[] = [];
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'connection_init', payload: { 'x-api-key': apiKey } })),
    );
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as WsMessage;
      seen.push(message);
      if (message.type === 'connection_ack') for (const s of subscribes) ws.send(JSON.stringify(s));
      if (message.type === 'complete' && message.id === lastId) ws.close(1000);
    });
    ws.on('close', (code) => (code === 1000 ? resolve(seen) : reject(new Error(`closed with ${code}`))));
    ws.on('error', reject);
  });
}

describeEachDb('bad input through the gateway is a 4xx with a code (%s)', (kind) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(kind, { RATE_LIMIT_PER_MINUTE: '100000' });
  }, 120_000);
  afterAll(() => t?.close());
  const key = () => ({ 'x-api-key': t.apiKeys.acme });

  test('invalid JSON in GET or form-encoded variables/extensions: 400 BAD_REQUEST naming the parameter', async () => {
    const form = { ...key(), 'content-type': 'application/x-www-form-urlencoded' };
    const bad = await Promise.all([
      fetch(`${t.url}?query=${Q}&variables=%7Bbad`, { headers: key() }),
      fetch(`${t.url}?query=${Q}&extensions=%7B%22a%22%3A`, { headers: key() }),
      fetch(`${t.url}?query=${Q}&variables=%5B1%5D`, { headers: key() }),
      fetch(t.url, { method: 'POST', headers: form, body: `query=${Q}&variables=%7Bbad` }),
      fetch(t.url, { method: 'POST', headers: form, body: `query=${Q}&extensions=nope` }),
    ]);
    const clean = await fetch(`${t.url}?query=${Q}&variables=%7B%7D`, { headers: key() });
    const named = [];
    for (const r of bad) {
      expect(r.status).toBe(400);
      const error = parse(await r.text()).errors?.[0];
      expect(error?.extensions?.['code']).toBe('BAD_REQUEST');
      named.push(error?.extensions?.['field']);
    }
    expect(named).toEqual(['variables', 'extensions', 'variables', 'variables', 'extensions']);
    expect(clean.status).toBe(200);
    expect(await clean.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('a NUL in a GET query’s filter.search is 400 BAD_USER_INPUT, before any subgraph', async () => {
    const query = encodeURIComponent(
      'query ($s: String) { agents(first: 5, filter: { search: $s }) { edges { node { id } } } }',
    );
    const variables = encodeURIComponent(JSON.stringify({ s: 'Jo\u0000' }));
    const r = await fetch(`${t.url}?query=${query}&variables=${variables}`, { headers: key() });
    expect(r.status).toBe(400);
    expect(parse(await r.text()).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'variables.s',
    });
  });

  test('an unpaired surrogate in a variable is 400 BAD_USER_INPUT; an emoji (a paired one) is stored', async () => {
    // PostgreSQL's jsonb refused it: INTERNAL_SERVER_ERROR from tenants (found by gateway-fuzz.test.ts)
    const CREATE = `mutation ($input: CreatePartnerAppInput!) { createPartnerApp(input: $input) { id name } }`;
    const [bad, good] = await Promise.all([
      t.gql(CREATE, { input: { name: 'Listings \ud800', revenueShareBps: 0 } }, key()),
      t.gql<{ createPartnerApp: { name: string } }>(
        CREATE,
        { input: { name: 'Listings 🏡', revenueShareBps: 0 } },
        key(),
      ),
    ]);
    expect(bad.status).toBe(400);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'variables.input.name',
    });
    expect(bad.errors?.[0]?.message).toMatch(/unpaired surrogate/);
    expect(good.data?.createPartnerApp.name).toBe('Listings 🏡');
  });

  test('variables nested 10,000 deep (20 KB, within the body limit) are 400 BAD_USER_INPUT, not a 500', async () => {
    // the recursive NUL/surrogate walk overflowed the stack on this: a masked 500 (found by a partner-style probe)
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const body = (n: number) => `{"query":"{ __typename }","variables":{"a":${deep(n)}}}`;
    const headers = { ...key(), 'content-type': 'application/json' };
    const [tooDeep, shallow] = await Promise.all([
      fetch(t.url, { method: 'POST', headers, body: body(10_000) }),
      fetch(t.url, { method: 'POST', headers, body: body(8) }),
    ]);
    expect(tooDeep.status).toBe(400);
    const error = parse(await tooDeep.text()).errors?.[0];
    expect(error?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error?.message).toMatch(/nest deeper than 64 levels/);
    expect(shallow.status).toBe(200);
    expect(await shallow.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('methods nobody serves, on any path: 405 with Allow and a GraphQL error; CONNECT too', async () => {
    const seen: string[] = [];
    const expected: string[] = [];
    for (const method of ['TRACE', 'PROPFIND', 'PUT'])
      for (const path of ['/graphql', '/health', '/', '/no-such-path']) {
        const a = await httpRequest(t.url, { method, path });
        seen.push(
          `${method} ${path} ${a.status} ${a.headers['allow']} ${parse(a.body).errors?.[0]?.extensions?.['code']}`,
        );
        const allow = path === '/graphql' ? 'GET, POST, OPTIONS' : 'GET, HEAD, OPTIONS';
        expected.push(`${method} ${path} 405 ${allow} BAD_REQUEST`);
      }
    expect(seen).toEqual(expected);
    const connect = await rawExchange(
      t.platform.gateway.port,
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
    );
    expect(connect.status).toBe(405);
    expect(parse(connect.body).errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
  });

  test('unsupported content type 415, unacceptable Accept 406, oversized body 413: each with a code', async () => {
    const post = (headers: Record<string, string>, body: string) =>
      fetch(t.url, { method: 'POST', headers: { ...key(), ...headers }, body });
    const json = JSON.stringify({ query: '{ __typename }' });
    const answers = await Promise.all([
      post({ 'content-type': 'text/plain' }, json),
      post({ 'content-type': 'application/xml' }, '<query/>'),
      post({ 'content-type': 'application/json', accept: 'application/xml' }, json),
      post(
        { 'content-type': 'application/json' },
        JSON.stringify({ query: `{ __typename }${' '.repeat(200_000)}` }),
      ),
    ]);
    const seen = [];
    for (const r of answers) seen.push([r.status, parse(await r.text()).errors?.[0]?.extensions?.['code']]);
    expect(seen).toEqual([
      [415, 'BAD_REQUEST'],
      [415, 'BAD_REQUEST'],
      [406, 'BAD_REQUEST'],
      [413, 'PAYLOAD_TOO_LARGE'],
    ]);
  });

  test('over graphql-ws a NUL in a variable is an error message with BAD_USER_INPUT; the socket stays open', async () => {
    // the plugin's rejection propagated out of graphql-ws: close 4500 for the whole socket
    const query = 'query ($id: ID!) { organization(id: $id) { id } }';
    const messages = await wsExchange(
      t.url,
      t.apiKeys.acme,
      [
        { type: 'subscribe', id: 'bad', payload: { query, variables: { id: 'a\u0000' } } },
        { type: 'subscribe', id: 'good', payload: { query: '{ __typename }' } },
      ],
      'good',
    );
    expect(messages.filter((m) => m.id === 'bad')).toEqual([
      {
        type: 'error',
        id: 'bad',
        payload: [
          {
            message: 'variables.id: text must not contain a NUL character (U+0000)',
            extensions: { code: 'BAD_USER_INPUT', field: 'variables.id' },
          },
        ],
      },
    ]);
    expect(messages.find((m) => m.id === 'good' && m.type === 'next')?.payload).toEqual({
      data: { __typename: 'Query' },
    });
  });

  test('malformed graphql-ws frames close the socket with 4400; no credential 4401; never 4500', async () => {
    const init = JSON.stringify({ type: 'connection_init', payload: { 'x-api-key': t.apiKeys.acme } });
    const codes = await Promise.all([
      wsCloseCode(t.url, ['{not json']),
      wsCloseCode(t.url, [JSON.stringify({ type: 'no_such_type' })]),
      wsCloseCode(t.url, [JSON.stringify([1, 2])]),
      // a message type only servers send: 4500 (and console.error) before gateway/graphql-ws-server.ts
      wsCloseCode(t.url, [JSON.stringify({ type: 'next', id: '1', payload: {} })]),
      wsCloseCode(t.url, [init, JSON.stringify({ type: 'connection_ack' })]),
      wsCloseCode(t.url, [init, JSON.stringify({ type: 'subscribe', id: 'a', payload: { query: 42 } })]),
      wsCloseCode(t.url, [init, JSON.stringify({ type: 'subscribe', payload: { query: '{ __typename }' } })]),
      wsCloseCode(t.url, [JSON.stringify({ type: 'connection_init', payload: 'not an object' })]),
      wsCloseCode(t.url, [
        JSON.stringify({ type: 'connection_init', payload: { 'x-api-key': 'no-such-key' } }),
      ]),
      wsCloseCode(t.url, [
        JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer \u0000' } }),
      ]),
    ]);
    expect(codes).toEqual([4400, 4400, 4400, 4400, 4400, 4400, 4400, 4400, 4401, 4401]);
  });
});
