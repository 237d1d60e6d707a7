/**
 * PII redaction before every model call, and restoration afterwards. One `Redactor` per request: the same
 * value always gets the same placeholder (`[EMAIL_1]`, `[PHONE_2]`, …) across turns, question and memory,
 * so the prompt stays coherent and the cache key is independent of whose data it was. People's names
 * (`[NAME_1]`) too: the contact's and the agent's, known from the session, and any detected in the text
 * (person-names.ts). Prices ("$450,000"),
 * counts ("3 bedrooms") and years are left alone.
 */
import { PersonNames } from './person-names';

export type PiiKind = 'EMAIL' | 'PHONE' | 'SSN' | 'CARD' | 'ADDRESS' | 'NAME';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

const SSN =
  /(?<![\d-])(?:\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})(?![\d-])|(?<=\b(?:ssn|social security(?: number)?|social)\s*(?:is|#|:|no\.?)?\s*)\d{9}\b/gi;

/** 13–19 digits, optionally grouped by single spaces or dashes; Luhn-checked before redaction. */
const CARD_CANDIDATE = /(?<![\d$.,])\d(?:[ -]?\d){12,18}(?!\d|[.,]\d)/g;

/** US numbers: optional +1/1, area code (2–9 first) with or without parentheses, dot/dash/space separators. */
const PHONE =
  /(?<![\w$.,])(?:\+?1[\s.-]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[\s.-]?)\d{3}[\s.-]?\d{4}(?!\d|[.,]\d)(?:\s*(?:x|ext\.?)\s*\d{1,5})?/g;

const FULL_SUFFIXES =
  'street|avenue|road|boulevard|lane|drive|court|place|way|terrace|circle|parkway|highway|trail|square|loop|alley|crescent|row|pike|run|path';
const ABBREVIATED_SUFFIXES = 'st|ave|av|rd|blvd|ln|dr|ct|pl|ter|cir|pkwy|hwy|trl|sq|cres';
/** A period after the suffix is left in the text ("Main St." → "[ADDRESS_1]."): restoring stays lossless. */
const SUFFIX = `(?:${FULL_SUFFIXES}|${ABBREVIATED_SUFFIXES})`;

/** Words that never belong to a street name; they keep "3 bedrooms and we drive" from looking like one. */
const NOT_STREET_WORDS = new Set(
  (
    'a an the and or but to in on at of for from with by near we i you he she they it my our your their ' +
    'is are was were be have has had do does would will can could should that this bedroom bedrooms bed ' +
    'beds bath baths bathroom bathrooms br ba kid kids child children year years month months week weeks ' +
    'day days hour hours minute minutes mile miles block blocks car cars garage people percent times sq ' +
    'sqft square feet ft acre acres story stories units homes'
  ).split(' '),
);

const ADDRESS = new RegExp(
  String.raw`(?<![\w$.,])\d{1,6}[A-Za-z]?` +
    String.raw`\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?` +
    String.raw`((?:[A-Za-z0-9][A-Za-z0-9'.-]*\s+){1,3}?)` +
    SUFFIX +
    String.raw`(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?` +
    String.raw`(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s*#?\s*[A-Za-z0-9-]+)?` +
    String.raw`(?![A-Za-z])`,
  'gi',
);

const PO_BOX = /\bP\.?\s?O\.?\s+Box\s+\d+\b/gi;

const PLACEHOLDER = /\[(EMAIL|PHONE|SSN|CARD|ADDRESS|NAME)_(\d{1,4})\]/g;

export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function normalizeValue(kind: PiiKind, raw: string): string {
  switch (kind) {
    case 'EMAIL':
      return raw.toLowerCase();
    case 'ADDRESS':
      return raw.toLowerCase().replace(/[.,#]/g, '').replace(/\s+/g, ' ').trim();
    case 'NAME':
      return raw.toLowerCase().replace(/\s+/g, ' ').trim();
    case 'PHONE': {
      const digits = raw.replace(/(?:x|ext\.?)\s*\d+$/i, '').replace(/\D/g, '');
      return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    }
    default:
      return raw.replace(/\D/g, '');
  }
}

function isStreetName(match: RegExpExecArray): boolean {
  const name = match[1] ?? '';
  return !name
    .trim()
    .split(/\s+/)
    .some((w) => NOT_STREET_WORDS.has(w.toLowerCase()));
}

/**
 * Like `String.replace` with a global regex, but a rejected match only skips one character, so a real
 * match that starts inside a rejected one ("3 kids 12 Oak Street") is still found.
 */
function replaceAccepted(
  text: string,
  pattern: RegExp,
  accept: (m: RegExpExecArray) => boolean,
  replacement: (matched: string) => string,
): string {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  let out = '';
  let copied = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    if (accept(m)) {
      out += text.slice(copied, m.index) + replacement(m[0]);
      copied = m.index + m[0].length;
    } else {
      re.lastIndex = m.index + 1;
    }
  }
  return out + text.slice(copied);
}

export interface RedactorOptions {
  /** Names known to be people's: the contact's and the agent's (their first and last names too). */
  knownNames?: readonly string[];
  /** Lowercase phrases that are never names (the places the conversation is about). */
  keep?: Iterable<string>;
  /** Detect person names in the text too (person-names.ts). Default true. */
  detectNames?: boolean;
}

export class Redactor {
  private readonly byValue = new Map<string, string>();
  private readonly originals = new Map<string, string>();
  private readonly counters: Record<PiiKind, number> = {
    EMAIL: 0,
    PHONE: 0,
    SSN: 0,
    CARD: 0,
    ADDRESS: 0,
    NAME: 0,
  };
  private readonly names: PersonNames;

  constructor(opts: RedactorOptions = {}) {
    this.names = new PersonNames(opts);
  }

  /** Replaces PII in `text` with placeholders (order matters: the most specific patterns go first). */
  redact(text: string): string {
    let out = replaceAccepted(
      text,
      EMAIL,
      () => true,
      (m) => this.placeholder('EMAIL', m),
    );
    out = replaceAccepted(
      out,
      SSN,
      () => true,
      (m) => this.placeholder('SSN', m),
    );
    out = replaceAccepted(
      out,
      CARD_CANDIDATE,
      (m) => luhnValid(m[0].replace(/\D/g, '')),
      (m) => this.placeholder('CARD', m),
    );
    out = replaceAccepted(
      out,
      PHONE,
      () => true,
      (m) => this.placeholder('PHONE', m),
    );
    out = replaceAccepted(
      out,
      PO_BOX,
      () => true,
      (m) => this.placeholder('ADDRESS', m),
    );
    out = replaceAccepted(out, ADDRESS, isStreetName, (m) => this.placeholder('ADDRESS', m));
    return this.names.redact(out, (m) => this.placeholder('NAME', m));
  }

  /** Puts the original values back; unknown placeholders (the model invented one) stay as they are. */
  restore(text: string): string {
    return text.replace(PLACEHOLDER, (m) => this.originals.get(m) ?? m);
  }

  /** How many distinct values were redacted, by kind. */
  counts(): Readonly<Record<PiiKind, number>> {
    return { ...this.counters };
  }

  get size(): number {
    return this.originals.size;
  }

  /** A restorer for streamed text: holds back a placeholder split across chunks until it is complete. */
  streamRestorer(): StreamRestorer {
    return new StreamRestorer((t) => this.restore(t));
  }

  private placeholder(kind: PiiKind, raw: string): string {
    const norm = `${kind}:${normalizeValue(kind, raw)}`;
    const existing = this.byValue.get(norm);
    if (existing) return existing;
    this.counters[kind] += 1;
    const ph = `[${kind}_${this.counters[kind]}]`;
    this.byValue.set(norm, ph);
    this.originals.set(ph, raw);
    return ph;
  }
}

/** A possibly incomplete placeholder at the end of a chunk: `[`, `[PHO`, `[PHONE_1`. */
const PARTIAL_TAIL = /\[[A-Z]{0,7}(?:_\d{0,4})?$/;

export class StreamRestorer {
  private pending = '';

  constructor(private readonly restoreFn: (text: string) => string) {}

  push(chunk: string): string {
    const text = this.pending + chunk;
    const tail = PARTIAL_TAIL.exec(text);
    if (tail) {
      this.pending = text.slice(tail.index);
      return this.restoreFn(text.slice(0, tail.index));
    }
    this.pending = '';
    return this.restoreFn(text);
  }

  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return this.restoreFn(rest);
  }
}
