/**
 * A class named by a practice, a voice or a place that stands for it (issue 11 round 4, from a probe batch
 * written after sealed-5 was tuned on):
 *  - a party wanted or refused for a religious practice: "I'd like a buyer who goes to church", "no tenants that
 *    attend mass";
 *  - more asked of a party for an accent: "she has a heavy accent, ask for extra references";
 *  - keeping away from a reservation: "nothing near the rez";
 *  - only married couples, however the sentence is built ("forward only the offers from married couples").
 * Regex sources over normalized text (lower case, straight apostrophes).
 */
import type { CodeWord } from './fair-housing-frames';

const re = (source: string): RegExp => new RegExp(source, 'i');

const EXTRA_ASKED = String.raw`(?:extra|additional|more|another|double|higher|bigger)\s+(?:[\w'-]+\s+)?(?:references?|deposits?|screening|proof|checks?|verification|scrutiny|co-?signers?|guarantors?)`;

export const PROXY_CODE_WORDS: CodeWord[] = [
  {
    // Only married couples, however it is put: "send only the offers from married couples".
    re: re(
      String.raw`(?<!\b(?:not|n't) )\bonly (?:[\w'-]+ ){0,4}?(?:from |to |for |with )?(?:married (?:couples?|people|folks|buyers|tenants|renters|applicants)|husband[- ]and[- ]wife (?:couples?|buyers|tenants))\b`,
    ),
    cls: 'SEX',
  },
  {
    re: re(
      String.raw`\b(?:want|like|prefer|rather|looking for|hoping for|only|no|not|avoid|make sure|ensure)\w*\s+(?:[\w'-]+\s+){0,5}?(?:buyers?|tenants?|renters?|applicants?|someone|somebody|anyone|people|folks|neighbou?rs|a (?:family|couple)) (?:who|that) (?:\w+ )?(?:goes|go|attends?|prays?|worships?) (?:to |at )?(?:\w+ )?(?:church|mass|temple|synagogue|mosque|shul|services|bible study)\b`,
    ),
    cls: 'RELIGION',
  },
  {
    re: re(
      String.raw`^(?=.*\b${EXTRA_ASKED}\b).*\b(?:foreign|thick|heavy|strong|broken) (?:accent|english)\b|\b(?:foreign|thick|heavy|strong|broken) (?:accent|english)\b.*\b${EXTRA_ASKED}\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
    advisorOnly: true,
    onWhole: true,
  },
  {
    re: re(
      String.raw`\b(?:avoid|not|no|nothing|do ?n'?t|dont|never|skip|away from|far from|stay (?:out|away)|keep \w+ (?:out|away))\b[^.?!]{0,40}\b(?:near|by|close to|next to|around|on|off|from) the (?:reservation|rez|pueblo)\b`,
    ),
    cls: 'RACE',
  },
];
