/**
 * analyzeListingPhotos on the coaching subgraph: photos are checked before anything is sent (type, bytes, size,
 * count, URL), the real @anthropic-ai/sdk sends image content blocks to the fake Anthropic server, the answer is
 * mapped (issues most severe first, Fair Housing in the description flagged by our own rules, a suggestion that
 * states a preference withheld), and without a model key or with the model down the answer is MODEL_UNAVAILABLE.
 */
import { randomUUID } from 'node:crypto';
import { MemberRole } from '../../../core/vocabulary';
import { createCoachingSubgraph, type CoachingRuntime } from '../../../subgraphs/coaching';
import { createPhotoAnalyzer, PHOTO_TOOL_NAME } from '../../../subgraphs/coaching/photos/photo-analyzer';
import {
  checkPhotos,
  DEFAULT_PHOTO_LIMITS,
  sniffImage,
} from '../../../subgraphs/coaching/photos/photo-input';
import { start as startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic';
import { principal } from '../../helpers/principals';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { describeEachDb } from '../../helpers/variants';

const ANALYZE = `mutation ($input: AnalyzeListingPhotosInput!) {
  analyzeListingPhotos(input: $input) {
    photos { index caption issues { kind severity photoIndex detail } }
    issues { kind severity photoIndex detail }
    descriptionSuggestions withheldSuggestions model tokensIn tokensOut costMicros latencyMs
  }
}`;

/** A 1×1 PNG, a JPEG header with filler, a GIF and a WebP header: what the checks read are the first bytes. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const jpeg = (bytes: number): string => {
  const b = Buffer.alloc(bytes, 0x11);
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0xff;
  return b.toString('base64');
};
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]).toString(
  'base64',
);

const MAX_BYTES = 300_000;

const REPORT = {
  photos: [
    {
      index: 0,
      caption: 'Bright kitchen with quartz counters',
      issues: [{ kind: 'CLUTTER', severity: 'MEDIUM', detail: 'Clear the counters before the shoot.' }],
    },
    {
      index: 1,
      caption: 'Living room with fireplace',
      issues: [
        { kind: 'PERSONAL_INFO', severity: 'HIGH', detail: 'Family photos on the mantel: remove them.' },
        { kind: 'PEOPLE', severity: 'HIGH', detail: 'A person is reflected in the mirror.' },
      ],
    },
    { index: 2, caption: 'Backyard with a pool', issues: [] },
  ],
  descriptionSuggestions: [
    'Sunlit kitchen with quartz counters opens to a living room with a gas fireplace and a private pool.',
    'Perfect for young families looking for space to grow.',
  ],
  descriptionIssues: [],
};

describe('photo checks', () => {
  it('recognises the four formats by their first bytes', () => {
    expect(sniffImage(Buffer.from(PNG, 'base64'))).toBe('image/png');
    expect(sniffImage(Buffer.from(jpeg(16), 'base64'))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from(GIF, 'base64'))).toBe('image/gif');
    expect(sniffImage(Buffer.from(WEBP, 'base64'))).toBe('image/webp');
    expect(sniffImage(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('accepts an upload of exactly the limit and refuses one byte more', () => {
    const limits = { ...DEFAULT_PHOTO_LIMITS, maxBytes: 3000 };
    expect(checkPhotos([{ data: jpeg(3000), mediaType: 'image/jpeg' }], limits)[0]).toMatchObject({
      kind: 'base64',
      bytes: 3000,
    });
    expect(() => checkPhotos([{ data: jpeg(3001), mediaType: 'image/jpeg' }], limits)).toThrow(
      /at most 3000 bytes/,
    );
  });

  it.each([
    ['http://photos.example.com/a.jpg', /https URL/],
    ['https://user:pw@photos.example.com/a.jpg', /credentials/],
    ['https://127.0.0.1/a.jpg', /public address/],
    ['https://10.1.2.3/a.jpg', /public address/],
    ['https://[::1]/a.jpg', /public address/],
    ['https://169.254.169.254/latest/meta-data', /public address/],
    ['https://printer.local/a.jpg', /public address/],
  ])('refuses the URL %s', (url, why) => {
    expect(() => checkPhotos([{ url }], DEFAULT_PHOTO_LIMITS)).toThrow(why);
  });
});

describeEachDb('analyzeListingPhotos on the coaching subgraph (%s)', (kind) => {
  let fake: FakeAnthropic;
  let withModel: SubgraphHarness<CoachingRuntime>;
  let noModel: SubgraphHarness<CoachingRuntime>;
  const tenantId = randomUUID();
  const owner = principal({ tenantId });

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    const analyzer = createPhotoAnalyzer({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 1 });
    // a per-photo limit below the subgraph's 1 MB body limit, so the check is ours, not the 413
    withModel = await startHarness(
      createCoachingSubgraph({ photos: { analyzer, limits: { maxBytes: MAX_BYTES } } }),
      kind,
    );
    noModel = await startHarness(createCoachingSubgraph(), kind);
  }, 60_000);
  afterAll(async () => {
    await withModel?.close();
    await noModel?.close();
    await fake?.close();
  });

  it('sends one image block per photo, with its media type and exact data, and maps the report', async () => {
    const url = 'https://photos.example.com/listing/42/backyard.jpg?w=1600';
    fake.script({ rawInput: JSON.stringify(REPORT) });
    const before = fake.count;
    const res = await withModel.exec<{ analyzeListingPhotos: Record<string, unknown> }>(owner, ANALYZE, {
      input: {
        photos: [
          { data: PNG, mediaType: 'image/png' },
          { data: `data:image/jpeg;base64,${jpeg(64)}`, mediaType: 'IMAGE/JPEG' },
          { url },
        ],
        description: 'Charming 3-bed home, ideal for young couples, close to shops.',
      },
    });
    expect(res.errors).toBeUndefined();
    expect(fake.count).toBe(before + 1);
    const body = fake.requests[fake.requests.length - 1]!.body!;
    expect(body.tool_choice).toEqual({ type: 'tool', name: PHOTO_TOOL_NAME });
    const content = body.messages[0]!.content as Record<string, unknown>[];
    expect(content.slice(0, 3)).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
      { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: jpeg(64) } },
      { type: 'image', source: { type: 'url', url } },
    ]);
    expect(content[3]).toMatchObject({ type: 'text' });
    expect(String(content[3]!['text'])).toContain('ideal for young couples');

    const out = res.data!.analyzeListingPhotos as {
      photos: { index: number; caption: string; issues: { kind: string }[] }[];
      issues: { kind: string; severity: string; photoIndex: number | null }[];
      descriptionSuggestions: string[];
      withheldSuggestions: number;
      tokensIn: number;
      costMicros: number;
    };
    expect(out.photos.map((p) => p.caption)).toEqual(REPORT.photos.map((p) => p.caption));
    expect(out.photos[1]!.issues.map((i) => i.kind)).toEqual(['PERSONAL_INFO', 'PEOPLE']);
    // most severe first; the description's Fair Housing wording flagged by our own rules (photoIndex null)
    expect(out.issues.map((i) => i.severity)).toEqual(['HIGH', 'HIGH', 'HIGH', 'MEDIUM']);
    expect(out.issues).toContainEqual(
      expect.objectContaining({ kind: 'FAIR_HOUSING', severity: 'HIGH', photoIndex: null }),
    );
    expect(out.descriptionSuggestions).toEqual([REPORT.descriptionSuggestions[0]]);
    expect(out.withheldSuggestions).toBe(1);
    expect(out.tokensIn).toBeGreaterThan(0);
    expect(out.costMicros).toBeGreaterThan(0);
  });

  it.each([
    [
      'a media type other than JPEG/PNG/WebP/GIF',
      [{ data: PNG, mediaType: 'image/bmp' }],
      'photos[0].mediaType',
    ],
    ['bytes that are not the declared type', [{ data: PNG, mediaType: 'image/jpeg' }], 'photos[0].data'],
    ['text that is not base64', [{ data: 'not base64!', mediaType: 'image/png' }], 'photos[0].data'],
    [
      'an upload one byte over the limit',
      [{ data: jpeg(MAX_BYTES + 1), mediaType: 'image/jpeg' }],
      'photos[0].data',
    ],
    ['11 photos', Array.from({ length: 11 }, () => ({ data: PNG, mediaType: 'image/png' })), 'photos'],
    ['no photo', [], 'photos'],
    [
      'url and data at once',
      [{ url: 'https://x.example.com/a.png', data: PNG, mediaType: 'image/png' }],
      'photos[0]',
    ],
    ['a private URL', [{ url: 'https://192.168.1.20/a.png' }], 'photos[0].url'],
  ])('refuses %s with BAD_USER_INPUT before calling the model', async (_what, photos, field) => {
    const before = fake.count;
    const res = await withModel.exec(owner, ANALYZE, { input: { photos } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(fake.count).toBe(before);
  });

  it('answers FORBIDDEN without coaching:write', async () => {
    const viewer = principal({ tenantId, role: MemberRole.AGENT, scopes: ['coaching:read'] });
    const res = await withModel.exec(viewer, ANALYZE, {
      input: { photos: [{ data: PNG, mediaType: 'image/png' }] },
    });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('answers MODEL_UNAVAILABLE without a model key, and when the model stays down', async () => {
    const photos = [{ data: PNG, mediaType: 'image/png' }];
    const none = await noModel.exec(owner, ANALYZE, { input: { photos } });
    expect(none.errors?.[0]?.extensions?.['code']).toBe('MODEL_UNAVAILABLE');
    expect(none.errors?.[0]?.message).toMatch(/ANTHROPIC_API_KEY/);

    const before = fake.count;
    fake.script({ status: 529 }, { status: 529 });
    const down = await withModel.exec(owner, ANALYZE, { input: { photos } });
    expect(down.errors?.[0]?.extensions).toMatchObject({ code: 'MODEL_UNAVAILABLE', kind: 'overloaded' });
    expect(fake.count - before).toBe(2); // the SDK's one retry, then the answer
  });

  it('a model answer without a valid report is MODEL_UNAVAILABLE, not a half answer', async () => {
    fake.script({ rawInput: JSON.stringify({ photos: [], descriptionSuggestions: [] }) });
    const res = await withModel.exec(owner, ANALYZE, {
      input: { photos: [{ data: GIF, mediaType: 'image/gif' }] },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'MODEL_UNAVAILABLE', kind: 'invalid_output' });
  });
});
