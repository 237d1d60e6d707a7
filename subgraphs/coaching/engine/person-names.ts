/**
 * Person names in free text, for redaction before a model call. Two detectors, united:
 * - `compromise` (MIT, a small rule-and-lexicon NLP library with no model download) tags people's names
 *   ("Jane Doe", "Dr. Okonkwo", lowercase "kevin" after "its");
 * - cue patterns catch a capitalized word after words that introduce a person ("my wife Priya",
 *   "this is Marcus", "thanks Sarah", "ask for Ms. Lee"), which the lexicon misses for less common names.
 * A stop list keeps greetings, days, months and housing words out; places the conversation is about (the
 * areas the offline coach extracted, passed as `keep`) are never names unless known as one — "Austin" the
 * city stays, so coaching about the area is not lost.
 */
import nlp from 'compromise';

/** Words never taken for a name on their own (lowercase). */
const STOP = new Set(
  (
    "i im i'm i’m its it's it’s we " +
    'you he she they it the a an my our your this that there here hi hey hello thanks thank ' +
    'yes yeah no ok okay great sure just also and but so or if is are was can could would will what when ' +
    'where who why how please sir maam madam mr mrs ms dr miss team everyone all guys folks again ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december spring summer fall autumn winter today tomorrow tonight ' +
    'looking interested ready moving buying selling calling texting writing following checking reaching ' +
    'house home condo townhome townhouse apartment realtor agent lender bank zillow redfin mls hoa fha va ' +
    'chase wells fargo quicken rocket citi ' +
    'god lord jesus christmas thanksgiving easter regards cheers best not very really happy glad excited sorry ' +
    'good fine new still currently pre approved out back in on at for with about'
  ).split(/\s+/),
);

const HONORIFIC = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)`;
const CAP_WORD = String.raw`[A-Z][a-z'’-]{1,30}`;
/** "<cue> Name [Surname]": the cue is case-insensitive, the name must be capitalized. */
const CUE = new RegExp(
  String.raw`\b(?:[Mm]y name is|[Nn]ame's|[Nn]ame is|[Ii] am|[Ii]'m|[Ii]’m|[Tt]his is|[Ii]t's|[Ii]t’s|[Cc]all me|` +
    String.raw`[Aa]sk for|[Tt]alk to|[Ss]peak (?:to|with)|[Ss]poke (?:to|with)|[Ww]ife|[Hh]usband|[Pp]artner|` +
    String.raw`[Ff]iancée?|[Bb]oyfriend|[Gg]irlfriend|[Ss]on|[Dd]aughter|[Mm]om|[Dd]ad|[Bb]rother|[Ss]ister|` +
    String.raw`[Ff]riend|[Hh]i|[Hh]ey|[Hh]ello|[Tt]hanks|[Tt]hank you|[Dd]ear|[Rr]egards|[Cc]heers)` +
    String.raw`[,:]?\s+(${HONORIFIC}?${CAP_WORD}(?:\s+${CAP_WORD})?)`,
  'g',
);

/** "Name [Surname] here", "Name speaking": how people sign a text message. */
const TRAILING_CUE = new RegExp(
  String.raw`(?<![\w'’])(${HONORIFIC}?${CAP_WORD}(?:\s+${CAP_WORD})?)[,:]?\s+(?:here|speaking)\b`,
  'g',
);

function clean(name: string): string {
  return name.replace(/^[\s"'“”‘’(]+|[\s"'“”‘’),.!?;:]+$/g, '').replace(/\s+/g, ' ');
}

function acceptable(name: string, keep: ReadonlySet<string>): string | null {
  let words = clean(name).split(' ');
  // a leading or trailing stop word ("I'm Jane", "Sarah Can") is not part of the name
  while (words.length > 1 && STOP.has(words[words.length - 1]!.toLowerCase())) words = words.slice(0, -1);
  while (words.length > 1 && STOP.has(words[0]!.toLowerCase())) words = words.slice(1);
  const text = words.join(' ');
  const bare = words.filter((w) => !/^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?$/i.test(w));
  if (bare.length === 0 || bare.every((w) => STOP.has(w.toLowerCase()))) return null;
  if (keep.has(text.toLowerCase()) || keep.has(bare.join(' ').toLowerCase())) return null;
  if (bare.some((w) => w.length < 2 || /\d/.test(w))) return null;
  return text;
}

/** Distinct person names found in `text`, longest first. `keep`: lowercase phrases that are not names. */
export function findPersonNames(text: string, keep: ReadonlySet<string> = new Set()): string[] {
  const found = new Set<string>();
  const people = nlp(text).people().json() as { text: string }[];
  for (const p of people) {
    const name = acceptable(p.text, keep);
    if (name) found.add(name);
  }
  // overlapping matches: in "Hi, I'm Jane Doe" the cue "Hi" takes "I'm Jane", the cue "I'm" then "Jane Doe"
  const cue = new RegExp(CUE.source, 'g');
  for (let m = cue.exec(text); m !== null; m = cue.exec(text)) {
    const name = acceptable(m[1] ?? '', keep);
    if (name) found.add(name);
    cue.lastIndex = m.index + 1;
  }
  for (const m of text.matchAll(TRAILING_CUE)) {
    const name = acceptable(m[1] ?? '', keep);
    if (name) found.add(name);
  }
  const names = [...found].sort((a, b) => b.length - a.length);
  // "Jane" inside a found "Jane Doe" is the same person (the redaction replaces the longer one first)
  return names.filter((n, i) => !names.slice(0, i).some((longer) => containsWord(longer, n)));
}

function containsWord(longer: string, word: string): boolean {
  return new RegExp(`(?:^|\\s)${escapeRegExp(word)}(?:$|\\s)`, 'i').test(longer);
}

/** A known full name and its parts (first, last) worth redacting on their own. */
export function nameVariants(fullName: string): string[] {
  const name = clean(fullName);
  if (name.length < 2) return [];
  // a part is a word of letters ("Mary-Jane", "O'Neil"); an id or number inside a display name is no name
  const parts = name
    .split(' ')
    .filter((w) => w.length >= 2 && /^\p{L}[\p{L}'’.-]*$/u.test(w) && !STOP.has(w.toLowerCase()));
  return [...new Set([name, ...parts])].sort((a, b) => b.length - a.length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The names of one redaction (one Redactor): the known ones, and every one detected so far — a name once
 * found is redacted in every later text, even where it appears in lowercase or without a cue.
 */
export class PersonNames {
  private readonly known: string[] = [];
  private readonly keep: ReadonlySet<string>;
  private readonly detect: boolean;
  private pattern: RegExp | null = null;

  constructor(opts: { knownNames?: readonly string[]; keep?: Iterable<string>; detectNames?: boolean }) {
    this.keep = new Set([...(opts.keep ?? [])].map((k) => k.toLowerCase()));
    this.detect = opts.detectNames ?? true;
    for (const n of opts.knownNames ?? []) this.add(nameVariants(n));
  }

  /** Replaces every name in `text` (placeholders already in it are left alone). */
  redact(text: string, placeholder: (name: string) => string): string {
    if (this.detect) this.add(findPersonNames(text, this.keep).filter((n) => !/[_[\]]/.test(n)));
    if (!this.pattern) return text;
    return text.replace(this.pattern, (m) => placeholder(m));
  }

  private add(names: readonly string[]): void {
    let changed = false;
    for (const n of names) {
      if (this.known.some((k) => k.toLowerCase() === n.toLowerCase())) continue;
      this.known.push(n);
      changed = true;
    }
    if (!changed) return;
    this.known.sort((a, b) => b.length - a.length);
    const alternatives = this.known.map((n) => escapeRegExp(n).replace(/\\? /g, '\\s+'));
    this.pattern = new RegExp(`(?<![\\w[])(?:${alternatives.join('|')})(?![\\w\\]])`, 'gi');
  }
}
