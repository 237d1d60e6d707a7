/**
 * People's names are redacted before a model call like emails and phones: the agent's and the contact's
 * (known from the session) and names the conversation mentions (person-names.ts), restored in the hint the
 * agent sees. Places the lead wants stay ("Austin" the city is coaching material, not a person). Figures
 * (found / expected over a labelled sample, time per text) are printed.
 */
import { Speaker } from '../../../../core/vocabulary';
import { findPersonNames } from '../../../../subgraphs/coaching/engine/person-names';
import { Redactor } from '../../../../subgraphs/coaching/engine/redaction';
import { start, type FakeAnthropic } from '../../../fixtures/fake-anthropic';
import { collect, engineFor, makeRequest } from './helpers';

/** [text, the names in it] — written for this test, the kinds of messages leads and agents send. */
const SAMPLE: [string, string[]][] = [
  ["Hi, I'm Jane Doe, we want 3 bedrooms in South Austin near the lake.", ['Jane Doe']],
  [
    'This is Marcus Whitfield, my wife Priya and I are relocating from Denver to Round Rock by June.',
    ['Marcus Whitfield', 'Priya'],
  ],
  ['Thanks Sarah! Can you call me tomorrow? Budget is $450,000.', ['Sarah']],
  ['Talk to Dr. Okonkwo about the loan, he pre-approved us.', ['Dr. Okonkwo']],
  ['hey its Kevin, looking in Cedar Park or Leander', ['Kevin']],
  ['Ottoline Quillfeather here again, still want the sunroom.', ['Ottoline Quillfeather']],
  ['My husband Tom thinks the HOA is too high.', ['Tom']],
  ['Ask for Ms. Alvarez at the front desk when you arrive.', ['Ms. Alvarez']],
  ['Can we see it Saturday? My mom Linda wants to come too.', ['Linda']],
  ['We are pre-approved with Chase for 600k, want something in Georgetown.', []],
  ['Is the Main Street place still available? We loved the kitchen.', []],
  ['Spring would be ideal, maybe April or May.', []],
  ['Hello! Looking for a condo downtown, 2 bed, under 400k.', []],
];

describe('person names', () => {
  it('finds the names of a labelled sample and no place, month or greeting', () => {
    let expected = 0;
    let found = 0;
    let extra = 0;
    findPersonNames('warm up: the lexicon loads on the first call');
    const t0 = performance.now();
    const misses: string[] = [];
    for (const [text, names] of SAMPLE) {
      const got = findPersonNames(
        text,
        new Set(['austin', 'round rock', 'cedar park', 'leander', 'georgetown']),
      );
      expected += names.length;
      for (const n of names)
        if (got.includes(n)) found++;
        else misses.push(`${n} in "${text}"`);
      extra += got.filter((g) => !names.includes(g)).length;
      if (got.some((g) => !names.includes(g))) misses.push(`extra ${JSON.stringify(got)} in "${text}"`);
    }
    const msPerText = (performance.now() - t0) / SAMPLE.length;
    process.stdout.write(
      `[name-redaction] names found ${found}/${expected}, extra ${extra}, ${msPerText.toFixed(1)} ms/text (after the first call, which loads the lexicon)\n`,
    );
    expect(misses).toEqual([]);
  });

  it('redacts known names, their parts and detected names everywhere, one placeholder each, restored', () => {
    const r = new Redactor({ knownNames: ['Jane Doe', 'Olivia Park'], keep: ['austin'] });
    const a = r.redact('Hi Olivia, this is Jane Doe, call me at 512-555-0187.');
    const b = r.redact('jane again: is Austin still good? My son Mateo says hi.');
    const c = r.redact('Mateo wants a yard.');
    for (const name of ['Jane', 'Doe', 'Olivia', 'Mateo'])
      expect(`${a} ${b} ${c}`).not.toMatch(new RegExp(name, 'i'));
    expect(b).toContain('Austin');
    expect(a).toContain('[PHONE_1]');
    expect(r.restore(a)).toBe('Hi Olivia, this is Jane Doe, call me at 512-555-0187.');
    expect(r.restore(c)).toBe('Mateo wants a yard.');
    expect(r.counts().NAME).toBeGreaterThanOrEqual(4);
  });
});

describe('known names with ids in them', () => {
  it('redacts the name words of a display name, not the ids or numbers beside them', () => {
    // partner apps name agents "Listing 12-ab12cd34"; the lead quoting that reference is no name
    const r = new Redactor({ knownNames: ['Listing 12-ab12cd34', 'Agent 7 Rosalind'], detectNames: false });
    expect(r.redact("We'd like to list soon, ref 12-ab12cd34.1, call 7 times")).toBe(
      "We'd like to list soon, ref 12-ab12cd34.1, call 7 times",
    );
    expect(r.redact('Rosalind said so')).toBe('[NAME_1] said so');
  });
});

describe('name redaction end to end (fake Anthropic server)', () => {
  let fake: FakeAnthropic;
  beforeAll(async () => {
    fake = await start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('sends no name to the model and shows the agent the names in the hint', async () => {
    fake.script({
      hints: [
        {
          category: 'RAPPORT',
          text: 'Say: "[NAME_1], I\'ll send homes in Austin tonight." Why: it uses their name.',
          rationale: 'Personal.',
          confidence: 0.8,
        },
      ],
      chunkSize: 4,
    });
    const { engine } = engineFor(fake);
    const c = collect();
    const names = ['Jane', 'Doe', 'Olivia', 'Park', 'Priya', 'Okonkwo', 'Marcus'];
    const result = await engine.run(
      makeRequest({
        agent: { ...makeRequest().agent, name: 'Olivia Park' },
        contactNames: ['Jane Doe'],
        turns: [
          { speaker: Speaker.AGENT, text: 'Hi Jane, Olivia here from the office. Homes in Austin, right?' },
          {
            speaker: Speaker.LEAD,
            text: 'Yes! My wife Priya and I want 3 bedrooms in Austin, around $450,000.',
          },
          { speaker: Speaker.LEAD, text: 'Our lender is Dr. Okonkwo. Marcus Whitfield referred us.' },
        ],
        question: 'How do I follow up with Jane?',
        memory: ['Jane prefers texts'],
      }),
      c.onEvent,
    );
    const sent = fake.receivedText();
    const leaked = names.filter((n) => new RegExp(`\\b${n}\\b`, 'i').test(sent));
    process.stdout.write(`[name-redaction] names in the request body: ${leaked.length} of ${names.length}\n`);
    expect(leaked).toEqual([]);
    expect(sent).toContain('[NAME_');
    expect(sent).toContain('Austin');
    expect(result.fallback).toBe(false);
    expect(result.hints[0]!.text).toMatch(/^Say: "(Jane|Jane Doe), I'll send homes in Austin tonight\."/);
    expect(c.text(0)).toBe(result.hints[0]!.text);
  });
});
