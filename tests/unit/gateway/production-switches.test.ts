/**
 * The production switches' configuration (core/production-switches.ts through loadConfig) and the trusted
 * documents manifest (gateway/trusted-documents.ts): production closes what development leaves open, an
 * explicit variable wins, and a bad manifest stops the start naming the key and the document.
 */
import { createHash } from 'node:crypto';
import { ConfigError, loadConfig } from '../../../core/config';
import { trustedDocumentsFrom } from '../../../gateway/trusted-documents';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('production switches from the environment', () => {
  test('NODE_ENV=production: introspection for signed-in callers, CSRF prevention on', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).production).toEqual({
      introspection: 'authenticated',
      csrfPrevention: true,
      trustedDocumentsFile: undefined,
    });
  });

  test('development and tests: open, unless a variable says otherwise', () => {
    expect(loadConfig({}).production).toMatchObject({ introspection: 'public', csrfPrevention: false });
    const env = { NODE_ENV: 'test', INTROSPECTION: 'authenticated', CSRF_PREVENTION: 'true' } as const;
    expect(loadConfig(env).production).toMatchObject({
      introspection: 'authenticated',
      csrfPrevention: true,
    });
    const open = { NODE_ENV: 'production', INTROSPECTION: 'public', CSRF_PREVENTION: 'false' } as const;
    expect(loadConfig(open).production).toMatchObject({ introspection: 'public', csrfPrevention: false });
  });

  test('a bad value names its variable', () => {
    expect(() => loadConfig({ INTROSPECTION: 'nobody' })).toThrow(/^INTROSPECTION: /);
    expect(() => loadConfig({ CSRF_PREVENTION: 'yes' })).toThrow(ConfigError);
  });
});

describe('trusted documents manifest', () => {
  const doc = 'query Who { viewer { tenantId } }';

  test('each key finds its own documents only; an unlisted key is not restricted', () => {
    const docs = trustedDocumentsFrom({ apiKeys: { k1: { [sha256(doc)]: doc, who: doc }, k2: {} } });
    expect(docs.find('k1', sha256(doc))).toBe(doc);
    expect(docs.find('k1', 'who')).toBe(doc);
    expect(docs.find('k2', 'who')).toBeUndefined();
    expect([docs.restricts('k2'), docs.restricts('k3'), docs.restricts(undefined)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  test.each([
    [{ keys: {} }, /"apiKeys"/],
    [{ apiKeys: { k1: ['query { a }'] } }, /apiKeys\.k1 must be an object/],
    [{ apiKeys: { k1: { [sha256('query { b }')]: doc } } }, /is not the SHA-256 of its document/],
    [{ apiKeys: { k1: { who: 'query {' } } }, /apiKeys\.k1\.who does not parse/],
    [{ apiKeys: { k1: { who: 42 } } }, /apiKeys\.k1\.who must be a GraphQL document string/],
  ])('a bad manifest is a ConfigError naming what is wrong (%#)', (manifest, message) => {
    expect(() => trustedDocumentsFrom(manifest)).toThrow(ConfigError);
    expect(() => trustedDocumentsFrom(manifest)).toThrow(message);
  });
});
