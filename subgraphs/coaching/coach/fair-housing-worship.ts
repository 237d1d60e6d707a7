/**
 * Places of worship as a proxy for religion: a church, mosque or temple counted or avoided ("too many mosques",
 * "not the side of town where they built that temple"), and a party named by the congregation it comes from
 * ("the family from the mosque"), whom a later clause may turn away. One's own place of worship ("our parish",
 * "walk to shul") is a need. Regex sources over normalized text (lower case, straight apostrophes).
 */
import { WORSHIP } from './fair-housing-lexicon';
import { clauseBefore } from './fair-housing-mentions';

export interface WorshipMention {
  start: number;
  own: boolean;
  counted: boolean;
}

const WORSHIP_RE = new RegExp(`\\b${WORSHIP}\\b`, 'gi');

const WORSHIP_OWN = new RegExp(
  String.raw`\b(?:my|our|your|their)\s+(?:[\w'-]+\s+){0,2}$|\b(?:attend|go to|goes to|pray at|worship at|volunteer at|belong to|member of|walk to|drive to|married at)\s+(?:[\w'-]+\s+){0,3}$`,
  'i',
);

/** Places of worship in `text` and whether they are the speaker's or client's own. */
export function findWorship(text: string): WorshipMention[] {
  return [...text.matchAll(WORSHIP_RE)].map((m) => {
    const start = m.index ?? 0;
    const before = clauseBefore(text, start);
    return {
      start,
      own: WORSHIP_OWN.test(before),
      counted: /\b(?:how many|so many|too many|lots of|a lot of|full of|many|more)\s+(?:[\w'-]+\s+)?$/i.test(
        before,
      ),
    };
  });
}

/** "not the side of town where they built that temple": a place refused for the worship building in it. */
export const NOT_THAT_PLACE =
  /\bnot (?:the|that|this|in the|near the|by the|around the|on the) (?:[\w'-]+ ){0,3}?(?:side|part|end|area|neighbou?rhood|street|block|section|corner)\b/;

/** A party named by its congregation: "the family from the mosque", "the couple at the synagogue". */
export const WORSHIP_PARTY = new RegExp(
  String.raw`\b(?:family|families|buyers?|couple|tenants?|applicants?|renters?|people|folks|guy|lady|man|woman|offer)s? (?:from|at|of|who (?:goes|go|attends?) to|(?:who|that) (?:mentioned|talked about|brought up|goes? on about|asked about)) (?:the|that|this|their|his|her|a|an) (?:[\w'-]+ )?${WORSHIP}\b`,
  'i',
);
