import { AgentRole, HintCategory, Speaker } from '../../../../core/vocabulary';
import { findOverlap, lastLeadKey, normalizeText } from '../../../../tools/coach/eval-overlap';
import type { Example } from '../../../../tools/coach/examples';

const ex = (id: string, ...turns: [Speaker, string][]): Example => ({
  id,
  agentRole: AgentRole.BUYER_AGENT,
  turns: turns.map(([speaker, text]) => ({ speaker, text })),
  expect: { category: HintCategory.RAPPORT, slots: {} },
});

describe('content overlap with training data', () => {
  it('normalizes case, punctuation and whitespace, keeping letters of any language', () => {
    expect(normalizeText('  Is the price   NEGOTIABLE?!  ')).toBe('is the price negotiable');
    expect(normalizeText("We can't do 450k, sorry.")).toBe('we cant do 450k sorry');
    expect(normalizeText('¿Cuánto cuesta la casa?')).toBe('cuánto cuesta la casa');
  });

  it('keys an example by its last LEAD turn, not the agent reply after it', () => {
    const e = ex('a', [Speaker.LEAD, 'First message'], [Speaker.LEAD, 'Second one.'], [Speaker.AGENT, 'ok']);
    expect(lastLeadKey(e)).toBe('second one');
  });

  it('counts an example whose last lead turn is a training one re-cased and re-punctuated', () => {
    const training = [
      { name: 'train.jsonl', examples: [ex('t1', [Speaker.LEAD, 'Too pricey for us, honestly.'])] },
      { name: 'other.jsonl', examples: [ex('t2', [Speaker.LEAD, 'too PRICEY for us honestly'])] },
    ];
    const evaluated = [
      ex('e1', [Speaker.AGENT, 'Here it is'], [Speaker.LEAD, 'TOO pricey  for us... honestly!']),
      ex('e2', [Speaker.LEAD, 'Too pricey for us, honestly, but we love it']),
      ex('e3', [Speaker.LEAD, '!!!']),
    ];
    const r = findOverlap(evaluated, training);
    expect(r.count).toBe(1);
    expect(r.matches).toEqual([{ id: 'e1', alsoIn: ['train.jsonl:t1', 'other.jsonl:t2'] }]);
  });

  it('never matches on an empty key (a turn of only punctuation or emoji)', () => {
    const r = findOverlap(
      [ex('e', [Speaker.LEAD, '👍'])],
      [{ name: 't', examples: [ex('t', [Speaker.LEAD, '?'])] }],
    );
    expect(r.count).toBe(0);
  });
});
