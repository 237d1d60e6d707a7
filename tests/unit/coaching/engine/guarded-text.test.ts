/**
 * The guarded text buffer streamed hint text passes through (engine/guarded-text.ts): violating text split
 * into 1–5 character chunks, and at random, never releases a character of the violation — not even a clause
 * that only becomes one with the next — while clean text is released whole, clause by clause. The release rule
 * rests on a contract of the Fair Housing detector (judged sentence by sentence; a violation starts at a lead-in
 * word); the first tests hold the detector to it on every violation here and on the model/agent steering lines
 * of the tuning file, so a construction added later cannot silently break streaming.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkSteering,
  SENTENCE_END,
  CLAUSE_END,
  LEAD_IN,
} from '../../../../subgraphs/coaching/engine/guardrail';
import { GuardedText } from '../../../../subgraphs/coaching/engine/guarded-text';
import { prng } from '../../../fixtures/steering-answers';

/** Violations, several spanning a clause end (the released clause must not be part of them). */
const VIOLATING = [
  'Tell them this neighborhood is mostly white families, so they will fit right in.',
  'Good news: they would feel at home here, among other Muslim families.',
  'Stay away from the east side, there are too many disabled residents.',
  'Share the listing sheet first. Then say the area is mostly young families, it sells itself.',
  'Point out the parks, the commute: and that the whole community is very diverse.',
  "Say: \u201cYou'd fit in \u2014 lots of neighbors there are like you, people of your faith.\u201d",
  'Mention the schools; they would blend in, with tons of\nimmigrant families nearby.',
  'This neighborhood is mostly young families, show them Maple Heights.',
  "You'd fit in better in Riverside with people of your faith.",
  'Avoid that area, lots of immigrants.',
  'Steer them to Oak Hill; it is a Christian neighborhood.',
  'Perfect for young professionals, no kids around.',
  'Say: "They would feel more at home among other Hispanic families there."',
  'Mention it is a family-friendly area.',
  'Point out the neighbors are people like them.',
];

/** Clean texts, with the pieces they go out in at least (a sentence with a lead-in goes out whole at its end). */
const CLEAN: [string, number][] = [
  [
    'Say: "Let\'s compare what $450k buys today with last spring, street by street." Why: facts calm price fear.',
    3,
  ],
  ['They have two kids; share the public school ratings for both districts and let them compare.', 2],
  ['They would feel at home with a short commute, so map the drive times. Offer a Saturday tour.', 2],
  ['Ask how many kids they have and which school features matter to them.', 1],
  ["Make them feel comfortable with the process, then ask about budget: it's the next step.", 1],
];

function splits(text: string, sizes: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const n = sizes();
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

/** Every chunking tried: fixed sizes 1–5, and 40 seeded random ones of 1–5 characters. */
function chunkings(text: string): string[][] {
  const fixed = [1, 2, 3, 4, 5].map((n) => splits(text, () => n));
  const random = Array.from({ length: 40 }, (_, seed) => {
    const r = prng(seed + 1);
    return splits(text, () => 1 + Math.floor(r() * 5));
  });
  return [...fixed, ...random];
}

function stream(chunks: string[]): { pieces: string[]; buffer: GuardedText; released: string } {
  const buffer = new GuardedText();
  const pieces: string[] = [];
  for (const c of chunks) {
    const out = buffer.push(c);
    if (out) pieces.push(out);
  }
  const rest = buffer.end();
  if (rest) pieces.push(rest);
  return { pieces, buffer, released: pieces.join('') };
}

/** Where the violation starts in `text`, as the detector reports it. */
function violationStart(text: string): number {
  const verdict = checkSteering(text);
  expect(verdict.blocked).toBe(true);
  return verdict.start ?? 0;
}

/** Steering lines an agent or the model might write, from the tuning file (English). */
const TUNED: string[] = readFileSync(join(__dirname, '../../../fixtures/fair-housing-tune.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { speaker: string; text: string; expect: string; language: string })
  .filter((r) => r.expect === 'STEERING' && r.speaker !== 'LEAD' && r.language === 'en')
  .map((r) => r.text)
  .filter((t) => checkSteering(t).blocked);

describe('the detector keeps the clause-boundary contract', () => {
  it.each([...VIOLATING, ...TUNED])('%s', (text) => {
    const start = violationStart(text);
    let sentenceStart = start;
    while (sentenceStart > 0 && !SENTENCE_END.test(text[sentenceStart - 1]!)) sentenceStart--;
    // the violation starts at or after a lead-in of its own sentence, so its clauses are held ...
    const leadIn = LEAD_IN.exec(text.slice(sentenceStart).toLowerCase());
    expect(leadIn).not.toBeNull();
    expect(sentenceStart + leadIn!.index).toBeLessThanOrEqual(start);
    // ... and everything up to the sentence end before it is clean on its own
    expect(checkSteering(text.slice(0, sentenceStart)).blocked).toBe(false);
  });

  it('covers the model and agent lines of the tuning file', () => {
    expect(TUNED.length).toBeGreaterThanOrEqual(40);
  });

  it('the boundary classes are what the buffer splits on', () => {
    expect('.!?;'.split('').every((c) => SENTENCE_END.test(c))).toBe(true);
    expect(',:\u2013\u2014'.split('').every((c) => CLAUSE_END.test(c))).toBe(true);
  });
});

describe('GuardedText', () => {
  it.each([...VIOLATING, ...TUNED])('never releases a character of the violation: %s', (text) => {
    expect(checkSteering(text).blocked).toBe(true);
    const start = violationStart(text);
    let tries = 0;
    for (const chunks of chunkings(text)) {
      const { buffer, released } = stream(chunks);
      tries++;
      expect(buffer.blocked).toBe(true);
      expect(text.startsWith(released)).toBe(true);
      expect(released.length).toBeLessThanOrEqual(start);
      expect(checkSteering(released).blocked).toBe(false);
    }
    expect(tries).toBe(45);
  });

  it.each(CLEAN)('releases clean text whole, clause by clause: %s', (text, minPieces) => {
    for (const chunks of chunkings(text)) {
      const { buffer, pieces, released } = stream(chunks);
      expect(buffer.blocked).toBe(false);
      expect(released).toBe(text);
      expect(pieces.length).toBeGreaterThanOrEqual(minPieces);
    }
  });

  it('holds the unchecked tail: nothing of "…is mostl" goes out before its clause ends', () => {
    const b = new GuardedText();
    expect(b.push('Tell them this neighborhood is mostl')).toBe('');
    expect(b.push('y white families')).toBe('');
    expect(b.push(', so')).toBe('');
    expect(b.blocked).toBe(true);
    expect(b.verdict?.protectedClass).toBe('race or color');
    expect(b.end()).toBe('');
  });

  it('releases a clause at once unless a lead-in could carry a violation across it', () => {
    const b = new GuardedText();
    expect(b.push('Good news: they would ')).toBe('Good news:');
    expect(b.push('feel at home here, ')).toBe(''); // ", among other …" could still follow
    expect(b.push('near the park. Next')).toBe(' they would feel at home here, near the park.');
    expect(b.end()).toBe(' Next');
  });
});
