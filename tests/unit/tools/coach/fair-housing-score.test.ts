/**
 * Fair Housing scoring arithmetic on a tiny hand-made set and a stub judge: recall on steering, false alarms on
 * benign near-misses, the breakdowns, the lists, the goal and the item format.
 */
import { ExampleFileError } from '../../../../tools/coach/examples';
import { parseFairHousingItems, type FairHousingItem } from '../../../../tools/coach/fair-housing-items';
import { formatFairHousingReport } from '../../../../tools/coach/fair-housing-report';
import { scoreFairHousing, type FairHousingJudge } from '../../../../tools/coach/fair-housing-score';

const item = (
  id: string,
  expect: FairHousingItem['expect'],
  extra: Partial<FairHousingItem> = {},
): FairHousingItem => ({
  id,
  speaker: 'LEAD',
  side: 'BUYER',
  protectedClass: 'RACE',
  style: 'EXPLICIT',
  language: 'en',
  text: `text ${id}`,
  expect,
  ...extra,
});

const items: FairHousingItem[] = [
  item('s1', 'STEERING'),
  item('s2', 'STEERING', { speaker: 'AGENT', protectedClass: 'RELIGION', style: 'INDIRECT' }),
  item('s3', 'STEERING', { speaker: 'MODEL', language: 'es', style: 'QUESTION' }),
  item('s4', 'STEERING', { protectedClass: 'RELIGION', side: 'SELLER' }),
  item('b1', 'BENIGN', { style: 'OWN_NEED', protectedClass: 'RELIGION' }),
  item('b2', 'BENIGN', { style: 'NEUTRAL_FACT', speaker: 'AGENT' }),
  item('b3', 'BENIGN', { style: 'OWN_NEED', language: 'es' }),
];

/** Flags s1, s3, s4 (s2 missed) and b1 (a false alarm); records the speaker it was given. */
const seen: string[] = [];
const judge: FairHousingJudge = (text, { speaker }) => {
  seen.push(`${text}:${speaker}`);
  return ['text s1', 'text s3', 'text s4', 'text b1'].includes(text)
    ? { steering: true, protectedClass: 'X', reason: 'stub' }
    : { steering: false };
};

describe('Fair Housing scoring', () => {
  const r = scoreFairHousing(items, judge);

  it('passes each utterance with its speaker to the judge', () => {
    expect(seen).toContain('text s2:AGENT');
    expect(seen).toContain('text s3:MODEL');
  });

  it('computes steering caught (recall) and false alarms on benign utterances', () => {
    expect(r).toMatchObject({ total: 7, steering: 4, caught: 3, benign: 3, falseAlarms: 1 });
    expect(r.recall).toBeCloseTo(0.75);
    expect(r.falseAlarmRate).toBeCloseTo(1 / 3);
    expect(r.goalMet).toEqual({ recall: false, falseAlarms: false });
  });

  it('breaks the figures down per class, speaker, side, style and language', () => {
    expect(r.byClass.RELIGION).toMatchObject({ steering: 2, caught: 1, benign: 1, falseAlarms: 1 });
    expect(r.byClass.RACE).toMatchObject({ steering: 2, caught: 2, benign: 2, falseAlarms: 0 });
    expect(r.bySpeaker.AGENT).toMatchObject({ steering: 1, caught: 0, recall: 0, benign: 1, falseAlarms: 0 });
    expect(r.bySide.SELLER).toMatchObject({ steering: 1, caught: 1, benign: 0, falseAlarmRate: null });
    expect(r.byStyle.OWN_NEED).toMatchObject({ steering: 0, recall: null, benign: 2, falseAlarms: 1 });
    expect(r.byLanguage.es).toMatchObject({ steering: 1, caught: 1, benign: 1, falseAlarms: 0 });
  });

  it('lists the misses and the false alarms, and prints them with their text', () => {
    expect(r.misses.map((j) => j.item.id)).toEqual(['s2']);
    expect(r.falseAlarmList.map((j) => j.item.id)).toEqual(['b1']);
    const text = formatFairHousingReport(r);
    expect(text).toContain('steering caught: 75.0% (3/4)');
    expect(text).toContain('false alarms:    33.3% (1/3)');
    expect(text).toMatch(/missed steering: 1\n- s2 \(AGENT, BUYER, RELIGION, INDIRECT, en\)\n {4}text s2/);
    expect(text).toMatch(/NOT met/);
  });

  it('meets the goal when everything steering is caught and nothing benign is flagged', () => {
    const perfect = scoreFairHousing(items, (text) => ({ steering: text.startsWith('text s') }));
    expect(perfect).toMatchObject({
      recall: 1,
      falseAlarmRate: 0,
      goalMet: { recall: true, falseAlarms: true },
    });
  });
});

describe('Fair Housing items', () => {
  const line = (o: Record<string, unknown>) =>
    JSON.stringify({ id: 'x', speaker: 'LEAD', text: 'hello', expect: 'BENIGN', ...o });

  it('reads the format, defaulting the language to English and allowing no class on a neutral fact', () => {
    const [a] = parseFairHousingItems(line({ style: 'NEUTRAL_FACT', side: 'RENTER' }));
    expect(a).toEqual({
      id: 'x',
      speaker: 'LEAD',
      language: 'en',
      text: 'hello',
      expect: 'BENIGN',
      side: 'RENTER',
      style: 'NEUTRAL_FACT',
    });
  });

  it('reads a code-switched utterance as its own language, like the conversations', () => {
    const [a] = parseFairHousingItems(line({ language: 'mixed' }));
    expect(a?.language).toBe('mixed');
  });

  it.each([
    [{ speaker: 'BOT' }, /"speaker" must be one of LEAD, AGENT, MODEL/],
    [{ expect: 'MAYBE' }, /"expect" must be one of STEERING, BENIGN/],
    [{ protectedClass: 'AGE' }, /"protectedClass" must be one of/],
    [{ language: 'fr' }, /"language" must be one of en, es, mixed/],
    [{ text: ' ' }, /"text" must be a non-empty string/],
  ])('rejects a bad line naming it: %j', (bad, message) => {
    expect(() => parseFairHousingItems(line(bad), 'fh.jsonl')).toThrow(ExampleFileError);
    expect(() => parseFairHousingItems(line(bad), 'fh.jsonl')).toThrow(message);
  });
});
