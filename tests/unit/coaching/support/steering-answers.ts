/**
 * Model answers for the "nothing unguarded on the wire" tests: hints that steer by a protected class (some only
 * once a second clause arrives, one only in its rationale) interleaved with clean ones, the words that must
 * never be seen anywhere, and helpers to capture pino output and every value written to a cache.
 */
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { Cache } from '../../../../core/cache';
import type { FakeHint } from '../../../fixtures/fake-anthropic';

const hint = (category: string, text: string, rationale = 'Keeps the search on the facts.'): FakeHint => ({
  category,
  text,
  rationale,
  confidence: 0.8,
});

export const CLEAN_HINTS: FakeHint[] = [
  hint(
    'OBJECTION_HANDLING',
    'Say: "Let\'s compare what $450k buys today with last spring, street by street." Why: facts calm price fear.',
  ),
  hint(
    'QUALIFYING_QUESTION',
    'Ask which school features matter most to them, then share the public ratings for both districts.',
  ),
  hint('NEXT_STEP', 'Offer a Saturday tour of three homes, and send the commute times tonight.'),
];

export const STEERING_HINTS: FakeHint[] = [
  // the issue's own example: the violation is in the first clause
  hint('INFORMATION', 'Tell them this neighborhood is mostly white families, so they will fit right in.'),
  // "Good news:" may go out; "feel at home here," only becomes steering with ", among other …"
  hint('RAPPORT', 'Good news: they would feel at home here, among other Muslim families.'),
  // a clean first sentence, then steering
  hint('INFORMATION', 'Share the listing sheet first. Then say the area is mostly young families, it sells.'),
  // clean text, steering rationale
  hint('NEXT_STEP', 'Mention the parks and the short commute.', 'Perfect for young professionals.'),
];

/**
 * What must never be seen: each steering hint's offending words (from the first word the guard's match
 * covers: "feel at home here" is part of the violation "feel at home here, among other Muslim families"),
 * and the prefix the issue saw leak.
 */
export const FORBIDDEN = [
  'neighborhood is mostl',
  'white families',
  'feel at home here',
  'among other muslim',
  'muslim families',
  'mostly young families',
  'young professionals',
];

/** Lower-cased `text`'s forbidden fragments (empty when clean). */
export function leaks(text: string): string[] {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  return FORBIDDEN.filter((f) => lower.includes(f));
}

/** Answers cycling through steering and clean hints, so every answer interleaves both. */
export const ANSWERS: FakeHint[][] = [
  [STEERING_HINTS[0]!, CLEAN_HINTS[0]!],
  [CLEAN_HINTS[1]!, STEERING_HINTS[1]!, CLEAN_HINTS[2]!],
  [STEERING_HINTS[2]!, STEERING_HINTS[3]!, CLEAN_HINTS[0]!],
  [CLEAN_HINTS[2]!, STEERING_HINTS[0]!],
  [CLEAN_HINTS[0]!, CLEAN_HINTS[1]!],
];

/** mulberry32: seeded, so every chunking is reproducible. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 97 chunk sizes of 1–5 characters from `seed` (a prime count, so the cycle rarely lines up with text). */
export function chunkSizes(seed: number): number[] {
  const r = prng(seed);
  return Array.from({ length: 97 }, () => 1 + Math.floor(r() * 5));
}

/** A pino logger at `trace` writing every line into `lines`. */
export function captureLogs(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'trace', name: 'capture' }, stream), lines };
}

/** A cache that records every value written through it. */
export class RecordingCache implements Cache {
  readonly written: string[] = [];
  constructor(private readonly inner: Cache) {}
  get(key: string): Promise<string | undefined> {
    return this.inner.get(key);
  }
  set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.written.push(value);
    return this.inner.set(key, value, ttlSeconds);
  }
  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
  async close(): Promise<void> {
    await this.inner.close?.();
  }
}
