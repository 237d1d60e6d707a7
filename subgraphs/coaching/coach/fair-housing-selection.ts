/**
 * Choosing among people: a seller or landlord (or their agent) picking, pushing or stalling one offer, buyer or
 * applicant against another. Said of a party named by a protected class ("take the married man's offer over
 * the single mom's", "the buyer's in a wheelchair … let's go with one of the other offers"), the choice itself
 * steers, whatever words name the class. Also advertising placed or withheld by who reads the outlet ("skip the
 * ad in the Black-owned paper"). Regex sources over normalized text (lower case, straight apostrophes).
 */
import { CLASS_ADJECTIVES, CLASS_PEOPLE, WEAK_COLOR, type FhClass } from './fair-housing-lexicon';

const OFFER = String.raw`(?:offers?|bids?|buyers?|applicants?|applications?|contracts?|famil(?:y|ies)|couples?|tenants?|renters?)`;
const CHOOSE = String.raw`(?:take|taking|took|go(?:ing)? with|went with|pick\w*|choos\w*|chose|accept\w*|favou?r\w*|push\w*|nudg\w*|mov\w* (?:forward|ahead) with|work\w* with|counter\w*|sign\w*|respond\w* to|lean\w* (?:toward|towards|to)|sell\w* to|rent\w* to|lease\w* to)`;
const OTHER = String.raw`(?:other|backup|back-up|second|next|rest of the|different|local)`;

/** Choosing someone else over the party named before: "leaning toward the couple instead". */
export const TURN_TO_OTHER =
  /\b(?:lean\w* (?:toward|towards|to)\b.*\b(?:instead|rather|over)|(?:prefer\w*|go\w* with|pick\w*|choos\w*|take|accept\w*|push\w*|switch\w* to|mov\w* to|back out) (?:the other|the (?:[\w'-]+ ){1,2}instead|the (?:backup|second|next|first|other) (?:offer|buyer|applicant|tenant|renter))|back(?:ing)? out|rather than|(?:happier|better off|more comfortable|prefer\w*|rather (?:have|go with)) (?:[\w'-]+ ){0,3}?(?:with|to|have) (?:the|a|that|this) (?:other|local|second|first|\w+) (?:family|buyer|couple|offer|applicant|tenant|renter)s?)\b/;

/**
 * Picking among offers or buyers: one offer over another's, going with one of the other offers, the deal
 * going to someone else, or weighing "between the two" and taking one.
 */
export const SELECT_AMONG = new RegExp(
  String.raw`\b(?:(?:offer|bid|application)s? over (?:the |that |this |a |an )?[\w'-]+|${CHOOSE} (?:with )?(?:one of )?(?:the |that |those |a |an )?${OTHER}\s+(?:[\w'-]+\s+)?${OFFER}|rather (?:it |they |we |i )?(?:go|went|sell|sold|give it|rent(?: it)?|lease(?: it)?) to|between (?:the|these|those) (?:two|three|offers|buyers|applicants)\b.*\b(?:take|go with|pick|choose|prefer|lean\w*|favou?r)|${CHOOSE}\s+(?:[\w'-]+\s+){0,3}?${OFFER}\s+(?:instead|over|rather)\b)`,
);

/** The party named makes an offer being chosen among ("take the husband-and-wife offer"). */
export const OFFER_OF = /^(?:'s)?\s+(?:offer|bid|application)s?\b/;

/** Choosing someone else, after a party named by class. */
export function turnsToOther(part: string): RegExpExecArray | null {
  return TURN_TO_OTHER.exec(part) ?? SELECT_AMONG.exec(part);
}

const OUTLET = String.raw`(?:papers?|newspapers?|weekl(?:y|ies)|magazines?|radio(?: stations?)?|stations?|channels?|newsletters?|bulletins?|sites?|websites?|pages?|groups?|forums?|boards?|outlets?|publications?)`;
const WITHHOLD = String.raw`(?:skip\w*|pull\w*|drop\w*|avoid\w*|leave out|leav\w* (?:it|the \w+) out of|(?:not|never|don'?t|do not|won'?t|will not) (?:run|place|put|post|advertis\w*|list)|only|just|keep (?:it |the \w+ )?(?:out of|off))`;
const AD = String.raw`(?:ads?|adverts?|advertis\w*|listings?|post(?:ing)?s?|flyers?|it|the (?:home|house|unit|place|rental))`;

function classOf(outletWord: string): FhClass | undefined {
  const word = outletWord.replace(/-(?:owned|language|run|community|interest)$/, '');
  // A colour word naming readers ("the Black-owned paper") names them by race.
  const lists: [FhClass, string][] = [
    ...(Object.entries(CLASS_ADJECTIVES) as [FhClass, string][]),
    ...(Object.entries(CLASS_PEOPLE) as [FhClass, string][]),
    ['RACE', WEAK_COLOR],
  ];
  return lists.find(([, src]) => new RegExp(`^(?:${src})$`, 'i').test(word))?.[0];
}

/** An outlet named by its readers' class: "the Black-owned paper", "papers read by Koreans". */
const CLASS_OUTLET = new RegExp(
  String.raw`\b([\w'-]+?)(?:[- ](?:owned|language|run|community|interest))?(?: ([\w'-]+))? ${OUTLET}\b|\b${OUTLET} (?:read|watched|followed|used) (?:mostly |mainly |only )?by (?:the )?([\w'-]+)`,
  'g',
);

/**
 * Advertising withheld from, or confined to, an outlet named by its readers' class: the class it steers by, or
 * undefined. Adding an outlet to reach more people ("also post it in the Spanish-language paper") steers no one.
 */
export function adOutletSteering(part: string): FhClass | undefined {
  if (
    !new RegExp(String.raw`\b${WITHHOLD}\b[^.]{0,60}?\b${AD}\b|\b${AD}\b[^.]{0,40}?\b${WITHHOLD}\b`).test(
      part,
    )
  )
    return undefined;
  for (const m of part.matchAll(CLASS_OUTLET)) {
    const cls = [m[1], m[2], m[3]].map((w) => (w ? classOf(w) : undefined)).find((c) => c);
    if (cls && /\b(?:ads?|adverts?|advertis\w*|listings?|post\w*|flyers?|run|place)\b/.test(part)) return cls;
  }
  return undefined;
}
