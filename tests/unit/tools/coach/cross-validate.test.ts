/**
 * Grouped k-fold: a conversation and its near-duplicates (same file and id, or the same normalized last lead
 * turn anywhere) are always tested together, never trained on while their twin is tested.
 */
import { AgentRole, HintCategory, Speaker } from '../../../../core/vocabulary';
import { assignFolds, crossValidate, groupExamples } from '../../../../tools/coach/cross-validate';
import { crossValidationSummary, meanSd } from '../../../../tools/coach/cross-validate-report';
import { lastLeadKey } from '../../../../tools/coach/eval-overlap';
import type { Example } from '../../../../tools/coach/examples';

const ex = (id: string, text: string, category = HintCategory.RAPPORT): Example => ({
  id,
  agentRole: AgentRole.BUYER_AGENT,
  turns: [{ speaker: Speaker.LEAD, text }],
  expect: { category, slots: {} },
});

const files = [
  {
    name: 'a.jsonl',
    examples: [
      ex('1', 'Thanks so much!'),
      ex('2', 'can we see it saturday', HintCategory.NEXT_STEP),
      ex('3', 'what are the hoa fees', HintCategory.INFORMATION),
      ex('4', 'thanks so much'),
      ex('5', 'how many bedrooms do you need', HintCategory.QUALIFYING_QUESTION),
    ],
  },
  {
    name: 'b.jsonl',
    examples: [
      ex('1', 'THANKS, so much'),
      ex('2', 'is the roof new', HintCategory.INFORMATION),
      ex('3', 'Can we see it Saturday?', HintCategory.NEXT_STEP),
      ex('4', 'we loved the kitchen'),
      ex('5', 'book a tour for sunday', HintCategory.NEXT_STEP),
      ex('6', 'does it have a garage', HintCategory.INFORMATION),
    ],
  },
];

describe('grouped k-fold', () => {
  it('groups near-duplicates across files and keeps same-id examples of different files apart', () => {
    const groups = groupExamples(files).map((g) => g.map((x) => `${x.file}:${x.example.id}`).sort());
    expect(groups).toContainEqual(['a.jsonl:1', 'a.jsonl:4', 'b.jsonl:1']);
    expect(groups).toContainEqual(['a.jsonl:2', 'b.jsonl:3']);
    expect(groups.flat()).toHaveLength(11);
    expect(groups).toHaveLength(8);
  });

  it.each([2, 3, 4])('puts every example in exactly one of %i folds and never splits a group', (k) => {
    const folds = assignFolds(groupExamples(files), k);
    expect(folds).toHaveLength(k);
    const foldOf = new Map<string, number>();
    folds.forEach((f, i) => f.forEach((x) => foldOf.set(`${x.file}:${x.example.id}`, i)));
    expect(foldOf.size).toBe(11);
    expect(folds.flat()).toHaveLength(11);
    // near-duplicates (same normalized last lead turn) share a fold
    const byKey = new Map<string, Set<number>>();
    folds.forEach((f, i) =>
      f.forEach((x) =>
        byKey.set(lastLeadKey(x.example), (byKey.get(lastLeadKey(x.example)) ?? new Set()).add(i)),
      ),
    );
    for (const foldsOfKey of byKey.values()) expect(foldsOfKey.size).toBe(1);
    // balanced: sizes differ by at most the largest group (3)
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(3);
  });

  it('is deterministic', () => {
    const ids = (k: number) => assignFolds(groupExamples(files), k).map((f) => f.map((x) => x.example.id));
    expect(ids(3)).toEqual(ids(3));
  });

  it('scores each fold on examples it was not trained on, and leaves one file out per file', () => {
    const rows = crossValidate(files, 2);
    expect(rows.map((r) => r.name)).toEqual(['fold 1/2', 'fold 2/2', 'without a.jsonl', 'without b.jsonl']);
    expect(rows[0]!.total + rows[1]!.total).toBe(11);
    const s = crossValidationSummary(rows);
    expect(s.k).toBe(2);
    expect(s.examples).toBe(11);
    expect(s.leaveOneFileOut.map((r) => r.total)).toEqual([5, 6]);
  });
});

describe('mean ± sd', () => {
  it('uses the sample standard deviation', () => {
    expect(meanSd([0.8, 0.9, 1])).toEqual({ mean: expect.closeTo(0.9, 10), sd: expect.closeTo(0.1, 10) });
    expect(meanSd([0.5])).toEqual({ mean: 0.5, sd: 0 });
    expect(meanSd([])).toEqual({ mean: 0, sd: 0 });
  });
});
