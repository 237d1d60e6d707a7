/**
 * analyzeListingPhotos through the gateway, with the request body limit raised for uploads: photos of many
 * requests from both demo tenants in flight together each reach the fake Anthropic server as image content
 * blocks with their own data and media type, and each caller gets the report made for its own photos; the
 * default per-photo limit (3,750,000 bytes decoded) holds at the byte.
 */
import { randomBytes } from 'node:crypto';
import { start as startFakeAnthropic, type FakeAnthropic } from '../fixtures/fake-anthropic';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const ANALYZE = `mutation ($input: AnalyzeListingPhotosInput!) {
  analyzeListingPhotos(input: $input) { photos { index caption issues { kind } } issues { kind photoIndex } model costMicros }
}`;

type Tenant = 'acme' | 'summit';
const IN_FLIGHT = 16;
const LIMIT = 3_750_000;

/** A PNG signature followed by `n` bytes: what the checks read are the first bytes. */
function png(tail: Buffer): string {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), tail]).toString(
    'base64',
  );
}
function webp(bytes: number): string {
  const b = Buffer.alloc(bytes, 0x22);
  b.write('RIFF', 0, 'latin1');
  b.write('WEBP', 8, 'latin1');
  return b.toString('base64');
}

interface ImageBlock {
  type: string;
  source: { type: string; media_type?: string; data?: string; url?: string };
}

describeEachDb('analyzeListingPhotos through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  let fake: FakeAnthropic;

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    // each answer names the photo data it was asked about, so a crossed answer shows
    fake.respond((body) => {
      const blocks = body.messages[0]?.content as ImageBlock[] | undefined;
      const images = (blocks ?? []).filter((b) => b.type === 'image');
      if (images.length === 0) return undefined;
      const photos = images.map((b, index) => ({
        index,
        caption: `photo ${(b.source.data ?? b.source.url ?? '').slice(-16)}`,
        issues: [{ kind: 'CLUTTER', severity: 'LOW', detail: 'Tidy up.' }],
      }));
      return {
        delayMs: 30,
        rawInput: JSON.stringify({
          photos,
          descriptionSuggestions: ['Bright rooms.'],
          descriptionIssues: [],
        }),
      };
    });
    t = await startTestPlatform(kind, {
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_BASE_URL: fake.url,
      RATE_LIMIT_PER_MINUTE: '1000000',
      LIMIT_MAX_BODY_BYTES: '12000000',
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it(`${IN_FLIGHT} requests of both tenants in flight: each photo is sent as an image block and answered to its caller`, async () => {
    const before = fake.count;
    const results = await Promise.all(
      Array.from({ length: IN_FLIGHT }, async (_, i) => {
        const tenant: Tenant = i % 2 === 0 ? 'acme' : 'summit';
        const data = [png(randomBytes(48)), png(randomBytes(48))];
        const res = await t.gql<{
          analyzeListingPhotos: { photos: { caption: string }[]; costMicros: number };
        }>(
          ANALYZE,
          { input: { photos: data.map((d) => ({ data: d, mediaType: 'image/png' })) } },
          { 'x-api-key': t.apiKeys[tenant] },
        );
        return { data, res };
      }),
    );
    for (const { data, res } of results) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.analyzeListingPhotos.photos.map((p) => p.caption)).toEqual(
        data.map((d) => `photo ${d.slice(-16)}`),
      );
      expect(res.data!.analyzeListingPhotos.costMicros).toBeGreaterThan(0);
    }
    const sent = fake.requests
      .slice(before)
      .map((r) => (r.body?.messages[0]?.content as ImageBlock[]).slice(0, 2));
    expect(sent).toHaveLength(IN_FLIGHT);
    const sentData = new Set(
      sent.flat().map((b) => `${b.type}:${b.source.type}:${b.source.media_type}:${b.source.data}`),
    );
    for (const { data } of results)
      for (const d of data) expect(sentData.has(`image:base64:image/png:${d}`)).toBe(true);
  }, 60_000);

  it('takes an upload of exactly 3,750,000 bytes and refuses one byte more, before the model', async () => {
    const key = { 'x-api-key': t.apiKeys.acme };
    const before = fake.count;
    const over = await t.gql(
      ANALYZE,
      { input: { photos: [{ data: webp(LIMIT + 1), mediaType: 'image/webp' }] } },
      key,
    );
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photos[0].data' });
    expect(fake.count).toBe(before);
    const at = await t.gql(
      ANALYZE,
      { input: { photos: [{ data: webp(LIMIT), mediaType: 'image/webp' }] } },
      key,
    );
    expect(at.errors).toBeUndefined();
    const block = (fake.requests[fake.requests.length - 1]!.body!.messages[0]!.content as ImageBlock[])[0]!;
    expect(block.source.media_type).toBe('image/webp');
    expect(Buffer.from(block.source.data!, 'base64').length).toBe(LIMIT);
  }, 60_000);
});
