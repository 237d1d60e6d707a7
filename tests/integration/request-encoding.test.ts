/**
 * A request body's content-encoding, through the real gateway (gateway/request-encoding.ts). Partner-style
 * tester: `content-encoding: gzip` on a plain body was answered 200 (the header ignored), and a really
 * gzipped body 400 "POST body sent invalid JSON" quoting its binary start. Now the body is decoded as its
 * header says, within the body limit once decoded; one that is not what it says is 400 with reason
 * CONTENT_ENCODING_INVALID, an unknown encoding 415.
 */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const MAX_BODY = 20_000;
const QUERY = JSON.stringify({ query: '{ agents(first: 1) { edges { node { id } } } }' });

interface Answer {
  status: number;
  body: {
    data?: { agents?: { edges: unknown[] } };
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

describe('content-encoding of a GraphQL request body', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform('sqlite', { LIMIT_MAX_BODY_BYTES: String(MAX_BODY) });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  async function post(encoding: string, body: Buffer): Promise<Answer> {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-encoding': encoding,
        'x-api-key': t.apiKeys.acme,
      },
      body: new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }

  test('a plain body labelled gzip is 400 CONTENT_ENCODING_INVALID, not answered as if unlabelled', async () => {
    const r = await post('gzip', Buffer.from(QUERY));
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'BAD_REQUEST', reason: 'CONTENT_ENCODING_INVALID', encoding: 'gzip' },
      }),
    ]);
  });

  test.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('a body really encoded %s is decoded and answered', async (encoding, encode) => {
    const r = await post(encoding, encode(Buffer.from(QUERY)));
    expect({ status: r.status, errors: r.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(r.body.data?.agents?.edges).toHaveLength(1);
  });

  test('identity is no encoding', async () => {
    expect((await post('identity', Buffer.from(QUERY))).status).toBe(200);
  });

  test('an encoding the gateway does not know is 415', async () => {
    const r = await post('zstd', Buffer.from(QUERY));
    expect(r.status).toBe(415);
    expect(r.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_REQUEST',
      reason: 'CONTENT_ENCODING_UNSUPPORTED',
      encoding: 'zstd',
    });
  });

  test('a small gzip that expands past the body limit is 413, like a large plain body', async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_BODY * 50, 0x20));
    expect(bomb.length).toBeLessThan(MAX_BODY);
    const r = await post('gzip', bomb);
    expect(r.status).toBe(413);
    expect(r.body.errors?.[0]?.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', max: MAX_BODY });
  });
});
