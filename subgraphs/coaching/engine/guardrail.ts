/**
 * Fair Housing guardrail. A generated hint that steers by a protected class (race, color, religion,
 * national origin, sex, familial status, disability) — describing who lives somewhere, where a client would
 * "fit in", what area to avoid because of who lives there — is replaced by a COMPLIANCE_WARNING hint that
 * explains why. The judgement is the one Fair Housing detector's (coach/fair-housing.ts), so the model's
 * output is held to the same rules as a lead's request and an agent's message: "they have two kids, share the
 * school ratings" passes while "this neighborhood is mostly young families" does not.
 * COMPLIANCE_WARNING hints are exempt: explaining the rule has to name it.
 */
import { HintCategory } from '../../../core/vocabulary';
import { judgeFairHousing, normalizeForJudgement, type FhClass } from '../coach/fair-housing';
import { LEAD_IN_WORDS } from '../coach/fair-housing-lead-in';
import type { GeneratedHint } from './types';
import { VerdictMemo } from './verdict-memo';

export type ProtectedClass =
  | 'race or color'
  | 'religion'
  | 'national origin'
  | 'sex'
  | 'familial status'
  | 'disability'
  /** Steering language whose class the rules cannot name ("people like you"). */
  | 'a protected characteristic';

const LABELS: Record<FhClass, Exclude<ProtectedClass, 'a protected characteristic'>> = {
  RACE: 'race or color',
  COLOR: 'race or color',
  RELIGION: 'religion',
  NATIONAL_ORIGIN: 'national origin',
  SEX: 'sex',
  FAMILIAL_STATUS: 'familial status',
  DISABILITY: 'disability',
};

/** The guardrail's name for a class the detector names (a code word names none). */
export function classLabel(cls: FhClass | undefined): ProtectedClass {
  return cls ? LABELS[cls] : 'a protected characteristic';
}

/*
 * The contract streamed text relies on (guarded-text.ts releases a hint's text clause by clause):
 * - the detector judges sentence by sentence (a sentence ends at SENTENCE_END . ! ? ; or a line break), so text
 *   up to a sentence end, once clean, stays clean whatever follows — except that a party named by class in one
 *   sentence and turned away in the next is blocked from that next sentence's exclusion on;
 * - inside a sentence a steering construction can reach across a CLAUSE_END (, : – —), but it starts at a
 *   lead-in: a class word, a code word or a steering frame (`LEAD_IN`). A clause is released only while its
 *   sentence holds no lead-in, so the words from a violation's start on are never released.
 * The guarded-text test holds the detector to this on every violation it streams.
 */
export const SENTENCE_END = /[.!?;]/;
export const CLAUSE_END = /[,:\u2013\u2014]/;
export const LEAD_IN = LEAD_IN_WORDS;

/** Pure judgements of text, remembered (verdict-memo.ts): a streamed hint asks about the same prefixes again. */
const LEAD_IN_MEMO = new VerdictMemo<boolean>(4_096, 2_000);
const STEERING_MEMO = new VerdictMemo<GuardrailVerdict>(4_096, 4_000);

/** Whether a violation could still start inside `sentence` (text since the last SENTENCE_END) and reach later text. */
export function mayContinueAcrossClauses(sentence: string): boolean {
  return LEAD_IN_MEMO.get(sentence, (s) => LEAD_IN.test(normalizeForJudgement(s)));
}

export interface GuardrailVerdict {
  blocked: boolean;
  protectedClass?: ProtectedClass;
  /** Which construction fired, in words — never the violating text itself (safe to log). */
  matched?: string;
  /** Where the violation starts in the text (its first class, code or frame word). */
  start?: number;
}

/** The model's text judged by the one Fair Housing detector (the same that judges leads and agents). */
export function checkSteering(text: string): GuardrailVerdict {
  return STEERING_MEMO.get(text, judgeSteering);
}

function judgeSteering(text: string): GuardrailVerdict {
  const j = judgeFairHousing(text, { speaker: 'MODEL' });
  if (!j.steering) return Object.freeze({ blocked: false });
  return Object.freeze({
    blocked: true,
    protectedClass: classLabel(j.protectedClass),
    ...(j.reason ? { matched: j.reason } : {}),
    start: j.start ?? 0,
  });
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
