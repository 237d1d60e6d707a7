/**
 * Texted English the cue and place patterns read in its full form: a verb without its final g ("doin it
 * ourselves", "movin to Phoenix", "we aint sellin", "thinkin we'll sell"), "somethin/nothin/anythin", and "ain't". Only
 * the stems listed are restored, so names and words that merely end in "in" ("Austin", "cousin", "within",
 * "again") are left alone.
 */
const STEMS = [
  'ask',
  'bring',
  'buy',
  'call',
  'charg',
  'clos',
  'com',
  'compar',
  'consider',
  'deal',
  'do',
  'driv',
  'eye',
  'feel',
  'fix',
  'focus',
  'gett',
  'go',
  'hav',
  'head',
  'hear',
  'hold',
  'hop',
  'hunt',
  'interview',
  'jok',
  'kidd',
  'lean',
  'leav',
  'list',
  'liv',
  'look',
  'lov',
  'mak',
  'mess',
  'mov',
  'need',
  'offer',
  'pay',
  'plann',
  'pull',
  'push',
  'putt',
  'relocat',
  'rent',
  'retir',
  'runn',
  'say',
  'search',
  'sell',
  'settl',
  'shopp',
  'show',
  'sign',
  'sitt',
  'stay',
  'tak',
  'talk',
  'target',
  'tell',
  'text',
  'think',
  'transferr',
  'try',
  'wait',
  'walk',
  'want',
  'wonder',
  'work',
  'some',
  'no',
  'any',
  'every',
];

const DROPPED_G = new RegExp(`\\b(${STEMS.join('|')})(th)?in['’]?(?![\\p{L}'’])`, 'giu');

/** "ain't" by its subject: "we aint selling" is "we are not selling", "it aint" is "it is not". */
function expandAint(text: string): string {
  return text
    .replace(/\b(we|they|you|y'?all)\s+ain['’]?t\b/gi, '$1 are not')
    .replace(/\b(i)\s+ain['’]?t\b/gi, '$1 am not')
    .replace(/\b(it|that|this|he|she|there|which)\s+ain['’]?t\b/gi, '$1 is not')
    .replace(/\bain['’]?t\b/gi, 'not');
}

/** The text with texted "-in" forms of the listed verbs written "-ing", and "ain't" expanded. */
export function restoreDroppedG(text: string): string {
  return expandAint(text).replace(DROPPED_G, (whole: string, stem: string, th: string | undefined) => {
    const isThing = ['some', 'no', 'any', 'every'].includes(stem.toLowerCase());
    if (isThing !== (th !== undefined)) return whole; // "somethin" only, never "somein"; "goin" never "gothin"
    return `${stem}${th ?? ''}ing`;
  });
}
