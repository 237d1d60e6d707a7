/**
 * Telling the one who decides — a seller, a landlord, an owner, a board — what race, colour, origin or religion a
 * buyer or applicant is ("I told him they're light-skinned", "let the owner know the applicants are Christian"):
 * nothing in a deal needs it, so passing it on invites the choice the law forbids. A disability or children told
 * to a landlord is usually an accommodation or an occupancy question, and is left to the other frames.
 * Regex sources over normalized text (lower case, straight apostrophes).
 */
import type { CodeWord } from './fair-housing-frames';
import type { FhClass } from './fair-housing-lexicon';

const DECIDER = String.raw`(?:him|her|them|the (?:seller|landlord|owner|listing agent|hoa|board|manager|property manager|management|co-?op board)s?)`;

const TOLD_DECIDER = new RegExp(
  String.raw`\b(?:told|tell|telling|tells|assured|reassured|mentioned to|informed|inform|promised|let ${DECIDER} know)\b(?:\s+${DECIDER})?(?:\s+(?:that|how|what|who))?\s+(?:[\w'-]+\s+){0,4}$`,
  'i',
);

const DISCLOSED = new Set<FhClass>(['RACE', 'COLOR', 'NATIONAL_ORIGIN', 'RELIGION']);

/** Whether the words before a party's class word tell it to whoever decides on the deal. */
export function toldToDecider(before: string, cls: FhClass): boolean {
  return DISCLOSED.has(cls) && TOLD_DECIDER.test(before) && new RegExp(`\\b${DECIDER}\\b`, 'i').test(before);
}

/** A bare colour told the same way ("I let him know they are white"), which names no one anywhere else. */
export const DISCLOSED_COLOUR: CodeWord = {
  re: new RegExp(
    String.raw`\b(?:told|tell|telling|assured|reassured|informed|let ${DECIDER} know)\b(?:\s+${DECIDER})?(?:\s+that)?\s+(?:they|he|she|the (?:buyers?|applicants?|tenants?|renters?|family|couple))(?:'re|'s| are| is| were| was) (?:all |both )?(?:white|black|brown|light|dark|fair)(?:[- ]skinned)?\b`,
    'i',
  ),
  cls: 'COLOR',
};

/** A picture of the party sent to whoever decides, "so he could see": "I sent the seller a photo of the buyers". */
export const PICTURE_TO_DECIDER: CodeWord = {
  re: new RegExp(
    String.raw`\b(?:sent|send|sending|showed|show|forward\w*|text\w*|email\w*)\b[^.?!;]{0,40}\b(?:photos?|pictures?|pics?|selfies?) of (?:the )?(?:buyers?|applicants?|tenants?|renters?|family|couple|them|him|her)\b[^.?!;]{0,60}\b(?:see|check|know|tell|judge)\b`,
    'i',
  ),
  cls: 'COLOR',
};
