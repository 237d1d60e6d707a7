/**
 * Values a careless or hostile client sends: strings with NUL, lone surrogates, emoji, markup, SQL and
 * path fragments, long runs; numbers past 32 bits, negative, fractional; any JSON where a type is expected.
 */
import fc from 'fast-check';

const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '💥👩‍👩‍👧',
  '\u202e\u200b',
  '%00',
  '%',
  '../../etc/passwd',
  "' OR 1=1 --",
  '"; drop table agents; --',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  '2026-13-45T25:61:61Z',
  '0000-00-00',
  'http://127.0.0.1:1/',
  'x'.repeat(5_000),
];

/** Printable ASCII: what a header value may hold. */
export const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

export const weirdString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
);

export const weirdInt: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 500 }),
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, 0.5),
);

export const weirdFloat: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  weirdInt,
);

/** Any JSON value, shallow enough to stay under the body limit. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });
