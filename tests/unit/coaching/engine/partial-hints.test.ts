/**
 * The incremental scanner that streams hints[i].text out of partial tool-input JSON, and hands out each
 * hint's raw JSON as soon as its object closes.
 */
import { PartialHintsScanner } from '../../../../subgraphs/coaching/engine/partial-hints';

function scan(chunks: string[]): { starts: number[]; text: Map<number, string>; calls: number } {
  const starts: number[] = [];
  const text = new Map<number, string>();
  let calls = 0;
  const s = new PartialHintsScanner({
    onHint: (i) => starts.push(i),
    onText: (i, t) => {
      calls += 1;
      text.set(i, (text.get(i) ?? '') + t);
    },
  });
  for (const c of chunks) s.push(c);
  return { starts, text, calls };
}

const splitEvery = (s: string, n: number): string[] => s.match(new RegExp(`[\\s\\S]{1,${n}}`, 'g')) ?? [];

describe('PartialHintsScanner', () => {
  const input = {
    hints: [
      {
        category: 'NEXT_STEP',
        rationale: 'a "quoted" text: {not} [json]',
        text: 'Say: "Let\'s book it" — ok?\nNew line \\ slash',
        confidence: 0.5,
      },
      { text: 'Emoji 😀 and é', category: 'RAPPORT', rationale: 'r', confidence: 1 },
    ],
  };

  it.each([1, 2, 3, 7, 1000])('streams each hint text exactly, whatever the chunk size (%i)', (size) => {
    const json = JSON.stringify(input, null, size % 2 ? 0 : 2);
    const r = scan(splitEvery(json, size));
    expect(r.starts).toEqual([0, 1]);
    expect(r.text.get(0)).toBe(input.hints[0]!.text);
    expect(r.text.get(1)).toBe(input.hints[1]!.text);
  });

  it('decodes \\u escapes, including surrogate pairs split across chunks', () => {
    const json = '{"hints":[{"text":"caf\\u00e9 \\ud83d\\ude00!"}]}';
    const r = scan(splitEvery(json, 1));
    expect(r.text.get(0)).toBe('café 😀!');
  });

  it('ignores "text" keys that are not hints[i].text', () => {
    const r = scan(['{"text":"no","meta":{"text":"no"},"hints":[{"extra":{"text":"no"},"text":"yes"}]}']);
    expect(r.text.get(0)).toBe('yes');
    expect(r.text.size).toBe(1);
  });

  it('emits at most one onText per chunk and survives garbage', () => {
    const r = scan(['{"hints":[{"text":"abc', 'def"}', ']}', '}}]]"\\']);
    expect(r.text.get(0)).toBe('abcdef');
    expect(r.calls).toBe(2);
  });

  it.each([1, 5, 1000])(
    'hands out each hint object as it closes, before the next one streams (%i)',
    (size) => {
      const json = JSON.stringify(input, null, 2);
      const log: string[] = [];
      const ends: [number, unknown][] = [];
      const s = new PartialHintsScanner({
        onHint: (i) => log.push(`start ${i}`),
        onText: (i) => log.push(`text ${i}`),
        onHintEnd: (i, raw) => {
          log.push(`end ${i}`);
          ends.push([i, JSON.parse(raw)]);
        },
      });
      for (const c of splitEvery(json, size)) s.push(c);
      expect(ends).toEqual([
        [0, input.hints[0]],
        [1, input.hints[1]],
      ]);
      const compact = log.filter((l, i) => l !== log[i - 1]);
      expect(compact).toEqual(['start 0', 'text 0', 'end 0', 'start 1', 'text 1', 'end 1']);
    },
  );

  it('hands out nothing for an unclosed hint or nested objects', () => {
    const ends: number[] = [];
    const s = new PartialHintsScanner({
      onHint: () => undefined,
      onText: () => undefined,
      onHintEnd: (i) => ends.push(i),
    });
    s.push('{"hints":[{"meta":{"a":1},"text":"x"},{"text":"unfinished');
    expect(ends).toEqual([0]);
  });
});
