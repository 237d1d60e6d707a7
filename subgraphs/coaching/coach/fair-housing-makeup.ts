/**
 * Asking or telling the make-up of a place or a party without a class word of the people themselves: a breakdown
 * "by ethnicity", where an applicant is "originally from", a street where "it's all Spanish on the signs", a
 * school with "a very different student body", "the kind of people you'd want as neighbors". Each asks for or
 * gives who lives somewhere (or who a party is) by a protected class. Regex sources over normalized text (lower
 * case, straight apostrophes); a compliance clause is judged before these (fair-housing-judge.ts).
 */
import type { CodeWord } from './fair-housing-frames';

const re = (source: string): RegExp => new RegExp(source, 'i');

const LANGUAGE = String.raw`(?:spanish|chinese|mandarin|cantonese|arabic|korean|vietnamese|hindi|urdu|polish|creole|russian|tagalog|portuguese|somali|punjabi|farsi|hmong|amharic)`;
const DIMENSION = String.raw`(?:race|races|ethnicit(?:y|ies)|ethnic (?:groups?|background)|religions?|faiths?|nationalit(?:y|ies)|national origin|countr(?:y|ies) of origin|colou?r|skin colou?r|background)`;
const PARTY = String.raw`(?:applicants?|buyers?|tenants?|renters?|famil(?:y|ies)|couple|people|neighbou?rs|sellers?|residents|owners|guy|lady|man|woman)`;

export const MAKEUP_CODE_WORDS: CodeWord[] = [
  {
    // A split of people by a class: "what's the breakdown of residents, like by ethnicity?", "broken down by race".
    re: re(
      String.raw`\b(?:breakdown|broken down|makeup|make-up|mix|composition|split|percentages?|stats|statistics|numbers|demographics?)\b.{0,50}\b(?:by|in terms of|as far as|based on) ${DIMENSION}\b`,
    ),
    cls: 'RACE',
  },
  {
    // Where a party or the neighbours come from: "where is the applicant originally from?".
    re: re(
      String.raw`\bwhere (?:is|are|was|were) (?:the|that|this|these|those|your|their|his|her) (?:[\w'-]+ )?${PARTY}(?: (?:really|originally|actually))? from\b|\bwhere (?:is|are) (?:he|she|they) (?:really|originally|actually) from\b|\bwhat countr(?:y|ies) (?:is|are|was|were) (?:the|that|this|those|these|he|she|they)\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // A place told by the language on its signs or in its streets: "it's basically all Spanish on the signs now".
    re: re(
      String.raw`\b(?:all|mostly|only|nothing but) ${LANGUAGE} on (?:the )?(?:signs|storefronts|shops|stores|menus|billboards)\b|\b(?:signs|storefronts|billboards)\b.{0,20}\b(?:all |only |mostly )?in ${LANGUAGE}\b|\b(?:no ?one|nobody|hardly anyone) (?:there |over there |on (?:that|the) (?:street|block) )?(?:even )?speaks english\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // "it's all Korean over there now": a place said to be one language.
    re: re(
      String.raw`(?<!\b(?:speaks?|speaking|spoke|read|reads|write|writes|in)\s+)\b(?:all|mostly|only|nothing but) ${LANGUAGE}\b(?!\s*(?:-|speaking|speakers?|versions?|docs|documents|paperwork|forms|contracts?|lease|agents?|realtors?|lenders?|please|translation))`,
    ),
    cls: 'NATIONAL_ORIGIN',
    withPlace: true,
  },
  {
    // The people of a place as a proxy: "a very different student body", "a totally different demographic".
    re: re(
      String.raw`\b(?:very|totally|completely|entirely|quite|much|way|a|an?) (?:different|other) (?:student body|student population|population|demographics?|mix of (?:people|families|students)|makeup|clientele)\b`,
    ),
    cls: 'RACE',
  },
  {
    // Asking a party's shade: "is the buyer's family dark or light?".
    re: re(
      String.raw`\b(?:is|are|was|were) (?:the|their|his|her|that|this|your) (?:[\w'-]+ ){0,2}?(?:buyers?|family|applicants?|tenants?|renters?|couple|neighbou?rs|wife|husband|people|guy|lady|man|woman)(?:'s)? (?:[\w'-]+ )?(?:dark|light|darker|lighter|fair|brown)(?:[- ]skinned)?\b(?! (?:wood|colou?r|paint|floors?|cabinets?|brick|stone|finish|roast|beer))`,
    ),
    cls: 'COLOR',
  },
  {
    // A place's people as a "crowd" or "clientele" of some kind ("the starter-home crowd", "a certain clientele"):
    // said of where someone lives, the word picks people, not an event ("the Sunday crowd", "a big crowd").
    re: re(
      String.raw`\b(?!(?:a|an|the|this|that|big|huge|large|small|little|sunday|saturday|weekend|lunch|dinner|breakfast|brunch|tourist|concert|holiday|game|day|night|morning|evening|after-work|happy-hour|church|bar|festival|parade|football|baseball|basketball|soccer|hockey|beach|summer|winter|crowd|whole|entire|usual|regular|same|sizable|sizeable|massive|growing|thin|packed|no)\b)[a-z][\w'-]*\s+(?:crowd|clientele)\b`,
    ),
    withPlace: true,
  },
  {
    // Residents counted by descent: "residents are predominantly of European descent".
    re: re(
      String.raw`\b(?:mostly|predominantly|largely|mainly|primarily|all|heavily|overwhelmingly|majority|many|most|lots of people|a lot of people)\s+(?:of|with)\s+(?:[a-z-]+\s+){1,2}(?:descent|ancestry|extraction|heritage|origin|background)\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // A spouse asked about for whoever decides: "is there a husband in the picture?".
    re: re(
      String.raw`\bis there (?:a|any) (?:husband|wife|man|boyfriend|girlfriend|spouse)\b (?:in the picture|involved|living with|around|at home)`,
    ),
    cls: 'SEX',
  },
  {
    // A culture's music as a proxy for who lives somewhere: "not the part of town with the rap music blasting".
    re: re(
      String.raw`\b(?:rap|hip[- ]hop|reggaeton|mariachi|banda|bhangra|bollywood|k-pop|salsa|bachata|cumbia|gospel) music\b`,
    ),
    cls: 'RACE',
    withPlace: true,
  },
  {
    // Neighbourhoods ranked by "demographics": "the best demographics for resale".
    re: re(
      String.raw`\b(?:best|better|good|great|right|nice|nicer|wrong|bad|desirable|changing|shifting|stable|solid)\s+demographics?\b`,
    ),
    cls: 'RACE',
  },
  {
    // "not there yet with the kind of people you'd want as neighbors".
    re: re(
      String.raw`\b(?:kind|type|sort|class|caliber) of (?:people|folks|neighbou?rs|families|crowd|residents) (?:that )?(?:you'?d|you would|you'?ll|you|we'?d|we would|they'?d) (?:want|like|expect|be comfortable with|prefer)\b`,
    ),
    withPlace: true,
  },
];
