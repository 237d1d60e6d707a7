/**
 * The automatic persisted queries cache (gateway/plugins/use-automatic-persisted-queries.ts) stays bounded
 * by entries and by characters, dropping the least recently used document first; a document used again
 * is kept over older ones.
 */
import { PersistedQueryCache } from '../../../gateway/plugins/use-automatic-persisted-queries';

describe('PersistedQueryCache', () => {
  test('bounded by entries: the least recently used goes first, a read keeps a document', () => {
    const cache = new PersistedQueryCache(3, 1_000);
    cache.set('a', '{ a }');
    cache.set('b', '{ b }');
    cache.set('c', '{ c }');
    expect(cache.get('a')).toBe('{ a }'); // a is now the most recent
    cache.set('d', '{ d }');
    expect([cache.get('b'), cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([
      undefined,
      '{ a }',
      '{ c }',
      '{ d }',
    ]);
    expect(cache.size).toBe(3);
  });

  test('bounded by characters; a document larger than the whole budget is not kept', () => {
    const cache = new PersistedQueryCache(100, 20);
    cache.set('x', 'x'.repeat(10));
    cache.set('y', 'y'.repeat(10));
    cache.set('z', 'z'.repeat(5)); // 25 > 20: x goes
    expect([cache.get('x'), cache.size]).toEqual([undefined, 2]);
    cache.set('huge', 'h'.repeat(21));
    expect([cache.get('huge'), cache.get('y'), cache.get('z')]).toEqual([undefined, 'y'.repeat(10), 'zzzzz']);
    cache.set('y', 'y'.repeat(10)); // registering twice counts once
    cache.set('w', 'w'.repeat(5));
    expect(cache.size).toBe(3);
  });
});
