/**
 * Fair Housing Act risk detection: steering, excluding or advertising by a protected class (race, color,
 * religion, national origin, sex, familial status, disability) — in a lead's words, an agent's words or the
 * model's output, judged by ONE detector (fair-housing-judge.ts, built from the lexicon and frames in
 * fair-housing-lexicon.ts / fair-housing-frames.ts). A speaker describing their own needs ("we have 2 kids",
 * "I use a wheelchair", "we attend St. Mary's"), neutral facts and an agent declining to steer are not
 * violations; housing for older persons (55+) is exempt from the familial-status rules.
 */
import { judgeFairHousing, type FhClass } from './fair-housing-judge';

export { judgeFairHousing, normalizeForJudgement } from './fair-housing-judge';
export type { FairHousingJudgement, FhClass, Speaker } from './fair-housing-judge';

/** The classes as the coach's signals and listing checks name them. */
export type ProtectedClass =
  | 'RACE_COLOR'
  | 'RELIGION'
  | 'NATIONAL_ORIGIN'
  | 'SEX'
  | 'FAMILIAL_STATUS'
  | 'DISABILITY'
  | 'GENERAL_STEERING';

export interface FairHousingRisk {
  protectedClass: ProtectedClass;
  /** Which construction fired, in words (the violation itself is never repeated). */
  evidence: string;
}

function coachClass(cls: FhClass | undefined): ProtectedClass {
  if (!cls) return 'GENERAL_STEERING';
  return cls === 'RACE' || cls === 'COLOR' ? 'RACE_COLOR' : cls;
}

/** The Fair Housing risk in a lead's message, or null. */
export function detectFairHousingRisk(text: string): FairHousingRisk | null {
  const j = judgeFairHousing(text, { speaker: 'LEAD' });
  return j.steering
    ? { protectedClass: coachClass(j.protectedClass), evidence: j.reason ?? 'steering' }
    : null;
}

// Any mention of a protected characteristic (the lead's own included), for what contact memory may keep.

const RACE =
  '(?:blacks?|whites?|hispanics?|latinos?|latinx|latinas?|asians?|african[- ]americans?|caucasians?|minorit(?:y|ies)|people of color|brown people|arabs?|ethnic|ethnicit(?:y|ies)|racial|race|mixed)';

const RELIGION =
  '(?:christians?|muslims?|islamic|jewish|jews|hindus?|sikhs?|buddhists?|catholics?|mormons?|atheists?|religious|mosques?|churche?s?|synagogues?|temples?)';

const NATIONALITY =
  '(?:immigrants?|foreigners?|foreign|refugees?|chinese|mexicans?|indians?|middle eastern|africans?|koreans?|japanese|vietnamese|filipinos?|russians?|somalis?|haitians?|puerto ricans?|cubans?|arabs?|pakistanis?|iranians?|ukrainians?|nigerians?|guatemalans?|salvadorans?|dominicans?|non[- ]english|illegals?|americans only)';

const FAMILY =
  '(?:kids|children|child|families|family with|famil(?:y|ies) with|teens|teenagers|toddlers|babies|young kids)';

const DISABILITY_TERMS =
  '(?:disabled|disabilit(?:y|ies)|wheelchairs?|handicap\\w*|blind|deaf|service (?:dog|animal)s?|autis\\w*|mental(?:ly)? ill\\w*|special needs)';
const SEX_TERMS =
  '(?:gay|lesbian|transgender|pregnan\\w*|single (?:mother|mom|father|dad|woman|women|man|men)|(?:women|men) only)';
const FAMILY_TERMS = `(?:${FAMILY}|kid|sons?|daughters?|pregnan\\w*|baby|newborn|expecting)`;

/** Any mention of a protected characteristic, the lead's own included ("we are Muslim", "we have 3 kids"). */
const PROTECTED_MENTIONS: [ProtectedClass, RegExp][] = [
  ['RACE_COLOR', new RegExp(`\\b${RACE}\\b`, 'i')],
  ['RELIGION', new RegExp(`\\b${RELIGION}\\b`, 'i')],
  ['NATIONAL_ORIGIN', new RegExp(`\\b${NATIONALITY}\\b`, 'i')],
  ['FAMILIAL_STATUS', new RegExp(`\\b${FAMILY_TERMS}\\b`, 'i')],
  ['DISABILITY', new RegExp(`\\b${DISABILITY_TERMS}\\b`, 'i')],
  ['SEX', new RegExp(`\\b${SEX_TERMS}\\b`, 'i')],
];

/**
 * The protected class a text mentions at all — unlike `detectFairHousingRisk`, the lead describing
 * themselves counts too. What is remembered about a contact (facts, summaries) must never keep it.
 */
export function mentionsProtectedClass(text: string): ProtectedClass | null {
  for (const [protectedClass, re] of PROTECTED_MENTIONS) if (re.test(text)) return protectedClass;
  return null;
}
