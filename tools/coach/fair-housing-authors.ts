/**
 * The Fair Housing files the learned judge is cross-validated and trained on, one author a file: the 18
 * independent authors of sealed-1 … sealed-6 and the six fair-housing-check files; fair-housing-tune.jsonl only
 * ever trains. Listed by hand, never globbed, so a new sealed set (sealed-7 on) cannot slip into training before
 * its one scoring.
 */
const SEALED_AUTHORS: [number, string[]][] = [
  [1, ['alpha', 'bravo', 'charlie']],
  [2, ['delta', 'echo', 'foxtrot']],
  [3, ['golf', 'hotel', 'india']],
  [4, ['juliet', 'kilo', 'lima']],
  [5, ['mike', 'november', 'oscar']],
  [6, ['papa', 'quebec', 'romeo']],
];

export const AUTHOR_FILES: readonly string[] = [
  ...SEALED_AUTHORS.flatMap(([set, names]) =>
    names.map((n) => `tests/fixtures/sealed-${set}/${n}-fair-housing.jsonl`),
  ),
  'tests/fixtures/fair-housing-check.jsonl',
  ...[2, 3, 4, 5, 6].map((n) => `tests/fixtures/fair-housing-check-${n}.jsonl`),
];

export const EXTRA_TRAINING_FILES: readonly string[] = ['tests/fixtures/fair-housing-tune.jsonl'];
