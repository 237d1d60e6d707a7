/**
 * The frames a protected-class word is used in: choosing, avoiding, ranking or describing homes, neighbours,
 * buyers or renters (steering), against the frames that make it harmless (a speaker declining to steer, a
 * compliance reminder). Also the code words that steer without naming a class ("people like us", "the right
 * kind of neighbors", "what kind of people live there", "the area has changed"). Regex sources over normalized
 * text (lower case, straight apostrophes); see fair-housing-lexicon.ts for the class words.
 */
import { alt, PLACE_NOUN, type FhClass } from './fair-housing-lexicon';
import { CONTINUITY_CODE_WORDS } from './fair-housing-continuity';
import { DISCLOSED_COLOUR, PICTURE_TO_DECIDER } from './fair-housing-disclosure';
import { EUPHEMISM_CODE_WORDS } from './fair-housing-euphemisms';
import { MAKEUP_CODE_WORDS } from './fair-housing-makeup';
import { EXTRA_CODE_WORDS } from './fair-housing-signals';
import { ORIGIN_WINK_CODE_WORDS } from './fair-housing-origin-winks';
import { NEUTRAL_STATEMENT } from './fair-housing-neutral';
import { DECLINES_TO_DISCLOSE } from './fair-housing-lawful';
import { PROXY_CODE_WORDS } from './fair-housing-proxies';

const re = (source: string): RegExp => new RegExp(source, 'i');
const W = String.raw`(?:[\w'-]+\s+)`;

/** Counting or characterizing a group: "mostly", "lots of", "too many", "no", "very", "other". */
export const QUANTIFIER = alt(
  'mostly',
  'mainly',
  'largely',
  'predominantly',
  'predominately',
  'primarily',
  'heavily',
  'overwhelmingly',
  'majority',
  'a lot of',
  'lots of',
  'plenty of',
  'several',
  'various',
  'tons of',
  'a bunch of',
  'bunch of',
  'full of',
  'filled with',
  'crawling with',
  'overrun (?:with|by)',
  'too many',
  'so many',
  'how many',
  'many',
  'more',
  'most',
  'fewer',
  'fewest',
  'few',
  'less',
  'least',
  'no',
  'not many',
  'any',
  'hardly any',
  'all',
  'only',
  'very',
  'really',
  'pretty',
  'quite',
  'too',
  'so',
  'big',
  'large',
  'growing',
  'sizable',
  'skews?',
  'increasingly',
  'other',
  'without',
  'become',
  'becoming',
  'getting',
);

/** Turning someone away, or keeping away from a group or place. */
export const EXCLUDE = re(
  String.raw`\b(?:refus\w*|reject\w*|declin\w*|deny|turn(?:ing)?\s+${W}{0,2}?down|pass(?:ing)? on|we'?ll pass|skip|avoid\w*|screen\w* out|weed\w* out|filter out|exclud\w*|keep\s+${W}{0,2}?(?:out|away)|keep\s+${W}{3,7}?(?:out of|away from)|(?:be|being|go|going|get|getting) (?:really |very |a bit |a little )?slow (?:getting back|responding|replying|to (?:respond|reply|answer|get back|call back))|take (?:my|our|his|her|their) (?:sweet )?time (?:getting back|responding|replying)|(?:a )?(?:bad|poor|wrong) (?:fit|match)|(?:toward|towards|to) (?:other|another|different) (?:complex|building|unit|place|propert|listing|area|neighbou?rhood|communit|street|block)\w*|stay (?:out|away|clear)|steer\s+${W}{0,2}?(?:away|clear|elsewhere)|drag\w* (?:our|my|their|your|his|her) feet|drag\w* out|(?:went|gone|goes|go|leased|rented|sold) to (?:someone|somebody|another|a different)|(?:not|wo ?n'?t|do ?n'?t|never) (?:forward|pass along|submit|present)\w*|until (?:the |all the )?other (?:applicants?|offers?|buyers?|tenants?)|offer (?:them |him |her )?nothing else|(?:do ?n'?t|do not|never) (?:offer|show) (?:them|him|her) (?:anything|any other|another)|sit(?:ting)? on (?:their|the|that|this|his|her) (?:offer|application|file)|slow[- ]walk\w*|hold\s+${W}{1,8}?until (?:last|the end)|says? no|rather not|move on|(?:been|already|was just|were just|just got|got) (?:leased|rented|taken|sold)|(?:is|'s) not (?:available|accessible)|prefer(?:s|red)? not|(?:do ?n'?t|does ?n'?t|do not|does not|won'?t|will not|wouldn'?t|would not|never|not|ca ?n'?t) (?:really )?(?:want|like|sell|rent|lease|show|accept|allow|entertain|look at|review|respond to|take|consider|approve|let|bother|deal|live|be near|be around|work with)|not (?:renting|selling|showing|leasing|accepting)|(?:is|are|'s) (?:already )?(?:taken|gone|rented|unavailable)|let (?:it|them|the offer) sit|find a reason|(?:not|never|wo ?n'?t|do ?n'?t|will not|do not) (?:\w+ )?(?:call|get|text|write|email) (?:them|him|her|the agent|their agent|it)? ?back|(?:not|never|wo ?n'?t|do ?n'?t) (?:return|answer) (?:their|his|her|the|those) (?:calls?|emails?|texts?|messages?)|ghost\w*|(?:already|now) (?:have|got) (?:someone|somebody|a (?:tenant|buyer|renter|taker))|go with (?:another|the other)|hold out|wait for (?:someone|another|a different)|uncomfortable|a risk|liabilit\w+|ruin|wreck|wear\s+${W}{0,2}?down|deal ?breaker|counter(?:ing)?|tell(?:ing|s)? (?:the|that|this|her|him|them|their|his) (?:[\w'-]+ ){0,8}?(?:that )?(?:we have|(?:we|i) (?:already|just) |(?:we|i) (?:went|signed|rented|leased|sold|found)\b|(?:we|i)'?ve (?:already )?(?:got|found|signed|rented|leased)|it'?s|the (?:unit|place|apartment|house|home|room|condo|building)|there'?s|there is|there are)|disruptive|a (?:hassle|burden|headache|problem tenant)|get rid of|push back|cancel|surrounded|go elsewhere|look elsewhere|(?:look|go|try|search|shop) (?:somewhere|someplace|some place) else|discourag\w*|price\s+${W}{0,2}?out|raise the (?:deposit|rent|price)|(?:counter|take|accept|go with|prefer|choose|pick|push) the other (?:offer|buyer|applicant)s?|(?:be|live|stay|keep\s+\w+|get)\s+(?:\w+\s+)?away from|far (?:away )?from|not (?:so |too |very |that |right )?(?:near|close to|next to)|(?:choose|pick|select|find|go with|look for|went with|going with)\s+(?:another|a different|someone else|somebody else)|no ?(?:one|body) (?:with|who|that)|(?:done|through|finished) (?:renting|selling|leasing|dealing|working)|find (?:me |us )?(?:someone|somebody) else|(?:ca ?n'?t|cannot|won'?t|will not) have|(?:is|'s|are) (?:already |now )?(?:full|booked|spoken for|no longer available|under contract|pending)|(?:i'?m|im|we'?re|i am|we are) not (?:really )?interested|turn\w*\s+${W}{0,2}?away|(?:is ?n'?t|is not|not|are ?n'?t|are not) (?:safe|suitable|appropriate|a good fit|right|ideal|meant) for (?:kids|children|families|babies|them|her|him|people)|suggest (?:somewhere|someplace|another place|a different (?:place|building|unit)) ?(?:else)?|(?:rather|prefer to|want to|going to|'d) (?:find|get|go with|pick|choose|look for) (?:someone|somebody|a different|another)|end (?:the|her|his|their) lease|terminat\w+|evict\w*|kick\w* (?:\w+ )?out|(?:not|won'?t|don'?t) renew|non-?renew\w*|no (?:tenants?|renters?|applicants?|buyers?|people|roommates?) (?:with|who|that)|(?:probably |really |just )?(?:not|is ?n'?t|are ?n'?t|would ?n'?t|wo ?n'?t) (?:really )?(?:for|right for|ideal for|a fit for|suited (?:for|to)) (?:you|them|him|her|people))\b`,
);

/** Wanting or fitting a particular kind of person: "prefer", "only", "ideal for", "target". */
export const PREFER = re(
  String.raw`\b(?:prefer\w*|rather|only|steer(?:s|ed|ing)? (?!clear|away)|feel (?:better|safer|more comfortable) (?:\w+ing|with|if|when)|make sure|ensure|as long as|just want|want\w*|wish|hoping for|hope for|looking for|seeking|needs?(?! to (?:allow|accept|permit|let|accommodate|make|grant|approve))|require\w*|ideal(?:ly)?|perfect for|great for|good for|best for|better for|(?:better )?suited|suitable for|meant for|target\w*|prioriti[sz]\w*|(?:safer|better|smarter|best|right|wiser) (?:choice|pick|bet|option)|favou?r\w*|market\w* (?:it |the home |the unit )?to|advertis\w*|should be|must be|has to be|exclusively|reserved for|more of an?|(?:lease|rent|sell)(?:s|ing)? (?:it |the (?:unit|home|house|place|room|apartment|condo) )?to|go with|choose|pick|lean\w* (?:toward|towards|to)|instead|rather than|over (?:the|that|this|a) (?:[\w'-]+ ){0,2}?(?:family|buyer|couple|offer|applicant|tenant|renter|man|woman|guy|lady|one)s?(?:'s)?)\b`,
);

/** Where someone would fit, belong or feel at home — choosing a place by who lives there. */
export const FIT = re(
  String.raw`\b(?:fit (?:right )?in\w*|fit into|feel (?:more |right |most |so )?(?:at home|at ease|comfortable|welcome\w*|accepted|safe)|feel (?:more |right |just )?like home|be (?:a lot |a bit |much |far |so )?(?:more |most )?(?:comfortable|welcome\w*|accepted|at home)|blend in|stick out|(?:feel|look|be) (?:a bit |a little |kind of |so |totally )?out of place|belong(?! to)|(?:get|be|feel) (?:hassled|harassed|bothered|targeted|judged|treated (?:badly|differently))|stand out|(?:a )?(?:better|good|great|perfect|best|right|natural) (?:fit|match)|(?:not|n'?t) (?:be )?(?:thrilled|happy|excited|pleased|glad|keen) (?:to have|about having|with) (?:you|them|him|her)|suits? (?:you|them) better|more (?:your|their) (?:speed|style|kind)|happier|better off|more at home|welcoming|accepting|tolerant|friendly to|among|around other|surrounded by|(?:live|be|stay) (?:near|around|among|next to|close to) (?:other|people|families|folks)|grow up around|(?:not|isn'?t|wouldn'?t be) (?:really |probably |the )?(?:for|right for|ideal for|a fit for|suited (?:for|to)) (?:you|them|him|her))\b`,
);

/** Suggesting an area (not a home's features): "focus on Fort Lee", "point them to Edison". */
export const SUGGEST_AREA = re(
  String.raw`\b(?:focus\w*|look\w* (?:in|at)|stick (?:to|with)|steer\w*|point\w*|send|recommend\w*|suggest\w*|try|check out|show (?:you|them|him|her|me|us) (?:only )?|keep (?:us|them|you) in|put (?:you|them|him|her) (?:on|in)|(?:lead|start|begin) with|show\w*\s+${W}{1,3}?(?:around|in|near|only))\s+${W}{0,4}?(?:(?:${PLACE_NOUN})\b|<place>)`,
);

/** Preferring or choosing an area for someone ("you'd prefer Hyde Park"): steering when an agent or the model says it. */
export const PREFER_AREA = re(
  String.raw`\b(?:prefer\w*|like|love|want|choose|consider|pick|go with|happier in|better in|belong in)\s+${W}{0,3}?(?:(?:${PLACE_NOUN})\b|<place>)`,
);

/** Asking where or which area, for someone. */
export const WHERE_QUESTION = re(
  String.raw`\b(?:where (?:would|should|do|does|could|can|might|will)|where (?:we|they|i|you)'?d|which (?:neighbou?rhoods?|areas?|parts?|suburbs?|towns?|streets?|side)|what (?:neighbou?rhoods?|areas?|part))\b`,
);

/** Asking about a person's class: "can I ask if they are gay", "find out if the neighbors are Christian". */
export const INQUIRY = re(
  String.raw`^\s*(?:are|is|was|were)\s+(?:any|all|either|both|some|none|the|those|these|they|he|she|your|their|his|her)\b[^?]*\?|\b(?:(?<!\b(?:she|he|they|who|buyers?|tenants?|renters?|applicants?|clients?|agents?|lenders?|lawyers?|attorneys?|brokers?|sellers?|landlords?|owners?|parents?|wife|husband|partner|someone|somebody)\s+)(?:ask|asking|asked)\s+(?!(?:the )?(?:sellers?|landlords?|owners?|hoa|board|city|county|inspectors?|lenders?|listing agent|builders?|management|property manager)\b)${W}{0,3}?(?:if|whether|what|about|where|how)|(?:ask|asking)\s+${W}{0,3}?for|find out|know (?:if|whether|what|their)|check (?:if|whether)|screen\w*|inquir\w*|question them|plans? to have|photo)\b`,
);

/** Declining to steer, or reminding of the law — clauses that name a class only to refuse to use it. */
const COMPLIANCE_ANY = re(
  String.raw`\b(?:(?<!\b(?:who|that|which|people|tenants|renters|buyers|applicants)\s+)(?:ca ?n'?t|cannot|can not|won'?t|will not|wouldn'?t|would not|not able to|unable to|should ?n'?t|should not|must not|mustn'?t|do ?n'?t|do not|does ?n'?t|does not|never|not allowed to|not permitted to|may not|(?:better|best|safer|wiser|smarter) not to|is ?n'?t allowed to|rather not|prefer not to|no)\s+(?!i\b|we\b)${W}{0,2}?(?:tell|say|describe|comment|require|demand|insist on|rank|rate|sort|judge|grade|compare|discuss|answer|share|steer\w*|characteri[sz]e|talk(?! (?:to|with) (?:them|him|her|those|these|people|folks|anyone|you|us|me|each other|the (?:neighbou?rs|people))\b)|speak(?! (?:to|with) (?:them|him|her|those|these|people|folks|anyone|you|us|me|each other|the (?:neighbou?rs|people))\b)(?! (?:(?:much|any|a word of|fluent|good|great|very good|a lot of|no|the) )?(?:english|spanish|chinese|mandarin|cantonese|arabic|korean|vietnamese|hindi|polish|creole|russian|french|tagalog|portuguese|italian|german|japanese|farsi|urdu|somali|the language)\b)|guess|point out|refuse|reject|deny|limit|exclude|discriminat\w*|turn\s+${W}{0,3}(?:down|away)|turn away|pass on|suggest|recommend|point|direct|filter|screen|select|sort|match|charge|factor|be a factor|be a reason|be part of|be used|matter|base|treat|advertise(?! (?:it |the \w+ |this \w+ )?(?:in|on|to) )|mention|use|ask|pick|choose|select|favou?r|prefer|track who|keep track of who|know who)|(?:is ?n'?t|is not|are ?n'?t|are not|not) (?:something|a thing|anything) (?:we|i|you|they) (?:(?:can|could|may|should|will|would|do|are allowed to|get to) )?(?:weigh|consider|use|factor|ask about|look at|take into account|screen|describe|judge|track|discuss|comment on|pick|choose|sort|speak to|talk about|answer|say|tell you|share|know)|(?:is ?n'?t|is not|are ?n'?t|are not|never|not|no) (?:a )?(?:valid |legitimate |legal |good |fair )?(?:reason|factor|basis|grounds)\b|(?:rather than|instead of) (?:opinions?|guess\w*|talk\w* about|comment\w*|describ\w*|speculat\w*|saying|characteri[sz]\w*)|without (?:mentioning|discussing|describing|saying|commenting on|referring to|naming|characteri[sz]ing|asking about|guessing)|(?:do|does) (?:i|we) (?:legally )?(?:have to|need to|required to) (?:ask|collect|report|record|track|disclose)|regardless of|irrespective of|whatever (?:the|their|your|his|her)|whether or not|no matter|(?:has|have) no bearing|nothing to do with|(?:is|are|would be|it'?s|that'?s) (?:illegal|unlawful|against the law|discriminat\w+|steering)|illegal|unlawful|violat\w+|(?:be|stay|keep (?:it|things|this)|is it|are we) (?:\w+ )?compliant|fair housing|against the law|(?:ca ?n'?t|cannot|can not|wo ?n'?t|will not|should ?n'?t|should not|not allowed to|may not|do ?n'?t|do not) (?:put|write|include|say|use|post)\b[^.]{0,60}?\b(?:in|on|into) (?:the|an|our|my|your|that|this) (?:listing|ad|ads|advert\w*|posting|post|description|mls|flyer|sign|remarks|copy)\b|(?:does ?n'?t|does not|wo ?n'?t|will not|not) (?:read|come across|look|sound|seem) (?:as|like) (?:a |an )?(?:preference|limitation|steering|discriminat\w*|exclusion)|follow (?:the )?(?:local |state |city |county |fair housing )?(?:code|law|laws|rules|guidelines|occupancy (?:standards|rules|code|limits?))|protected (?:class(?:es)?|characteristics?|categor(?:y|ies)|disabilit(?:y|ies)|status|traits?|group))\b`,
);

/** Compliance reminders typical of an agent or the model (a lead saying "every applicant" is not declining). */
const COMPLIANCE_ADVISOR = re(
  String.raw`\b(?:same (?:screening )?(?:criteria|standards?|way|rules)|every (?:applicant|buyer|offer|tenant)|equally|reasonable accommodations?|(?:must|need to|needs to|have to|has to|required to|obligated to) (?:allow|consider|accept|permit|treat|accommodate|approve|let|grant|waive)|(?:required|obligated) to|remind|explain (?:that|why)|let (?:them|the buyers?|the clients?|you|the renters?) (?:choose|decide|compare)|objective (?:data|facts|information|criteria)|public (?:data|school data|records)|as (?:you|they|she|he) (?:asked|requested)|you asked (?:for|about)|like (?:anyone|everyone|anybody) else|same as (?:anyone|everyone)|any other (?:applicant|buyer|tenant)s?|including (?:the|those|people|applicants|anyone|everyone|buyers|tenants))\b`,
);

export type Speaker = 'LEAD' | 'AGENT' | 'MODEL';

/** Whether a clause declines to steer or states the rule. */
export function isCompliance(clause: string, speaker: Speaker): boolean {
  return (
    COMPLIANCE_ANY.test(clause) ||
    NEUTRAL_STATEMENT.test(clause) ||
    DECLINES_TO_DISCLOSE.test(clause) ||
    (speaker !== 'LEAD' && COMPLIANCE_ADVISOR.test(clause))
  );
}

export interface CodeWord {
  cls?: FhClass;
  re: RegExp;
  /** Steering only next to a place or a place's quality ("a nice area, if you know what I mean"). */
  withPlace?: boolean;
  /** Steering only when an agent or the model says it (a lead naming their own faith states a need). */
  advisorOnly?: boolean;
  /** Matched on the raw text (lower-cased), where quotation marks survive. */
  onRaw?: boolean;
  /** Matched on the whole turn: the class and what is done about it may sit in different sentences. */
  onWhole?: boolean;
}

const PEOPLE = String.raw`(?:people|folks|famil(?:y|ies)|neighbou?rs?|clients|customers|couples|singles|households|homeowners|owners|buyers?|kids|children|tenants?|renters?|crowd|types|residents|element)`;

/** Code words: steering that names no class, or names it by proxy. */
export const CODE_WORDS: CodeWord[] = [
  {
    re: re(
      String.raw`\b(?:too|very|pretty|really|more|kind of|a little|a bit) urban\b|\b(?:south|north|east|west|other|wrong) side of the tracks\b|\bsouth of the tracks\b`,
    ),
    cls: 'RACE',
  },
  {
    re: re(
      String.raw`\b(?:reflects?|shares?) (?:our|my) values\b|\bfit (?:the|our|in with the) (?:character|culture|feel|vibe|makeup)\b`,
    ),
  },
  {
    re: re(
      String.raw`\b(?:everyone|everybody|most people|all the neighbou?rs|the whole (?:street|block|neighbou?rhood)) (?:goes|go) to (?:the same )?church\b|\bsame (?:[\w-]+ )?(?:church|parish|congregation|mosque|synagogue|temple)\b`,
    ),
    cls: 'RELIGION',
  },
  {
    re: re(
      String.raw`\blike[- ]minded\b|\bkeep (?:the|our|this|my) (?:neighbou?rhood|street|block|area|community|building) (?:the way it is|as it is|the same|like it is)\b`,
    ),
  },
  {
    re: re(
      String.raw`\b(?:buyers?|tenants?|renters?|applicants?|someone|somebody|family|people|folks) (?:who|that) (?:\w+ )?fits? in\b`,
    ),
  },
  {
    re: re(
      String.raw`\b(?:same|shared|similar) (?:values|beliefs|faith) as (?:us|me|ours|them)\b|\bgod[- ]fearing\b`,
    ),
    cls: 'RELIGION',
  },
  {
    re: re(
      String.raw`\b(?:limit|restrict)\w*\s+${W}{0,3}?to (?:adults|grown-?ups)\b|\b(?:adult|grown-?up) (?:tenants|residents|buyers) only\b|\bno minors\b|\bgrown-?up (?:building|complex|street|neighbou?rhood)\b`,
    ),
    cls: 'FAMILIAL_STATUS',
  },
  {
    re: re(
      String.raw`\b${PEOPLE} (?:(?:are|is|be) )?(?:just )?like (?:us|ours|me|them|you|yourself|yours|him|her)\b`,
    ),
  },
  {
    re: re(
      String.raw`\b(?:right|wrong|certain|better|good|same|our|my|your|their|a certain) (?:kind|type|sort|class|element)s? of ${PEOPLE}`,
    ),
  },
  { re: re(String.raw`\b(?:a |the )?certain (?:crowd|element|type|kind|clientele|demographic)\b`) },
  { re: re(String.raw`\b(?:our|my|their|your) (?:own )?(?:kind|type|people)\b`) },
  { re: re(String.raw`\b(?:their|your|his|her) own (?:community|communities|crowd|folks)\b`) },
  {
    re: re(
      String.raw`\blook\w* (?:more |less |a lot |just |exactly |nothing )?like (?:us|them|me|him|her|you|our|my|their)\b`,
    ),
  },
  { re: re(String.raw`\b(?:what|which) (?:kind|type|sort)s? of ${PEOPLE}`) },
  {
    re: re(
      String.raw`\bthe (?:kind|type|sort)s? of ${PEOPLE} (?:who|that) (?:go|goes|live|lives|hang|worship|pray|shop|come)`,
    ),
  },
  {
    re: re(
      String.raw`\bwho (?:actually |really |mostly )?(?:lives?|is living|are living|resides?|rents?|owns?|is moving|are moving|moves?) (?:there|here|in|on|around|nearby|next door)`,
    ),
  },
  {
    re: re(
      String.raw`\b(?:demographics?|racial|ethnic|cultural|religious) (?:makeup|make-up|mix|breakdown|composition|character|profile)\b|\bdemographic(?:s|ally)?\b(?! (?:forms?|surveys?|questionnaires?|data collection|reporting|reports?|info(?:rmation)? forms?))`,
    ),
    cls: 'RACE',
  },
  {
    re: re(
      String.raw`\b(?:urban (?:neighbou?rhoods?|areas?|parts?|element|crowd|renters|tenants|buyers|families|people|folks|types|youth|kids|residents|papers|newspapers|radio|stations|media|outlets|magazines|publications|press)|inner[- ]city|ghetto|the hood|bad element|undesirables?|those people|that element|that crowd|the projects|sketchy (?:people|element|crowd))\b`,
    ),
    cls: 'RACE',
  },
  {
    re: re(
      String.raw`\b(?:different|other|those|certain|more) (?:people|folks|families|types|kinds? of people|element|crowd)s?|\bnew (?:types|kinds? of people|element|crowd)s? (?:have been |are |started |keep )?(?:moving|coming|buying) (?:in|into)`,
    ),
    cls: 'RACE',
  },
  {
    re: re(
      String.raw`\b(?:demographics?|complexion|makeup|character|population) (?:has |have |had )?(?:really )?(?:changed|changing|shifted|shifting|turned|turning)|\b(?:changed|shifted) (?:a lot|so much)\b[^.?!]{0,40}\b(?:people|folks|moving in)`,
    ),
    cls: 'RACE',
  },
  { re: re(String.raw`\b(?:what|which) (?:religions?|faiths?|denominations?)\b`), cls: 'RELIGION' },
  { re: re(String.raw`\b(?:what|which) (?:races?|ethnicit(?:y|ies)|colou?r (?:are|is))\b`), cls: 'RACE' },
  {
    re: re(String.raw`\b(?:what|which) (?:nationalit(?:y|ies)|countr(?:y|ies) (?:are|is|do|does))\b`),
    cls: 'NATIONAL_ORIGIN',
  },
  { re: re(String.raw`\b(?:culturally|ethnically|racially|demographically)\b`), cls: 'RACE' },
  { re: re(String.raw`\b(?:taken over|being taken over|overrun) by\b`), cls: 'NATIONAL_ORIGIN' },
  {
    re: re(
      String.raw`\b(?:share|sharing) (?:our|my|their|your|the same) (?:faith|religion|beliefs|values)\b|\b(?:christian|religious|godly|church) values\b`,
    ),
    cls: 'RELIGION',
  },
  {
    re: re(
      String.raw`\b(?:share|sharing) (?:our|my|their|your|the same) (?:background|culture|heritage|roots)\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    re: re(
      String.raw`\b(?:from|of) (?:our|my|their|your) (?:own )?(?:country|homeland|culture|background|part of the world)\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    re: re(
      String.raw`\b(?:people|folks|families|neighbou?rs) (?:of|with) (?:your|their|our|my|the same|similar) (?:faith|religion|beliefs|church)\b`,
    ),
    cls: 'RELIGION',
  },
  {
    re: re(
      String.raw`\b(?:people|folks|families|neighbou?rs) (?:of|with) (?:your|their|our|my|the same|similar) (?:race|ethnicity|colou?r|skin|background)\b`,
    ),
    cls: 'RACE',
  },
  {
    re: re(
      String.raw`\b(?:only|the only) (?:\w+ )?(?:face|family|person|one) (?:like|of colou?r)\b|\bthe only (?:brown|black|white|asian|hispanic|latin[oa]|dark|light|jewish|muslim|christian|gay|immigrant) (?:face|family|person|one|girl|guy|kid|woman|man|lady|couple|people|folks|house(?:hold)?)s?\b`,
    ),
    cls: 'COLOR',
  },
  { re: re(String.raw`\btraditional (?:couple|family|families|marriage|household)\b`), cls: 'SEX' },
  {
    re: re(
      String.raw`\b(?:married couple|husband and wife) only\b|\bonly (?:to )?(?:a )?(?:nice )?married couples?\b`,
    ),
    cls: 'SEX',
  },
  {
    re: re(String.raw`\b(?:international|foreign|ethnic) (?:now|these days|lately)\b`),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    re: re(
      String.raw`\b(?:(?:if you )?(?:know|catch|get|see) (?:what i mean|who i mean|who we mean|what we mean|which ones i mean|my drift|my meaning|what i'?m (?:saying|getting at))|read between the lines|you understand|you get it|you know the (?:type|kind|sort)(?! of)|you feel me|you know how it is|wink)\b`,
    ),
    withPlace: true,
  },
  ...EXTRA_CODE_WORDS,
  ...MAKEUP_CODE_WORDS,
  ...CONTINUITY_CODE_WORDS,
  ...EUPHEMISM_CODE_WORDS,
  ...ORIGIN_WINK_CODE_WORDS,
  ...PROXY_CODE_WORDS,
  DISCLOSED_COLOUR,
  PICTURE_TO_DECIDER,
];
