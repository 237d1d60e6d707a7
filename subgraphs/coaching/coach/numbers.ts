/**
 * Number parsing for the offline coach: spelled-out numbers ("four hundred thousand", "three bedrooms",
 * "four fifty"), money tokens ("340k", "$1.2m", "1.2 million", "$450,000", "650") and durations
 * ("6 weeks" → 2 months, rounded up). Pure functions, no I/O.
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, grand: 1000, million: 1_000_000 };

function wordValue(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w in UNITS) return UNITS[w];
  if (w in TENS) return TENS[w];
  const hyphen = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (hyphen) {
    const tens = TENS[hyphen[1] ?? ''];
    const unit = UNITS[hyphen[2] ?? ''];
    if (tens !== undefined && unit !== undefined && unit > 0 && unit < 10) return tens + unit;
  }
  return undefined;
}

function isNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return wordValue(w) !== undefined || w in SCALES;
}

/** Value of a run of number words, e.g. ["three","hundred","fifty","thousand"] → 350000; null if not a number. */
export function parseNumberWords(words: string[]): number | null {
  const ws = words.map((w) => w.toLowerCase()).filter((w) => w !== 'and');
  if (ws.length === 0) return null;
  const hasScale = ws.some((w) => w in SCALES && w !== 'grand');
  // Colloquial prices without a scale word: "four fifty" → 450, "three twenty five" → 325.
  if (!hasScale && ws.length >= 2) {
    const first = wordValue(ws[0] ?? '');
    const rest = parseNumberWords(ws.slice(1));
    if (first !== undefined && first >= 1 && first <= 9 && rest !== null && rest >= 10 && rest <= 99) {
      const second = wordValue(ws[1] ?? '');
      if (second !== undefined && second >= 10) return first * 100 + rest;
    }
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of ws) {
    const v = wordValue(w);
    if (v !== undefined) {
      current += v;
      seen = true;
      continue;
    }
    const scale = SCALES[w];
    if (scale === undefined) return null;
    if (!seen) current = 1; // "a hundred", "a million" (the article was dropped by the caller)
    seen = true;
    if (scale === 100) current *= 100;
    else {
      total += current * scale;
      current = 0;
    }
  }
  return seen ? total + current : null;
}

/** Words after a number that count something, so a capitalized pair ("Three Bedrooms") is still a number. */
const COUNTED =
  /^(?:beds?|bedrooms?|baths?|bathrooms?|br|bd|acres?|units?|days?|weeks?|months?|years?|kids?|hundred|thousand|million|grand|k|car|story|stories)$/i;

/** "Nine Mile Falls", "Three Rivers", "Seven Hills": a capitalized number word opening a capitalized name. */
function inPlaceName(word: string, next: string): boolean {
  return (
    /^[A-Z][a-z]+$/.test(word) && /^[A-Z][a-z]+$/.test(next) && !isNumberWord(next) && !COUNTED.test(next)
  );
}

/**
 * Rewrites spelled-out numbers as digits so the slot patterns only deal with digits:
 * "three bedrooms" → "3 bedrooms", "four hundred thousand" → "400000", "half a million" → "500000",
 * "a million and a half" → "1500000", "one point two million" → "1.2 million".
 */
export function normalizeNumberWords(text: string): string {
  let out = text
    .replace(/\b([a-z]+)-([a-z]+)\b/gi, (m, a: string, b: string) =>
      wordValue(a) !== undefined && wordValue(m) === undefined ? `${a} ${b}` : m,
    )
    .replace(/\bhalf\s+(?:a|one)\s+(?:million|mil)\b/gi, '500000')
    .replace(/\b(?:a|one)\s+(?:million|mil)\s+and\s+a\s+half\b/gi, '1500000')
    .replace(/\b(\d+)\s+and\s+a\s+half\s+(million|mil)\b/gi, (_m, n: string, s: string) => `${n}.5 ${s}`)
    // "5 forty", "3 twenty five": hundreds said as a digit and the tens ("five-forty" in thousands), not a time.
    .replace(
      /\b([1-9])\s+(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](one|two|three|four|five|six|seven|eight|nine))?\b(?!\s*(?:am|pm|a\.m|p\.m|today|tonight|tomorrow|tmrw)\b)/gi,
      (_m, h: string, t: string, u: string | undefined) =>
        String(Number(h) * 100 + (wordValue(t) ?? 0) + (u !== undefined ? (wordValue(u) ?? 0) : 0)),
    );
  out = out.replace(
    /\b([a-z]+(?:-[a-z]+)?)\s+point\s+([a-z]+)\s+(million|mil|m)\b/gi,
    (m, a: string, b: string, s: string) => {
      const x = wordValue(a);
      const y = wordValue(b);
      return x !== undefined && y !== undefined && y < 10 ? `${x}.${y} ${s}` : m;
    },
  );
  // Runs of number words, optionally preceded by "a" ("a hundred", "a million") and joined by "and".
  const run = /\b[a-z]+(?:-[a-z]+)?(?:[ \t]+[a-z]+(?:-[a-z]+)?)*/gi;
  out = out.replace(run, (match: string, offset: number, whole: string) => {
    const words = match.split(/[ \t]+/);
    // "2 million", "450 thousand": the scale belongs to the digits before it.
    const afterDigits = /\d\s*$/.test(whole.slice(0, offset));
    // Split the match into the longest number-word prefix runs; keep other words intact.
    const result: string[] = [];
    let buf: string[] = [];
    const flush = (): void => {
      while (buf.length > 0 && buf[buf.length - 1]?.toLowerCase() === 'and') {
        const last = buf.pop();
        if (last !== undefined) result.push(last);
      }
      if (buf.length === 0) return;
      const lead = buf[0]?.toLowerCase();
      if (afterDigits && result.length === 0 && lead !== undefined && lead in SCALES) {
        result.push(...buf);
        buf = [];
        return;
      }
      const article = lead === 'a' || lead === 'an';
      const value = parseNumberWords(article ? buf.slice(1) : buf);
      if (value === null || (buf.length === 1 && buf[0]?.toLowerCase() === 'grand')) result.push(...buf);
      else result.push(String(value));
      buf = [];
    };
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? '';
      const lw = w.toLowerCase();
      const next = (words[i + 1] ?? '').toLowerCase();
      const startsArticle =
        (lw === 'a' || lw === 'an') && buf.length === 0 && /^(hundred|thousand|million)$/.test(next);
      if (
        !inPlaceName(w, words[i + 1] ?? '') &&
        (isNumberWord(w) || startsArticle || (lw === 'and' && buf.length > 0 && isNumberWord(next)))
      ) {
        buf.push(w);
      } else {
        flush();
        result.push(w);
      }
    }
    flush();
    return result.join(' ');
  });
  return out;
}

export interface MoneyMention {
  /** Value in whole dollars, using the context-free reading (bare "650" → 650000 candidate). */
  value: number;
  /** Index of the first character of the token in the text. */
  start: number;
  end: number;
  /** True when the token carried "$" or a scale ("k", "m", "million"). */
  explicit: boolean;
  /** True for a bare small number that only reads as money with a price cue ("650" → 650k). */
  needsCue: boolean;
}

const MONEY_TOKEN =
  /(\$\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s?(?:k|grand|thousand|mm|mil|mill|million|mln|m)\b)?/gi;

/** Words after a number that make it no amount; "min" is minutes only before a travel word ("385 min" is a floor). */
const NON_MONEY_AFTER =
  /^\s*(?:\+|%|-?\s*(?:percent|beds?|bedrooms?|bdrms?|bds?|brs?|baths?|bathrooms?|ba\b|sq|square|sf\b|acres?|days?|weeks?|months?|years?|yrs?|hours?|hrs?|mins?\b(?=\s*(?:drive|commute|walk|ride|away|from|to|by|each|flight|tops|or less)\b)|minutes?|am\b|pm\b|units?|kids?|children|dogs?|cats?|offers?|sales?|showings?|homes?|houses?|listings?|stor(?:y|ies)|car|garage|ft|feet|foot|miles?|mi\b|st\b|nd\b|rd\b|th\b|x\b|people|times?|percent|points?|of us|zip|zipcode|area code|\/\s*(?:mo|month|yr)|a month|per month|monthly))/i;

/** Finds money-like tokens. Callers decide from the context whether a token is a budget, a price, or neither. */
export function findMoneyMentions(text: string): MoneyMention[] {
  const mentions: MoneyMention[] = [];
  MONEY_TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONEY_TOKEN.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const prevChar = text[start - 1] ?? ' ';
    const nextChar = text[end] ?? ' ';
    if (
      /[\w.:/]/.test(prevChar) ||
      (/[\w:]/.test(nextChar) && !/^ish\b/i.test(text.slice(end))) ||
      (nextChar === '.' && /\d/.test(text[end + 1] ?? ''))
    ) {
      continue;
    }
    const dollar = m[1] !== undefined;
    const scaleRaw = (m[3] ?? '').trim().toLowerCase();
    const num = Number((m[2] ?? '').replace(/,/g, ''));
    if (!Number.isFinite(num)) continue;
    const after = text.slice(end);
    if (!scaleRaw && NON_MONEY_AFTER.test(after)) continue;
    let value: number;
    let needsCue = false;
    if (scaleRaw === 'k' || scaleRaw === 'grand' || scaleRaw === 'thousand') value = num * 1000;
    else if (scaleRaw !== '') value = num * 1_000_000;
    else if (num >= 10_000 && num < 100_000 && !dollar && !(m[2] ?? '').includes(','))
      continue; // a zip code
    else if (num >= 10_000) value = num;
    else if (num >= 100 && num < 1000 && Number.isInteger(num)) {
      value = num * 1000; // "hoping to get 650", "under 480"
      needsCue = true;
    } else if (num > 0 && num < 10 && !Number.isInteger(num)) {
      value = num * 1_000_000; // "list it at 1.2"
      needsCue = true;
    } else continue;
    if (dollar && !scaleRaw && num < 1000) needsCue = true;
    mentions.push({ value: Math.round(value), start, end, explicit: dollar || scaleRaw !== '', needsCue });
  }
  // Ranges ("400-450k", "400 to 450k"): the bare end inherits the scale of the scaled end.
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i];
    const b = mentions[i + 1];
    if (!a || !b) continue;
    const between = text.slice(a.end, b.start);
    if (/^\s*(?:-|–|to|and)\s*\$?\s*$/i.test(between) && !a.explicit && b.explicit && a.needsCue) {
      const ratio = b.value / (a.value / 1000);
      const scale = ratio >= 100_000 ? 1_000_000 : 1000;
      a.value = Math.round((a.value / 1000) * scale);
      a.explicit = true;
      a.needsCue = false;
    }
  }
  return mentions;
}

/** Days in an average month, used to round durations up to whole months. */
const DAYS_PER_MONTH = 30.44;

/** A duration in the given unit, rounded up to whole months (6 weeks → 2, 10 days → 1, 1.5 years → 18). */
export function durationToMonths(amount: number, unit: string): number {
  const u = unit.toLowerCase().replace(/s$/, '');
  if (u === 'year' || u === 'yr') return Math.ceil(amount * 12 - 1e-9);
  if (u === 'month' || u === 'mo') return Math.max(1, Math.ceil(amount - 1e-9));
  const days = u === 'week' || u === 'wk' ? amount * 7 : amount;
  return Math.max(1, Math.ceil(days / DAYS_PER_MONTH - 1e-9));
}

/** Small counts written as digits or words ("a", "a couple", "a few", "three"). */
export function parseCount(raw: string): number | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/\s+of$/, '');
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (s === 'a' || s === 'an' || s === 'one') return 1;
  if (/^(?:a\s+)?couple$/.test(s)) return 2;
  if (/^(?:a\s+)?few$/.test(s)) return 3;
  if (/^(?:a\s+)?half$/.test(s)) return 0.5;
  const v = parseNumberWords(s.split(/\s+/));
  return v;
}
