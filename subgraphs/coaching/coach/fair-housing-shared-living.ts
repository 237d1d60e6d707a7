/**
 * Shared living: a person choosing who shares the home they live in themselves — a roommate, a housemate, a
 * room in their own house — may state a preference by sex (HUD's advertising guidance on shared living
 * areas). Said of a separate unit ("the basement apartment", "the other side of my duplex"), or without the
 * speaker living there ("for the shared apartment I'm only taking women"), it is a preference like any other.
 * Regex sources over normalized text (lower case, straight apostrophes).
 */

const DWELLING = String.raw`(?:home|house|apartment|apt|condo|place|flat|unit|townhouse|townhome|room)`;

/** The speaker lives in the home being shared. */
const SPEAKER_LIVES_THERE = new RegExp(
  [
    String.raw`\b(?:i|we)(?:'m| am|'re| are|'d| would|'ll| will)? (?:also |still |currently |already |be )?(?:live|living|stay|staying|reside|residing) (?:there|here|in (?:it|the (?:same )?${DWELLING}))\b`,
    String.raw`\b(?:i|we)(?:'d| would|'ll| will|'m| am|'re| are)? (?:be )?shar(?:e|ing) (?:the|a|my|our) (?:kitchen|bathroom|bath|living room|common areas?|${DWELLING})\b`,
    String.raw`\b${DWELLING} (?:that |which )?(?:i|we) (?:(?:also|still|currently|already) )?(?:live|stay|reside) in\b`,
    String.raw`\b(?:in|of|share|sharing|into) (?:my|our) (?:own )?(?:[\w'-]+ ){0,2}?${DWELLING}\b`,
    String.raw`\b(?:my|our) own (?:[\w'-]+ ){0,2}?${DWELLING}\b`,
    String.raw`\b(?:live|living|share|sharing) with (?:me|us)\b`,
    String.raw`\b(?:my|our) (?:new |future )?(?:roommate|housemate|flatmate)s?\b`,
    // A seeker taking a room in a shared home lives in it: "looking for a room in an apartment shared with …".
    String.raw`\b(?:looking for|seeking|searching for|need|want|i'?d like|i am looking for) (?:a |me a )?(?:room|bedroom|bed|spot) (?:in|at) (?:a|an) (?:[\w'-]+ ){0,2}?${DWELLING}\b`,
  ].join('|'),
  'i',
);

/** A unit apart from the speaker's own, where the exemption does not reach. */
const SEPARATE_UNIT =
  /\b(?:separate|self-contained|private entrance|basement (?:apartment|unit|suite)|in-law (?:unit|suite|apartment)|adu|granny flat|other (?:side|unit|half)|duplex|triplex|fourplex|rental (?:unit|property))\b/i;

/** A clause about picking who shares the speaker's own home, where a sex preference is allowed. */
export function sharesOwnHome(clause: string): boolean {
  return SPEAKER_LIVES_THERE.test(clause) && !SEPARATE_UNIT.test(clause);
}
