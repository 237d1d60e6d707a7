import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AgentRole, HintCategory, ObjectionType, PropertyType, Speaker } from '../../../../core/vocabulary';
import {
  compareSlots,
  evaluate,
  ExampleFileError,
  loadExamples,
  parseExamples,
  type CoachFn,
  type Example,
} from '../../../../tools/coach/evaluate';
import { formatReport } from '../../../../tools/coach/eval-report';
import type { HintDraft, Slots } from '../../../../subgraphs/coaching/coach/types';

const example = (
  id: string,
  category: HintCategory,
  slots: Example['expect']['slots'],
  objection?: ObjectionType,
): Example => ({
  id,
  agentRole: AgentRole.BUYER_AGENT,
  turns: [{ speaker: Speaker.LEAD, text: `lead text ${id}` }],
  expect: objection ? { category, objection, slots } : { category, slots },
});

const hint = (category: HintCategory, objection?: ObjectionType): HintDraft =>
  objection
    ? { category, objection, text: 't', rationale: 'r', confidence: 0.5 }
    : { category, text: 't', rationale: 'r', confidence: 0.5 };

/** A stub coach answering from a table keyed by the lead text. */
function stub(
  table: Record<string, { category: HintCategory; objection?: ObjectionType; slots: Slots }>,
): CoachFn {
  return (input) => {
    const text = input.turns[input.turns.length - 1]?.text ?? '';
    const row = table[text];
    if (!row) throw new Error(`no stub for ${text}`);
    return { hints: [hint(row.category, row.objection)], slots: row.slots };
  };
}

describe('compareSlots', () => {
  it('counts an exact match', () => {
    expect(compareSlots({ budget: 425000, bedrooms: 3 }, { budget: 425000, bedrooms: 3 })).toEqual({
      correct: 2,
      denominator: 2,
      errors: [],
    });
  });

  it('lowers accuracy for a wrong extra slot (costs as much as a missing one)', () => {
    const r = compareSlots({ budget: 425000 }, { budget: 425000, timelineMonths: 3 });
    expect(r.correct).toBe(1);
    expect(r.denominator).toBe(2);
    expect(r.errors).toEqual([{ slot: 'timelineMonths', kind: 'unexpected', got: 3 }]);
  });

  it('counts a wrong value once and a missing slot once', () => {
    const r = compareSlots({ budget: 425000, bedrooms: 3 }, { budget: 450000 });
    expect(r.correct).toBe(0);
    expect(r.denominator).toBe(2);
    expect(r.errors.map((e) => e.kind)).toEqual(['wrong', 'missing']);
  });

  it('compares areas as sets (order and case do not matter; extra area is wrong)', () => {
    expect(compareSlots({ areas: ['meridian', 'nampa'] }, { areas: ['Nampa', 'meridian'] }).correct).toBe(1);
    expect(compareSlots({ areas: ['meridian'] }, { areas: ['meridian', 'boise'] }).correct).toBe(0);
    expect(compareSlots({}, { areas: [] })).toEqual({ correct: 0, denominator: 0, errors: [] });
  });

  it('only scores the seven devset slots', () => {
    expect(compareSlots({}, { motivation: 'RELOCATION' })).toEqual({
      correct: 0,
      denominator: 0,
      errors: [],
    });
    expect(compareSlots({ preApproved: false }, { preApproved: true }).correct).toBe(0);
    expect(
      compareSlots({ propertyType: PropertyType.CONDO }, { propertyType: PropertyType.CONDO }).correct,
    ).toBe(1);
  });
});

describe('evaluate', () => {
  const examples = [
    example('a', HintCategory.NEXT_STEP, { budget: 340000, areas: ['clearwater'] }),
    example('b', HintCategory.OBJECTION_HANDLING, {}, ObjectionType.PRICE),
    example('c', HintCategory.INFORMATION, {}),
    example('d', HintCategory.RAPPORT, { bedrooms: 3 }),
  ];
  const coach = stub({
    'lead text a': { category: HintCategory.NEXT_STEP, slots: { budget: 340000, areas: ['clearwater'] } },
    'lead text b': {
      category: HintCategory.OBJECTION_HANDLING,
      objection: ObjectionType.TRUST,
      slots: { budget: 1 },
    },
    'lead text c': { category: HintCategory.QUALIFYING_QUESTION, slots: {} },
    'lead text d': { category: HintCategory.RAPPORT, slots: { bedrooms: 3 } },
  });
  const result = evaluate(examples, coach);

  it('computes category accuracy from the primary hint', () => {
    expect(result.categoryCorrect).toBe(3);
    expect(result.categoryAccuracy).toBeCloseTo(0.75);
    expect(result.objectionTotal).toBe(1);
    expect(result.objectionCorrect).toBe(0);
  });

  it('computes slot accuracy = correct ÷ (expected + unexpected extracted)', () => {
    // expected: 2 (a) + 1 (d) = 3, all correct; unexpected: budget in b → denominator 4
    expect(result.slotCorrect).toBe(3);
    expect(result.slotDenominator).toBe(4);
    expect(result.slotAccuracy).toBeCloseTo(0.75);
  });

  it('builds a confusion table and lists the misses', () => {
    expect(result.confusion[HintCategory.INFORMATION]).toEqual({ [HintCategory.QUALIFYING_QUESTION]: 1 });
    expect(result.confusion[HintCategory.NEXT_STEP]).toEqual({ [HintCategory.NEXT_STEP]: 1 });
    expect(result.misses.map((m) => m.id)).toEqual(['b', 'c']);
    const b = result.misses[0];
    expect(b?.categoryCorrect).toBe(true);
    expect(b?.gotObjection).toBe(ObjectionType.TRUST);
    expect(b?.slotErrors).toEqual([{ slot: 'budget', kind: 'unexpected', got: 1 }]);
  });

  it('formats a report with both percentages, the confusion table and the misses', () => {
    const report = formatReport(result);
    expect(report).toContain('category accuracy: 75.0% (3/4)');
    expect(report).toContain('slot accuracy:     75.0% (3/4)');
    expect(report).toMatch(/confusion/);
    expect(report).toMatch(/INFO\s+0\s+1\s+0\s+0\s+0\s+0\s+1/);
    expect(report).toContain('- c  expected INFORMATION, got QUALIFYING_QUESTION');
    expect(report).toContain('slot budget: unexpected 1');
  });

  it('treats an empty slot set as perfect and passes role, experience and stage to the coach', () => {
    let seenRole: AgentRole | undefined;
    const r = evaluate([example('x', HintCategory.RAPPORT, {})], (input) => {
      seenRole = input.agent.role;
      return { hints: [hint(HintCategory.RAPPORT)], slots: {} };
    });
    expect(seenRole).toBe(AgentRole.BUYER_AGENT);
    expect(r.slotAccuracy).toBe(1);
    expect(r.categoryAccuracy).toBe(1);
  });
});

describe('loading examples', () => {
  const good = JSON.stringify({
    id: 'x-1',
    agentRole: 'BUYER_AGENT',
    turns: [{ speaker: 'LEAD', text: 'hi' }],
    expect: { category: 'RAPPORT', slots: { budget: 1, areas: ['a'] } },
  });

  it('parses valid JSONL and skips blank lines', () => {
    expect(parseExamples(`${good}\n\n`)).toHaveLength(1);
  });

  it.each([
    ['not json', /line 1|:1: invalid JSON/],
    ['{"id": "x", "agentRole": "BOSS", "turns": [], "expect": {}}', /:1: "agentRole" must be one of/],
    [
      '{"id": "x", "agentRole": "BUYER_AGENT", "turns": [{"speaker": "BOT", "text": "x"}], "expect": {"category": "RAPPORT", "slots": {}}}',
      /:1: turn 1 must be/,
    ],
    [
      '{"id": "x", "agentRole": "BUYER_AGENT", "turns": [{"speaker": "LEAD", "text": "x"}], "expect": {"category": "CHITCHAT", "slots": {}}}',
      /:1: "expect.category"/,
    ],
    [
      '{"id": "x", "agentRole": "BUYER_AGENT", "turns": [{"speaker": "LEAD", "text": "x"}], "expect": {"category": "RAPPORT", "slots": {"budgett": 1}}}',
      /:1: unknown slot "budgett"/,
    ],
    [
      '{"id": "x", "agentRole": "BUYER_AGENT", "turns": [{"speaker": "LEAD", "text": "x"}], "expect": {"category": "RAPPORT", "slots": {"budget": "400k"}}}',
      /:1: slot "budget" must be/,
    ],
  ])('rejects a bad line with a message naming it: %s', (line, message) => {
    expect(() => parseExamples(line, 'f.jsonl')).toThrow(ExampleFileError);
    expect(() => parseExamples(line, 'f.jsonl')).toThrow(message);
  });

  it('names the right line number', () => {
    expect(() => parseExamples(`${good}\n{"id": 3}`, 'f.jsonl')).toThrow(/^f\.jsonl:2: /);
    expect(() => parseExamples(`${good}\n${good}`, 'f.jsonl')).toThrow(/f\.jsonl:2: duplicate id/);
  });

  it('reads a file and reports an unreadable one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'coach-eval-'));
    const file = path.join(dir, 'ok.jsonl');
    writeFileSync(file, `${good}\n`);
    expect(loadExamples(file)[0]?.id).toBe('x-1');
    expect(() => loadExamples(path.join(dir, 'missing.jsonl'))).toThrow(/cannot read file/);
  });
});
