/**
 * Fair Housing guardrail. A generated hint that steers by a protected class (race, color, religion,
 * national origin, sex, familial status, disability) — describing who lives somewhere, where a client would
 * "fit in", what area to avoid because of who lives there — is replaced by a COMPLIANCE_WARNING hint that
 * explains why. Patterns look for a protected-class term IN a steering context, so "they have two kids, share
 * the school ratings" passes while "this neighborhood is mostly young families" does not.
 * COMPLIANCE_WARNING hints are exempt: explaining the rule has to name it.
 */
import { HintCategory } from '../../../core/vocabulary';
import type { GeneratedHint } from './types';

export type ProtectedClass =
  | 'race or color'
  | 'religion'
  | 'national origin'
  | 'sex'
  | 'familial status'
  | 'disability'
  /** Steering language whose class the rules cannot name ("people like you"). */
  | 'a protected characteristic';

/** Plural people-nouns that denote a protected class on their own. */
const NOUNS: Record<Exclude<ProtectedClass, 'a protected characteristic'>, string> = {
  'race or color': String.raw`whites|blacks|hispanics|latinos|latinas|latinx|asians|african[- ]americans|caucasians|minorities|people of colou?r|(?:white|black|brown|asian|hispanic|latino) (?:people|folks|families|residents|neighbors|households)`,
  religion: String.raw`christians|catholics|protestants|evangelicals|jews|muslims|hindus|sikhs|buddhists|mormons|atheists|(?:christian|catholic|jewish|muslim|hindu|mormon|religious) (?:people|folks|families|residents|neighbors|households)`,
  'national origin': String.raw`immigrants|foreigners|refugees|migrants|foreign[- ]born|non[- ]english speakers|(?:mexican|chinese|indian|arab|african|middle[- ]eastern|russian|korean|vietnamese|filipino|somali|haitian|cuban|puerto rican|foreign|immigrant) (?:people|folks|families|residents|neighbors|households)`,
  sex: String.raw`single (?:women|men|ladies|guys|females|males)|bachelors|(?:women|men|females|males)(?= only)|gays|lesbians`,
  'familial status': String.raw`(?:young |growing |big |large )?families|kids|children|toddlers|babies|teenagers|teens|single (?:moms|mothers|dads|fathers|parents)|empty[- ]nesters|young (?:couples|professionals|people)|retirees|seniors|elderly|old people|newlyweds`,
  disability: String.raw`(?:the )?disabled|handicapped|wheelchair users|(?:disabled|handicapped|mentally ill|special[- ]needs) (?:people|folks|residents|neighbors)|group homes?`,
};

/** Adjectives that characterize a place by a protected class ("a Christian neighborhood"). */
const PLACE_ADJECTIVES: Record<Exclude<ProtectedClass, 'a protected characteristic'>, string> = {
  'race or color': String.raw`white|black|hispanic|latino|asian|african[- ]american|caucasian|minority|ethnic|diverse|integrated|exclusive`,
  religion: String.raw`christian|catholic|jewish|muslim|hindu|mormon|religious|church[- ]going`,
  'national origin': String.raw`immigrant|foreign|mexican|chinese|indian|korean|vietnamese|arab|english[- ]speaking|spanish[- ]speaking`,
  sex: String.raw`bachelor|male|female|gay`,
  'familial status': String.raw`family|family[- ]friendly|kid[- ]friendly|child[- ]friendly|family[- ]oriented|adult|adults[- ]only|singles|retirement`,
  disability: String.raw`disabled|handicapped`,
};

const PLACE = String.raw`neighbou?rhoods?|areas?|communit(?:y|ies)|part of town|side of town|blocks?|streets?|buildings?|complex|enclaves?|towns?|suburbs?|districts?|zip codes?|crowd|population`;

/** No bare "many"/"all": "ask how many kids they have" is a fine question. */
const QUANTIFIER = String.raw`mostly|mainly|predominantly|primarily|largely|overwhelmingly|almost all|full of|filled with|lots of|a lot of|plenty of|tons of|too many|not many|hardly any|a bunch of|crawling with|overrun (?:with|by)`;

const FIT = String.raw`fit (?:right )?in|feel (?:more )?(?:at home|comfortable|welcome)|blend in|belong|be happier|be more comfortable`;

const AVOID = String.raw`avoid|stay away from|steer clear of|skip|wouldn't (?:live|buy|look)|don'?t (?:live|buy|look)|not (?:safe|a good fit|right) for`;

export interface Rule {
  cls: ProtectedClass;
  re: RegExp;
}

function rulesFor(cls: ProtectedClass, nouns: string, adjectives: string): Rule[] {
  const noun = `(?:${nouns})`;
  // "single-family neighborhood" and "multi-family building" describe housing, not people.
  const adj = String.raw`(?<!(?:single|multi|two|one)[- ])(?:${adjectives})`;
  const gap = String.raw`[^.!?;]{0,60}?`;
  const sources = [
    // "mostly young families", "lots of immigrants"
    String.raw`\b(?:${QUANTIFIER})\s+(?:[\w-]+\s+){0,2}?${noun}\b`,
    // "a Christian neighborhood", "family-friendly area"
    String.raw`\b${adj}\s+(?:${PLACE})\b`,
    // "the area is very diverse", "that community is family-oriented"
    String.raw`\b(?:${PLACE})\s+(?:is|are|feels?|seems?|tends? to be|has always been)\s+(?:very |really |pretty |quite |mostly |mainly |predominantly |so )?${adj}\b`,
    // "you'd feel more at home around other Muslims"
    String.raw`\b(?:${FIT})\b${gap}\b(?:with|among|around|near|next to)\b${gap}\b${noun}\b`,
    // "avoid that area, lots of immigrants" — avoidance of a place, then the class
    String.raw`\b(?:${AVOID})\b${gap}\b(?:${PLACE}|there)\b${gap}\b${noun}\b`,
    // "great for families", "perfect for young professionals"
    String.raw`\b(?:good|great|perfect|ideal|better|best|nice|not good|bad)\s+(?:for|with)\s+${noun}\b`,
  ];
  return sources.map((source) => ({ cls, re: new RegExp(source, 'i') }));
}

const CLASSES = Object.keys(NOUNS) as Exclude<ProtectedClass, 'a protected characteristic'>[];

/** Specific phrasings first, so the verdict names the right class. */
const GENERIC_RULES: Rule[] = [
  {
    cls: 'religion',
    re: /\b(?:people|folks|neighbors|families|others) (?:of|who share|sharing|with) (?:your|their|the same|similar) (?:faith|religion|beliefs|church)\b/i,
  },
  {
    cls: 'race or color',
    re: /\b(?:people|folks|neighbors|families|others) (?:of|who share|sharing|with) (?:your|their|the same|similar) (?:race|ethnicity|colou?r|skin)\b/i,
  },
  {
    cls: 'national origin',
    re: /\b(?:people|folks|neighbors|families|others) (?:from|of) (?:your|their|the same) (?:country|homeland|nationality|culture|part of the world)\b/i,
  },
  {
    cls: 'a protected characteristic',
    re: /\b(?:people|folks|neighbors|families|others) (?:like (?:you|them|us|yourself)|of (?:your|their) (?:kind|background))\b/i,
  },
  {
    cls: 'a protected characteristic',
    re: new RegExp(
      String.raw`\b(?:${FIT})\b[^.!?;]{0,60}?\b(?:with|among|around)\s+(?:people|folks|neighbors|families) (?:like|who (?:look|pray|talk))\b`,
      'i',
    ),
  },
];

const RULES: Rule[] = [
  ...GENERIC_RULES,
  ...CLASSES.flatMap((c) => rulesFor(c, NOUNS[c], PLACE_ADJECTIVES[c])),
];

/** The rules, read-only, for the test that holds them to the clause-boundary contract below. */
export const STEERING_RULES: readonly Readonly<Rule>[] = RULES;

/*
 * The contract streamed text relies on (guarded-text.ts releases a hint's text clause by clause): a match can
 * only span a boundary the rules allow. Every rule is built of words, spaces, hyphens and apostrophes, plus
 * `[^.!?;]` gaps in the rules that begin with a FIT or AVOID lead-in. So:
 * - no match ever spans a SENTENCE_END (. ! ? ;): text up to one, once clean, stays clean whatever follows;
 * - a match spans a CLAUSE_END (, : – —) only through a gap, so only when a lead-in precedes it in the same
 *   sentence (`mayContinueAcrossClauses`). Rules added here must keep to this (the guarded-text test checks
 *   every rule's source).
 */
export const SENTENCE_END = /[.!?;]/;
export const CLAUSE_END = /[,:\u2013\u2014]/;
export const LEAD_IN = new RegExp(String.raw`\b(?:${FIT}|${AVOID})\b`, 'i');

function normalize(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
}

/** Whether a rule could still match from inside `sentence` (text since the last SENTENCE_END) into later text. */
export function mayContinueAcrossClauses(sentence: string): boolean {
  return LEAD_IN.test(normalize(sentence));
}

export interface GuardrailVerdict {
  blocked: boolean;
  protectedClass?: ProtectedClass;
  /** The words that triggered the rule: the violation itself. Never log, publish or store them. */
  matched?: string;
}

/** Newlines are whitespace here: "mostly\nwhite families" is still steering. */
export function checkSteering(text: string): GuardrailVerdict {
  const normalized = normalize(text);
  for (const rule of RULES) {
    const m = rule.re.exec(normalized);
    if (m) return { blocked: true, protectedClass: rule.cls, matched: m[0] };
  }
  return { blocked: false };
}

export function complianceWarning(cls: ProtectedClass): GeneratedHint {
  return {
    category: HintCategory.COMPLIANCE_WARNING,
    text:
      `Fair Housing: a suggestion was withheld because it steered by ${cls}. Don't describe who lives in an ` +
      `area or where a client would "fit in". Share objective facts (listings, price, commute, public school ` +
      `data) and let the client choose the neighborhood.`,
    rationale:
      `Steering buyers or renters by ${cls} is illegal under the Fair Housing Act (42 U.S.C. 3604), ` +
      'even when the client asks.',
    confidence: 1,
  };
}

/** The hint itself, or its compliance replacement. */
export function applyGuardrail(hint: GeneratedHint): { hint: GeneratedHint; verdict: GuardrailVerdict } {
  if (hint.category === HintCategory.COMPLIANCE_WARNING) return { hint, verdict: { blocked: false } };
  // The same judgement as the streamed text's (whitespace, newlines included, is one space), plus the rationale.
  const verdict = checkSteering(`${hint.text}. ${hint.rationale}`);
  return verdict.blocked && verdict.protectedClass
    ? { hint: complianceWarning(verdict.protectedClass), verdict }
    : { hint, verdict };
}

/** Guards every hint; `triggered` when at least one was replaced, `withheld` the classes (safe to log). */
export function guardHints(hints: readonly GeneratedHint[]): {
  hints: GeneratedHint[];
  triggered: boolean;
  withheld: ProtectedClass[];
} {
  const withheld: ProtectedClass[] = [];
  const out = hints.map((h) => {
    const { hint, verdict } = applyGuardrail(h);
    if (verdict.blocked) withheld.push(verdict.protectedClass ?? 'a protected characteristic');
    return hint;
  });
  return { hints: out, triggered: withheld.length > 0, withheld };
}
