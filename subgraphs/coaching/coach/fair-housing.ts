/**
 * Fair Housing Act risk detection: a lead asking to steer, exclude or advertise by a protected class
 * (race, color, religion, national origin, sex, familial status, disability).
 * A lead describing THEMSELVES ("we have 2 kids", "I use a wheelchair") or asking about schools, HOA rules
 * or 55+ communities (housing for older persons is exempt) is not a violation.
 */

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
  /** The words that triggered the warning. */
  evidence: string;
}

const PLACE_OR_PEOPLE =
  '(?:neighbou?rhoods?|areas?|parts? of (?:town|the city)|sides? of town|communit(?:y|ies)|neighbou?rs?|people|folks|families|residents|buildings?|complex(?:es)?|apartments?|housing|streets?|blocks?|schools?|subdivisions?|town|city|zip(?: code)?s?|suburbs?|there|live|living)';

const COMPOSITION =
  '(?:mostly|mainly|predominantly|primarily|majority|all|fewer|less|more|lots? of|a lot of|too many|full of|no|not many|any|many|mixed|diverse|diversity|white or|black or)';

const RACE =
  '(?:blacks?|whites?|hispanics?|latinos?|latinx|latinas?|asians?|african[- ]americans?|caucasians?|minorit(?:y|ies)|people of color|brown people|arabs?|ethnic|ethnicit(?:y|ies)|racial|race|mixed)';

const RELIGION =
  '(?:christians?|muslims?|islamic|jewish|jews|hindus?|sikhs?|buddhists?|catholics?|mormons?|atheists?|religious|mosques?|churche?s?|synagogues?|temples?)';

const NATIONALITY =
  '(?:immigrants?|foreigners?|foreign|refugees?|chinese|mexicans?|indians?|middle eastern|africans?|koreans?|japanese|vietnamese|filipinos?|russians?|somalis?|haitians?|puerto ricans?|cubans?|arabs?|pakistanis?|iranians?|ukrainians?|nigerians?|guatemalans?|salvadorans?|dominicans?|non[- ]english|illegals?|americans only)';

const FAMILY =
  '(?:kids|children|child|families|family with|famil(?:y|ies) with|teens|teenagers|toddlers|babies|young kids)';

const EXCLUDE =
  "(?:not|fewer|less|away from|avoid|avoiding|free of|too many|rather not|prefer not|(?:are|is)n'?t (?:a lot of|many|any|too many)|don'?t (?:really )?(?:want|like|allow)|do not (?:want|like|allow)|won'?t|wouldn'?t want|decline|reject|refuse|turn down|deny|keep out|not sell to|not rent to|isn'?t|aren'?t)";

interface Rule {
  protectedClass: ProtectedClass;
  re: RegExp;
  /** When set, the same sentence must also match this. */
  context?: RegExp;
  /** Match against the whole message instead of sentence by sentence. */
  whole?: boolean;
}

const W = "(?:\\s+[\\w'’-]+){0,5}?\\s+";

const RULES: Rule[] = [
  // Race / color: composition questions or exclusion, tied to people or places.
  {
    protectedClass: 'RACE_COLOR',
    re: new RegExp(
      `\\b${COMPOSITION}\\s+(?:\\w+\\s+)?${RACE}\\b(?![- ](?:one|use|house|home|door|fence|trim|cabinets?|kitchen|paint|roof|siding|brick|carpet|walls?|floors?|tile|finish))`,
      'i',
    ),
    context: new RegExp(`\\b${PLACE_OR_PEOPLE}\\b`, 'i'),
  },
  {
    protectedClass: 'RACE_COLOR',
    re: new RegExp(
      `\\b${RACE}\\s+(?:neighbou?rhoods?|areas?|parts? of town|communit(?:y|ies)|neighbou?rs?|people|folks|families)\\b`,
      'i',
    ),
  },
  // Religion.
  {
    protectedClass: 'RELIGION',
    re: new RegExp(
      `\\b(?:away from|avoid|avoiding|far from|not near|no|fewer|too many|lots? of|mostly|full of)${W}?${RELIGION}\\b`,
      'i',
    ),
  },
  {
    protectedClass: 'RELIGION',
    re: new RegExp(
      `\\b${RELIGION}\\s+(?:communit(?:y|ies)|neighbou?rhoods?|areas?|population|presence|families|neighbou?rs|people|folks|part of town)\\b`,
      'i',
    ),
  },
  {
    protectedClass: 'RELIGION',
    re: new RegExp(
      `\\b(?:for|with)\\s+(?:an?\\s+)?${RELIGION}\\s+(?:family|families|people|folks|couple|household)\\b`,
      'i',
    ),
  },
  {
    protectedClass: 'RELIGION',
    re: new RegExp(
      `\\b${RELIGION}\\b[^.?!]{0,60}\\b(?:like (?:us|ours)|share our|our values|our faith|our beliefs)`,
      'i',
    ),
  },
  {
    protectedClass: 'RELIGION',
    re: new RegExp(
      `\\b(?:buyer|buyers|tenant|tenants|they|he|she|anyone|nobody|someone|neighbou?rs|people|residents|families|everyone)\\s+(?:is|are|isn'?t|aren'?t|being)\\s+(?:not\\s+|mostly\\s+|all\\s+)?${RELIGION}`,
      'i',
    ),
  },
  {
    protectedClass: 'RELIGION',
    re: new RegExp(
      `\\b(?:neighbou?rs?|people|families)\\s+who\\s+share\\s+our\\s+(?:values|faith|beliefs|religion)`,
      'i',
    ),
  },
  // National origin.
  {
    protectedClass: 'NATIONAL_ORIGIN',
    re: new RegExp(`\\b${COMPOSITION}\\s+(?:\\w+\\s+)?${NATIONALITY}\\b`, 'i'),
  },
  { protectedClass: 'NATIONAL_ORIGIN', re: new RegExp(`\\b${EXCLUDE}${W}?${NATIONALITY}\\b`, 'i') },
  {
    protectedClass: 'NATIONAL_ORIGIN',
    re: /\b(?:don'?t|won'?t|wouldn'?t|do not|not|never|no|nobody|avoid|rather)\b[^.?!]{0,40}\b(?:anyone|anybody|people|buyers?|someone|folks|families)\s+from\s+(?:the\s+)?(?!(?:Compass|Redfin|Zillow|Opendoor|Offerpad|Keller|Coldwell|Century|Sotheby|Remax|RE\/MAX|eXp|Realty|Bank|City|County|HOA)\b)[A-Z][a-z]+/,
  },
  {
    protectedClass: 'NATIONAL_ORIGIN',
    re: new RegExp(`\\b${NATIONALITY}\\s+(?:neighbou?rhoods?|areas?|buyers?|people|families|folks)\\b`, 'i'),
  },
  // Sex (incl. sexual orientation / gender identity).
  {
    protectedClass: 'SEX',
    re: /\b(?:no|don'?t (?:really )?want|do not want|rather not|not (?:rent|sell) to)\s+(?:\w+\s+){0,3}?(?:women|woman|men|females?|males?|girls|gay|gays|lesbians?|trans(?:gender)?)\b/i,
  },
  {
    protectedClass: 'SEX',
    re: /\bonly\s+(?:\w+\s+){0,2}?(?:women|men|guys|girls|females|males|gay|straight)\b|\b(?:no|not) (?:single |young |old )?(?:guys|men|women|girls|ladies|dudes)\b/i,
  },
  {
    protectedClass: 'GENERAL_STEERING',
    re: /\bonly (?:want to |wanna )?(?:sell|rent|show)(?: it| the (?:house|home|place|condo|unit))? to (?:a |an )?(?:\w+ ){0,2}?(?:couples?|famil(?:y|ies)|man|men|woman|women|guys?|christians?|muslims?|jews|jewish|people like)/i,
  },
  {
    protectedClass: 'SEX',
    re: /\b(?:perfect|ideal|great|only) for (?:a |an )?(?:single )?(?:(?:young|professional|working|christian|retired)\s+)*(?:guy|man|men|woman|women|gentleman|lady|ladies|bachelor|female|male)\b/i,
  },
  // Familial status.
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: /\b(?:good|great|best|ideal|safe|better|right|nice)\s+(?:neighbou?rhoods?|areas?|communit(?:y|ies)|places?|parts of town|suburbs?)\s+(?:for|to)\s+(?:raise|raising|young|a |our |small |growing )?\s*(?:famil(?:y|ies)|kids|children)\b/i,
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: /\b(?:listing|ad|advert\w*|sign|says?|put|write|mention|market it)\b[^.?!]{0,60}?\b(?:no|not for|without) (?:young |small |little )?(?:kids|children|families)\b/i,
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: /\b(?:want|prefer|looking for|need|rather have|ideally|hoping for)\s+(?:\w+\s+){0,3}?(?:no|without) (?:young |little |small )?(?:kids|children|families)\b/i,
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: new RegExp(
      `\\b${EXCLUDE}\\s+(?:(?:a|an|the|any|lot of|lots of|bunch of|many|much|little|young|small|noisy|loud|more)\\s+){0,4}${FAMILY}\\b`,
      'i',
    ),
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: /\b(?:adults?[- ]only|adult community(?! for 55)|child[- ]?free|kid[- ]?free|no[- ]kids? (?:neighbou?rhoods?|areas?|buildings?|communit(?:y|ies)|streets?|complex|allowed|policy|zone|around|nearby|next door)|without kids (?:around|nearby|in the building))\b/i,
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: /\b(?:few|fewer|not (?:a lot of|many)|no|lots? of|a lot of|many) (?:kids|children|families)\s+(?:in|on|around|living)\s+(?:the|this|that)\s+(?:building|street|block|neighbou?rhood|complex|area)/i,
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: /\b(?:pregnant|expecting)\s+(?:buyers?|tenants?|women|couples?)\b.*\b(?:not|no|avoid|decline)\b/i,
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: /\b(?:a lot of|lots of|many|mostly|more|fewer|few|no|other|plenty of|full of) (?:young |little |small )?(?:kids|children|families|famil(?:y|ies) with (?:young |little )?(?:kids|children))\b[^.?!]{0,30}\b(?:in|around|on|near|living in|nearby|in the)\b/i,
    context:
      /\?|\b(?:neighbou?rhoods?|areas?|streets?|buildings?|communit(?:y|ies)|blocks?|subdivisions?)\b/i,
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: /\b(?:neighbou?rhoods?|areas?|streets?|buildings?|communit(?:y|ies)|blocks?|subdivisions?|complex) (?:with|that has|that have|full of) (?:a lot of|lots of|many|more|fewer|few|no|other|plenty of) (?:young |little )?(?:kids|children|families)\b/i,
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: /\b(?:neighbou?rhoods?|areas?|communit(?:y|ies)|parts? of town|suburbs?|where)\b[^.?!]{0,40}\b(?:good|great|best|ideal|better|right|perfect) for (?:young |a |our |small |growing )?(?:famil(?:y|ies)|kids|children|singles|couples without kids)\b|\bfamily[- ]friendly (?:neighbou?rhoods?|areas?|communit(?:y|ies)|streets?|parts of town)\b/i,
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: /\b(?:buyers?|tenants?|renters?|people|they|them|it)\s+(?:to\s+)?(?:not be|aren'?t|isn'?t|won'?t be|not being)\s+(?:a |an )?(?:big |large |young |growing )?(?:famil(?:y|ies)|kids|children|couple with kids)\b/i,
  },
  // Disability: excluding someone else, not the lead's own needs.
  {
    protectedClass: 'DISABILITY',
    whole: true,
    re: /\b(?:wheelchairs?|disabled|disabilit(?:y|ies)|handicap(?:ped)?|blind|deaf|mental(?:ly)? ill(?:ness)?|group home|special needs|service (?:dog|animal)|emotional support)\b[\s\S]{0,160}?\b(?:decline|reject|refuse|turn (?:it |them |him |her )?down|deny|skip|cancel|not (?:show|let|allow|sell|rent)|don'?t (?:want|allow|show)|keep (?:them|him|her) out|save (?:everyone|us) (?:the )?time|waste of time)/i,
  },
  {
    protectedClass: 'DISABILITY',
    re: /\b(?:decline|reject|refuse|turn down|deny|avoid|skip|cancel|ignore|pass on|don'?t want|(?:don'?t|do not|never) (?:show|sell|rent|lease)|no one|nobody)\b[^.?!]*?\b(?:wheelchairs?|disabled|disabilit(?:y|ies)|handicap(?:ped)?|group homes?|mentally ill|special needs|service (?:dogs?|animals?))\b/i,
  },
  {
    protectedClass: 'FAMILIAL_STATUS',
    re: new RegExp(
      `\\b${EXCLUDE}\\s+(?:to\\s+)?(?:sell|rent|lease|show)(?:\\s+it)?\\s+to\\s+(?:\\w+\\s+){0,3}?(?:with|who (?:have|has))\\s+(?:(?:a|any|young|little|small|lots? of|\\d+)\\s+)*(?:kids|children|babies|toddlers|teens)\\b`,
      'i',
    ),
  },
  // General steering language.
  {
    protectedClass: 'GENERAL_STEERING',
    re: /\b(?:neighbou?rhoods?|areas?|parts? of (?:town|the city)|communit(?:y|ies)|places?|where)\b[^.?!]{0,30}\b(?:we'?d|we would|we'?ll|we will|we|i'?d|i would|i'?ll|i|people like us|they'?d)\s+(?:be\s+)?(?:fit in|(?:be |feel )?(?:more )?(?:welcome|welcomed|accepted|comfortable|at home)|belong)\b/i,
  },
  {
    protectedClass: 'GENERAL_STEERING',
    re: /\b(?:welcoming|friendly|accepting|tolerant|open) (?:to|of|toward|towards|for) (?:gay|lgbt\w*|queer|trans\w*|same[- ]sex|black|hispanic|latino|asian|muslim|jewish|christian|immigrants?|interracial|mixed)\b|\b(?:lgbt\w*|gay|same[- ]sex|interracial)[- ](?:friendly|welcoming)\b/i,
  },
  {
    protectedClass: 'GENERAL_STEERING',
    re: /\b(?:neighbou?rhoods?|areas?|parts? of (?:town|the city)|communit(?:y|ies)|places?|where)\b[^.?!]{0,40}\b(?:gay|lesbian|lgbt\w*|queer|trans\w*|same[- ]sex|interracial|black|white|hispanic|latino|asian|muslim|jewish|christian|immigrant|foreign)\b[^.?!]{0,30}\b(?:fit in|feel (?:more )?(?:welcome|welcomed|accepted|comfortable|safe|at home)|be (?:welcome|welcomed|accepted|comfortable))\b/i,
  },
  {
    protectedClass: 'GENERAL_STEERING',
    re: /\b(?:right|wrong) (?:kind|type|sort) of (?:people|neighbou?rs?|families|folks|buyers?|crowd)\b/i,
  },
  {
    protectedClass: 'GENERAL_STEERING',
    re: /\b(?:people|families|folks|neighbou?rs?|buyers?) like (?:us|ours|me)\b/i,
  },
  { protectedClass: 'GENERAL_STEERING', re: /\b(?:our|my) (?:own )?kind of (?:people|folks|neighbou?rs)\b/i },
  {
    protectedClass: 'GENERAL_STEERING',
    re: /\b(?:where|which|what)\b[^.?!]{0,40}\b(?:people|families|folks) (?:like|who look like) (?:us|ours|me)\b/i,
  },
];

/** Own-situation phrases that must not trigger (the lead describing themselves). */
const SELF_DESCRIPTION =
  /\b(?:(?:i|we)\s+(?:use|uses|need|have|am|are|'m|'re)|(?:my|our)\s+(?:\w+\s+)?(?:dad|mom|son|daughter|wife|husband|father|mother|child|kid|parent|brother|sister|grandma|grandpa|grandmother|grandfather|partner)\w*(?:'s|\s+is|\s+who'?s|\s+who is|\s+uses|\s+has|\s+needs)?)\s+(?:a\s+)?(?:wheelchair|disabled|blind|deaf|walker|service (?:dog|animal))\b/i;

/** The lead describing their own household ("we have no kids", "we're not a family with kids"). */
const SELF_FAMILY = /\b(?:we|i)\s*(?:'ve|have|'ve got|got|'re|are|am|'m)\s*$/i;

/** Housing for older persons (55+/62+) is exempt from the familial-status rules. */
const SENIOR_EXEMPT =
  /\b(?:55\s*\+|62\s*\+|(?:55|62) and (?:over|older|up)\b|senior (?:living|communit(?:y|ies)|housing)\b|age[- ]restricted\b|active adult\b)/i;

/** Returns the first Fair Housing risk in a lead's message, or null. */
export function detectFairHousingRisk(text: string): FairHousingRisk | null {
  const sentences = text.split(/(?<=[.!?\n])(?![.!?])\s*/);
  for (const rule of RULES) {
    let m: RegExpExecArray | null = null;
    for (const sentence of rule.whole ? [text] : sentences) {
      m = rule.re.exec(sentence);
      if (m && rule.context && !rule.context.test(sentence)) m = null;
      if (m && rule.protectedClass === 'FAMILIAL_STATUS' && SELF_FAMILY.test(sentence.slice(0, m.index)))
        m = null;
      if (m) break;
    }
    if (!m) continue;
    if (rule.protectedClass === 'FAMILIAL_STATUS' && SENIOR_EXEMPT.test(text)) continue;
    if (
      rule.protectedClass === 'DISABILITY' &&
      SELF_DESCRIPTION.test(text) &&
      !/\b(?:decline|reject|refuse|deny)\b/i.test(text)
    ) {
      continue;
    }
    return { protectedClass: rule.protectedClass, evidence: m[0].trim().slice(0, 80) };
  }
  return null;
}

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
