/**
 * The breakdowns of a coaching evaluation on a tiny stubbed set: per role, single- vs multi-turn, per language,
 * per slot, objection type as a real metric, and the optional "language" field of an example.
 */
import { AgentRole, HintCategory, ObjectionType, Speaker } from '../../../../core/vocabulary';
import type { HintDraft, Slots } from '../../../../subgraphs/coaching/coach/types';
import { breakdown } from '../../../../tools/coach/eval-breakdown';
import { formatReport, reportObject } from '../../../../tools/coach/eval-report';
import { evaluate, parseExamples, type CoachFn, type Example } from '../../../../tools/coach/evaluate';

const example = (id: string, o: Partial<Example> & Pick<Example, 'expect'>): Example => ({
  id,
  agentRole: AgentRole.BUYER_AGENT,
  turns: [{ speaker: Speaker.LEAD, text: id }],
  ...o,
});

const answers: Record<string, { category: HintCategory; objection?: ObjectionType; slots: Slots }> = {
  b1: {
    category: HintCategory.OBJECTION_HANDLING,
    objection: ObjectionType.PRICE,
    slots: { budget: 300000 },
  },
  b2: { category: HintCategory.OBJECTION_HANDLING, objection: ObjectionType.TRUST, slots: {} },
  l1: { category: HintCategory.NEXT_STEP, slots: { bedrooms: 4, areas: ['austin'] } },
  l2: { category: HintCategory.INFORMATION, slots: {} },
  t1: { category: HintCategory.NEXT_STEP, slots: {} },
};

const coach: CoachFn = (input) => {
  const id = input.turns[input.turns.length - 1]?.text ?? '';
  const a = answers[id];
  if (!a) throw new Error(`no answer for ${id}`);
  const hint: HintDraft = { category: a.category, text: 't', rationale: 'r', confidence: 0.5 };
  if (a.objection) hint.objection = a.objection;
  return { hints: [hint], slots: a.slots };
};

const examples: Example[] = [
  example('b1', {
    expect: {
      category: HintCategory.OBJECTION_HANDLING,
      objection: ObjectionType.PRICE,
      slots: { budget: 300000 },
    },
  }),
  example('b2', {
    language: 'es',
    turns: [
      { speaker: Speaker.AGENT, text: 'hola' },
      { speaker: Speaker.LEAD, text: 'b2' },
    ],
    expect: { category: HintCategory.OBJECTION_HANDLING, objection: ObjectionType.COMMISSION, slots: {} },
  }),
  example('l1', {
    agentRole: AgentRole.LISTING_AGENT,
    language: 'mixed',
    expect: { category: HintCategory.NEXT_STEP, slots: { bedrooms: 3, areas: ['austin'] } },
  }),
  example('l2', {
    agentRole: AgentRole.LISTING_AGENT,
    expect: { category: HintCategory.OBJECTION_HANDLING, objection: ObjectionType.TIMING, slots: {} },
  }),
  example('t1', {
    agentRole: AgentRole.TRANSACTION_COORDINATOR,
    expect: { category: HintCategory.NEXT_STEP, slots: {} },
  }),
];

describe('evaluation breakdowns', () => {
  const result = evaluate(examples, coach);
  const b = breakdown(result);

  it('scores objection type among examples expecting one: category and type both right', () => {
    expect(result.objectionTotal).toBe(3);
    expect(result.objectionCorrect).toBe(1);
    expect(result.objectionAccuracy).toBeCloseTo(1 / 3);
    expect(b.objectionConfusion).toEqual({
      PRICE: { PRICE: 1 },
      COMMISSION: { TRUST: 1 },
      TIMING: { 'not OBJECTION': 1 },
    });
  });

  it('breaks category, slots and objection type down per agent role, with the largest gap', () => {
    expect(b.byRole.BUYER_AGENT).toMatchObject({
      n: 2,
      categoryCorrect: 2,
      objectionCorrect: 1,
      objectionTotal: 2,
    });
    expect(b.byRole.LISTING_AGENT).toMatchObject({
      n: 2,
      categoryCorrect: 1,
      slotCorrect: 1,
      slotDenominator: 2,
    });
    expect(b.byRole.TRANSACTION_COORDINATOR).toMatchObject({ n: 1, categoryAccuracy: 1 });
    expect(b.roleCategorySpread).toBeCloseTo(0.5);
  });

  it('splits single-turn from multi-turn, and English (the default) from Spanish and mixed', () => {
    expect(b.byTurns['multi-turn']).toMatchObject({ n: 1, categoryCorrect: 1, objectionCorrect: 0 });
    expect(b.byTurns['single-turn']).toMatchObject({ n: 4, categoryCorrect: 3 });
    expect(Object.keys(b.byLanguage)).toEqual(['en', 'es', 'mixed']);
    expect(b.byLanguage.en).toMatchObject({ n: 3 });
    expect(b.byLanguage.mixed).toMatchObject({ n: 1, slotCorrect: 1, slotDenominator: 2 });
  });

  it('scores each slot on its own', () => {
    expect(b.bySlot.budget).toMatchObject({ correct: 1, denominator: 1, accuracy: 1 });
    expect(b.bySlot.bedrooms).toMatchObject({ correct: 0, denominator: 1, wrong: 1 });
    expect(b.bySlot.areas).toMatchObject({ correct: 1, denominator: 1 });
    expect(b.bySlot.timelineMonths).toMatchObject({ denominator: 0 });
  });

  it('prints the breakdowns and gives every figure in the JSON object', () => {
    const text = formatReport(result);
    expect(text).toContain('objection type:    33.3% (1/3) (category and type both right)');
    expect(text).toMatch(/multi-turn\s+1\s+100\.0% \(1\/1\)/);
    expect(text).toMatch(/bedrooms\s+0\.0% \(0\/1\)\s+0\s+1\s+0/);
    expect(text).toContain('largest gap in category accuracy between roles: 50.0 points');
    const json = JSON.parse(JSON.stringify(reportObject(result))) as Record<string, unknown>;
    expect(json).toMatchObject({ total: 5, objectionTotal: 3, breakdown: { byLanguage: { es: { n: 1 } } } });
    expect(json.scored).toBeUndefined();
  });

  it('accepts an optional "language" field and rejects an unknown one', () => {
    const line = (language: string) =>
      JSON.stringify({
        id: 'x',
        agentRole: 'BUYER_AGENT',
        language,
        turns: [{ speaker: 'LEAD', text: 'hola' }],
        expect: { category: 'RAPPORT', slots: {} },
      });
    expect(parseExamples(line('es'))[0]?.language).toBe('es');
    expect(() => parseExamples(line('fr'), 'f.jsonl')).toThrow(
      /f\.jsonl:1: "language" must be one of en, es, mixed/,
    );
  });
});
