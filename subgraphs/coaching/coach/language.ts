/**
 * Spanish and mixed Spanish/English turns for the offline coach, without a model download:
 * - `detectLanguage` tells English, Spanish and mixed turns apart by the share of Spanish function words;
 * - `glossSpanish` renders a rough English reading (constructions from spanish-phrases.ts, then words from
 *   spanish-lexicon.ts, numbers from spanish-numbers.ts); place names and English words pass unchanged;
 * - `toCueText` appends that gloss so the English category, objection and Fair Housing rules fire on
 *   Spanish cue phrases ("muy caro", "solo estamos viendo"), and `toSlotText` replaces the text with it so
 *   the English slot patterns read "tres recámaras en Kissimmee por 300 mil". English text is returned as is.
 */
import {
  ACCENTED,
  AMBIGUOUS,
  ENGLISH_MARKERS,
  SLOT_AMBIGUOUS,
  SPANISH_MARKERS,
  SPANISH_WORDS,
} from './spanish-lexicon';
import { SLOT_ONLY_PHRASES, SPANISH_PHRASES, negatedGloss } from './spanish-phrases';
import { fold, normalizeSpanishNumbers } from './spanish-numbers';
import { verbGloss } from './spanish-verbs';
import { restoreDroppedG } from './texting';

export type Language = 'en' | 'es' | 'mixed';

/**
 * Which reading a text is prepared for. The slot reading also knows lowercase place names opened by a Spanish
 * article ("in el paso") and a few slot-only constructions; the cue reading stays as the classifier was trained.
 */
export interface ReadingOptions {
  slots?: boolean;
}

const ambiguous = (folded: string, slots: boolean): boolean =>
  AMBIGUOUS.has(folded) || (slots && SLOT_AMBIGUOUS.has(folded));

interface Token {
  start: number;
  end: number;
  word: string;
  folded: string;
}

const TOKEN = /\p{L}+(?:['’]\p{L}+)*/gu;
const CAPITAL = /^\p{Lu}/u;

function tokensOf(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    word: m[0],
    folded: fold(m[0]),
  }));
}

/**
 * A Spanish article right after an English preposition opens a place name even in lowercase ("in el paso",
 * "near las cruces", "to la jolla"): English does not put "el"/"las" before a noun of its own.
 */
function articlePlace(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  return (
    t !== undefined &&
    prev !== undefined &&
    /^(?:el|la|las|los)$/i.test(t.word) &&
    /^(?:in|near|around|to|from|outside|by|at)$/i.test(prev.word)
  );
}

/** True for a capitalized word next to another capitalized word: a name ("Los Angeles", "San Antonio"). */
function inName(tokens: Token[], i: number, text: string, slots = false): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (slots && (articlePlace(tokens, i) || articlePlace(tokens, i - 1))) return true;
  if (!CAPITAL.test(t.word)) return false;
  const adjacent = (a: Token | undefined, b: Token | undefined): boolean =>
    a !== undefined && b !== undefined && /^[ \t]+$/.test(text.slice(a.end, b.start));
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return (
    (adjacent(t, next) && CAPITAL.test(next?.word ?? '')) ||
    (adjacent(prev, t) && CAPITAL.test(prev?.word ?? ''))
  );
}

/** English, Spanish or mixed, from the share of Spanish function words among the marker words. */
export function detectLanguage(text: string, options: ReadingOptions = {}): Language {
  const slots = options.slots === true;
  const tokens = tokensOf(text);
  let es = 0;
  let en = 0;
  tokens.forEach((t, i) => {
    if (inName(tokens, i, text, slots)) return;
    const lower = t.word.toLowerCase();
    if (ENGLISH_MARKERS.has(lower)) en++;
    else if (SPANISH_MARKERS.has(t.folded) || /[ñáéíóú]/i.test(t.word)) es++;
    else if (t.folded in SPANISH_WORDS && !ambiguous(t.folded, slots)) es++;
  });
  if (/[¿¡]/.test(text)) es++;
  if (es === 0 || (es === 1 && en >= 8)) return 'en';
  const share = es / (es + en);
  return share >= 0.75 ? 'es' : 'mixed';
}

/** Folds accents and case without changing the length, so indexes match the original text. */
function foldSameLength(text: string): string {
  return text
    .replace(/[^\p{ASCII}]/gu, (ch) => {
      const f = fold(ch);
      return f.length === ch.length ? f : ch;
    })
    .toLowerCase();
}

interface Span {
  start: number;
  end: number;
  gloss: string;
}

/** Constructions found in the text: the longest wins where two overlap (then the one listed first). */
function phraseSpans(folded: string, slots: boolean): Span[] {
  const found: (Span & { rank: number })[] = [];
  (slots ? [...SPANISH_PHRASES, ...SLOT_ONLY_PHRASES] : SPANISH_PHRASES).forEach(([re, gloss], rank) => {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) {
      if (m[0].length === 0) continue;
      const g = gloss === '@negated' ? negatedGloss(m[0]) : gloss;
      found.push({ start: m.index, end: m.index + m[0].length, gloss: g, rank });
    }
  });
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank);
  const spans: Span[] = [];
  for (const f of found) {
    if (spans.every((x) => f.end <= x.start || f.start >= x.end)) spans.push(f);
  }
  return spans.sort((a, b) => a.start - b.start);
}

const MODAL_BEFORE = /\b(?:can|could|would|should|will|must|to|let's|don't|can't|won't|didn't)\s*$/i;

function spanishOnly(t: Token | undefined, covered: boolean, slots: boolean): boolean {
  if (!t) return false;
  return (
    covered || /[^\p{ASCII}]/u.test(t.word) || (t.folded in SPANISH_WORDS && !ambiguous(t.folded, slots))
  );
}

interface GlossContext {
  text: string;
  tokens: Token[];
  /** Tokens inside a Spanish construction or already glossed: Spanish context for their neighbours. */
  covered: Set<number>;
  /** The whole text reads as Spanish: words shared with English are read as Spanish too. */
  spanish: boolean;
  /** The slot reading (see ReadingOptions). */
  slots: boolean;
}

/** English gloss of one word in context; undefined keeps the word. */
function wordGloss(ctx: GlossContext, i: number, out: string): string | undefined {
  const { text, tokens, covered } = ctx;
  const t = tokens[i];
  if (!t || inName(tokens, i, text, ctx.slots)) return undefined;
  const lower = t.word.toLowerCase();
  const listed = ACCENTED[lower] ?? SPANISH_WORDS[t.folded];
  // A word not in the lexicon may be a form of a known verb ("llevo", "dejó", "venderlos"): read only in Spanish
  // context, since a few forms are also English words ("listen", "pinta").
  const derived = listed === undefined ? verbGloss(t.word, t.folded) : undefined;
  const gloss = listed ?? derived;
  if (gloss === undefined) return undefined;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const sentenceStart = !prev || /[.!?¡¿\n]/.test(text.slice(prev.end, t.start));
  if ((ambiguous(t.folded, ctx.slots) || derived !== undefined) && !(lower in ACCENTED) && !ctx.spanish) {
    const spanishBefore = !sentenceStart && spanishOnly(prev, covered.has(i - 1), ctx.slots);
    const spanishAfter = sentenceStart && spanishOnly(next, covered.has(i + 1), ctx.slots);
    if (!spanishBefore && !spanishAfter) return undefined;
  }
  if (t.folded === 'por' && next && CAPITAL.test(next.word)) return 'around';
  if (ctx.slots && next && unknownWord(next)) {
    // "por pico rivera", "en los ranchos", "en north las vegas": a word Spanish does not know after a place
    // preposition is a name; "por" there is "around", and an article belongs to the name ("Los Ranchos").
    if (t.folded === 'por') return 'around';
    if (ARTICLE.test(t.folded) && prev && PLACE_LEAD.test(prev.folded) && nameEnds(ctx, i + 1))
      return undefined;
  }
  const nextGloss = next ? SPANISH_WORDS[next.folded] : undefined;
  if (t.folded === 'para' && nextGloss?.startsWith('~')) return '';
  if (gloss.startsWith('~')) return MODAL_BEFORE.test(out) ? gloss.slice(1) : `to ${gloss.slice(1)}`;
  return gloss;
}

const ARTICLE = /^(?:el|la|los|las)$/;
/** Words after which an article and an unknown word are a place name: en/por/de, a list's o/y, a direction. */
const PLACE_LEAD = /^(?:en|por|de|o|y|north|south|east|west|norte|sur)$/;

/** Words that may follow a place name in a list or a spec ("en los ranchos o corrales, 340 max"). */
const AFTER_NAME = /^(?:o|y|u|e|or|and|con|para|cerca|pero|porque|hasta|max|tope|area|zona)$/;

/**
 * The unknown word at j ends a name ("los ranchos", "las vegas"): punctuation, the text's end or a list word follows.
 * "en el independent living y …" runs on into English, so its article is Spanish, not part of a name.
 */
function nameEnds(ctx: GlossContext, j: number): boolean {
  const t = ctx.tokens[j];
  const next = ctx.tokens[j + 1];
  if (!t) return false;
  return !next || /[,.;:!?()\n]/.test(ctx.text.slice(t.end, next.start)) || AFTER_NAME.test(next.folded);
}

/** A lowercase or capitalized word the Spanish lexicon and its verb forms do not know (a name, an English word). */
function unknownWord(t: Token): boolean {
  return (
    /^\p{L}+$/u.test(t.word) &&
    !(t.folded in SPANISH_WORDS) &&
    !(t.word.toLowerCase() in ACCENTED) &&
    verbGloss(t.word, t.folded) === undefined
  );
}

/** "de Houston a San Antonio" → "from Houston to San Antonio" (places keep their case). */
function fromTo(text: string): string {
  return text.replace(
    /\b(?:[Dd]e|[Dd]esde)\s+((?:\p{Lu}[\p{L}.'-]*)(?:\s+\p{Lu}[\p{L}.'-]*){0,3})\s+(?:a|hasta|para)\s+(?=\p{Lu})/gu,
    'from $1 to ',
  );
}

/** A rough English reading of a Spanish or mixed text (English words and place names unchanged). */
export function glossSpanish(raw: string, options: ReadingOptions = {}): string {
  const slots = options.slots === true;
  const text = fromTo(normalizeSpanishNumbers(raw.normalize('NFC')));
  const spans = phraseSpans(foldSameLength(text), slots);
  const tokens = tokensOf(text);
  const covered = new Set<number>();
  tokens.forEach((t, i) => {
    if (spans.some((s) => t.start >= s.start && t.end <= s.end)) covered.add(i);
  });
  const ctx: GlossContext = { text, tokens, covered, spanish: detectLanguage(raw, options) === 'es', slots };
  let out = '';
  let pos = 0;
  let ti = 0;
  for (const span of [...spans, { start: text.length, end: text.length, gloss: '' }]) {
    while (ti < tokens.length && (tokens[ti]?.start ?? 0) < span.start) {
      const t = tokens[ti] as Token;
      out += text.slice(pos, t.start);
      const gloss = wordGloss(ctx, ti, out);
      if (gloss !== undefined) covered.add(ti); // a glossed word is Spanish context for the next one
      out += gloss ?? t.word;
      pos = t.end;
      ti++;
    }
    out += text.slice(pos, span.start) + span.gloss;
    pos = span.end;
    while (ti < tokens.length && (tokens[ti]?.start ?? 0) < span.end) ti++;
  }
  return out
    .replace(/[¿¡]/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.!?])/g, '$1');
}

/**
 * The text the English cue rules read: Spanish and mixed turns get the English gloss of their Spanish
 * sentences appended on a new line; English text is returned unchanged.
 */
export function toCueText(texted: string): string {
  const text = restoreDroppedG(texted);
  if (detectLanguage(text) === 'en') return text;
  const glosses = text
    .split(/(?<=[.!?\n])\s+/)
    .map((sentence) => [sentence, glossSpanish(sentence)] as const)
    .filter(([sentence, gloss]) => gloss.trim() !== sentence.trim())
    .map(([, gloss]) => gloss.trim());
  return glosses.length === 0 ? text : `${text}\n${glosses.join(' ')}`;
}

/**
 * The text the statistical classifier reads (features.ts): the English reading alone, sentence by sentence. With
 * the Spanish original kept beside it (as in toCueText), Spanish words become evidence of the language rather than
 * of the intent, and a Spanish turn's twice-as-many features make the model overconfident.
 */
export function toModelText(text: string): string {
  if (detectLanguage(text) === 'en') return text;
  return text
    .split(/(?<=[.!?\n])\s+/)
    .map((sentence) => glossSpanish(sentence).trim())
    .join(' ');
}

/** The text the slot patterns read: the English gloss in place of a Spanish or mixed text. */
export function toSlotText(texted: string): string {
  const text = restoreDroppedG(texted);
  const slots = { slots: true };
  return detectLanguage(text, slots) === 'en' ? text : glossSpanish(text, slots);
}
