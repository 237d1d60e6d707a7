/**
 * Lawful frames a protected-class word can sit in without steering: an institution's paperwork ("the lender
 * needs the visa paperwork"), a question of law or process about people already living there ("the tenants
 * just had a baby; how much notice before showings?"), a building's history ("built by a Japanese American
 * family after the internment camps"), a disclosure declined ("not who the neighbors are"), a party's own
 * plans ("the buyers are from Venezuela and want to close in person") and the speaker's own mistreatment
 * ("the last agent made me show ID while other folks walked right in"). Regex sources over normalized text.
 */

/** A lender, title company or agency wanting documents: their want is no preference about people. */
export const INSTITUTION_WANTS =
  /\b(?:lenders?|banks?|underwriters?|underwriting|title(?: company| companies)?|escrow(?: officers?)?|insurers?|closing attorneys?|attorneys?|the irs|uscis|notar(?:y|ies)|appraisers?|loan officers?|mortgage (?:company|broker)s?)\s+(?:[\w'-]+\s+)?(?:usually |typically |often |will |may |might |also |generally |probably |just )?(?:needs?|wants?|requires?|asks? for|is asking for|will need|(?:is|are) going to (?:need|want))\b/g;

/** History of a building or district, told as history. */
const HISTORY =
  /\b(?:historic(?! ?ally)|history|heritage|landmark|founded|settled|(?:built|designed|constructed|founded|settled|planned|laid out)\s+(?:[\w'-]+\s+){0,3}?(?:by|in 1[6-9]\d\d)|(?:in|circa|around) 1[6-9][0-8]\d|internment|civil rights|plaque|legacy|museum|pioneer\w*|early (?:[\w'-]+ )?(?:community|settlers?|families))\b/;

/** A question of law or process: notice, rights, rules, what may be said in a listing. */
const LEGAL_QUESTION =
  /\b(?:under (?:[\w'-]+ )?(?:state |federal |local |city |county |the )?(?:law|rules|code)|how much notice|notice (?:do|must|should|does|is)|(?:legally|by law) (?:required|allowed|obligated)|(?:is it|are we) (?:legal|okay|ok|allowed|fine) to (?:mention|disclose|list|include|say|remodel|enter)|are there (?:any )?(?:restrictions|rules|limits)|(?:tenant|their|his|her) rights|what (?:do|does|must) (?:we|i|the seller) (?:have to )?disclose)\b/;

/** Demographic change or counting, which history does not excuse ("used to be all …", "now mostly …"). */
const CHANGE =
  /\b(?:used to be|anymore|changed|changing|turning|becoming|taking over|moving in|now (?:mostly|all|full))\b/;

/** People already living there, spoken of for a question of law or as history, with no choice made. */
export function lawfulAboutResidents(whole: string, part: string): boolean {
  if (CHANGE.test(whole)) return false;
  return (
    HISTORY.test(part) || (HISTORY.test(whole) && /\bhistory\b/.test(whole)) || LEGAL_QUESTION.test(whole)
  );
}

/** A disclosure declined: "that isn't something to list on the TDS", "not who the neighbors are". */
export const DECLINES_TO_DISCLOSE =
  /\b(?:(?:is ?n'?t|is not|not) (?:something|anything) (?:to|you|we|i) (?:\w+ )?(?:list|disclose|put|mention|include|note)|not (?:about )?who (?:the neighbou?rs are|lives (?:there|next door|nearby|around))|(?:property|home|house)'?s? (?:physical )?condition,? not (?:the |who)\w*)\b/;

/** A party described, then wanting: "the buyers are from Venezuela and want …", "they have two toddlers and want". */
export const PREDICATE_BEFORE =
  /\b(?:they|he|she|buyers?|sellers?|tenants?|renters?|applicants?|clients?|family|couple)(?:'re|'s| are| is| were| was| have| has| had| just had)\s+(?:[\w'-]+\s+){0,3}$/;

/** The speaker's own mistreatment, told to get help ("made me show ID", "was weird about showing me homes"). */
export const OWN_MISTREATMENT =
  /\b(?:(?:made|forced) (?:me|us)|(?:asked|told) (?:me|us) to|treated (?:me|us)|followed (?:me|us)|(?:would ?n'?t|would not|refused to|did ?n'?t|did not) (?:show|let|rent to|call|sell to) (?:me|us)|weird about (?:showing )?(?:me|us))\b/;

/** "other folks walked right in": others named by how they were treated, not a group to avoid. */
export const OTHERS_TREATED_AFTER =
  /^\s*(?:just |all )?(?:walked|got|were|was|did ?n'?t|did not|could|came|went)\b/;

/** Between the described party and their want: only "and" ("… are from Venezuela and want to close"). */
export const AND_THEN = /^[\s,]*and (?:they |he |she )?(?:also |just |now |really |still )?$/;

/** "a permanent resident from …": residence as an immigration status, said of a party, not of a place's people. */
export const STATUS_RESIDENT =
  /\b(?:permanent|legal|lawful|conditional|non-?|foreign|temporary) residents?\s+(?:[\w'-]+\s+)?$/;
