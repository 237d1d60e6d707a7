/**
 * Indirect objection cues: the ways leads object without the textbook words ("seems steep", "can't swing it",
 * "how do I know", "Zillow offered to buy it", "can we pick this back up later"). Merged into OBJECTION_CUES.
 * Patterns are built from small word families (verbs, subjects, fee words) rather than fixed sentences.
 */
import { ObjectionType } from '../../../core/vocabulary';
import { cue as c, type Cue } from './cues';

/** Words for the agent's pay. */
const FEE = '(?:fees?|commissions?|rate|cut|percentage|compensation)';
/** Companies and channels that compete with a traditional agent. */
const BRANDS =
  '(?:zillow|redfin|opendoor|offerpad|compass|an? (?:investor|cash buyer|builder|company|flipper|wholesaler)|some (?:investor|company|guy)|we buy houses|ibuyer)';
/** "we" / "I" as the subject of a clause. */
const WE = "(?:we|i|we'?re|i'?m|we'?ve|i'?ve|we'?d|i'?d|we'?ll|i'?ll)";

export const INDIRECT_OBJECTION_CUES: Record<ObjectionType, Cue[]> = {
  [ObjectionType.COMMISSION]: [
    c(
      new RegExp(
        `\\b(?:what'?s|what is|how much is|how much do you charge|what do you charge|is) (?:your|the) (?:listing |agent |buyer'?s? )?${FEE}\\b|\\b(?:your|the agent'?s?) ${FEE}\\b[^.?!]*\\b(?:negotiable|flexible|wiggle room|come down|budge)\\b`,
        'i',
      ),
      1,
      'fee_question',
    ),
    c(
      /\b(?:saved|save|saving) (?:a ton|a lot|thousands|\$?\d+k?)\b[^.?!]*\b(?:commission|fee|broker|agent)\b|\b(?:commission|fee|broker|agent)\b[^.?!]*\b(?:saved|save|saving) (?:a ton|a lot|thousands|\$?\d+k?)\b/i,
      1,
      'savings_comparison',
    ),
    c(/\b\d+(?:\.\d+)?\s*(?:%|percent)\s+(?:broker|agent|realtor|company|listing)\b/i, 1, 'discount_rate'),
    c(
      /\b(?:charge|charges|charging|take|takes|taking|do it for|list it for)\s+(?:only\s+|just\s+)?\d(?:\.\d+)?\b[^%\dk]/i,
      1,
      'fee_comparison',
    ),
    c(
      /\b(?:can|could|will|would) (?:you|u) (?:beat|match|do better than|meet) (?:that|it|this|their|theirs|hers|his)\b/i,
      1,
      'match_request',
    ),
  ],
  [ObjectionType.COMPETITOR]: [
    c(
      new RegExp(
        `\\b${BRANDS}\\b[^.?!]{0,30}\\b(?:offered|offering|made (?:us |me )?an offer|wants? to buy|will buy|would buy)\\b`,
        'i',
      ),
      2,
      'ibuyer_offer',
    ),
    c(
      /\b(?:go|work|deal|buy|do it|handle it)\s+(?:it\s+)?(?:through|with|directly (?:with|through)|straight (?:with|through))\s+(?:the\s+)?(?:seller'?s'?|listing|builder'?s?)\s+(?:agent|realtor|rep|sales\s?(?:person|rep|office))\b/i,
      2,
      'direct_to_listing_agent',
    ),
    c(
      /\b(?:also|already|still) (?:meeting|talking|interviewing|speaking|working)\s+(?:with|to)\s+(?:a |an |some |two |three |a few |a couple (?:of )?)?(?:other |another )?(?:agents?|realtors?|brokers?|companies|brokerages?)\b/i,
      2,
      'shopping_agents',
    ),
    c(
      new RegExp(
        `\\b${BRANDS}\\b[^.?!]{0,30}\\b(?:sent|gave|quoted|emailed|texted)\\b[^.?!]{0,20}\\b(?:number|offer|quote|price)\\b`,
        'i',
      ),
      2,
      'ibuyer_offer',
    ),
    c(
      /\bwhy (?:even |would (?:we|i) |should (?:we|i) )?bother (?:listing|with an agent|hiring)\b/i,
      1,
      'why_you',
    ),
  ],
  [ObjectionType.TRUST]: [
    c(
      /\b(?:reviews?|testimonials?|references?|track record|past clients?)\b[^.?!]*\?|\bcan (?:i|we) (?:see|read|check|look at) (?:your |some |any )?(?:reviews?|testimonials?|references?|track record)\b/i,
      1,
      'proof_request',
    ),
    c(
      /\b(?:bad|terrible|awful|horrible|rough|negative) (?:experience|time|agent|realtor)\b|\b(?:last|previous|old|other) (?:agent|realtor|broker) (?:was|did|didn'?t|never|just|totally|really)\b/i,
      1,
      'bad_past_experience',
    ),
    c(
      /\b(?:have|has) (?:you|u) (?:actually|ever|even|really) (?:sold|listed|closed|done|worked)\b|\byou (?:look|seem|sound) (?:really |pretty |kind of |kinda |so )?(?:young|new|green|inexperienced)\b|\bcareful (?:who|which agent|what agent) (?:we|i)\b/i,
      1,
      'credibility_doubt',
    ),
    c(
      /\bhow (?:do|can|would|will) (?:i|we) (?:know|be sure|tell)\b[^.?!]*\b(?:you|u|your)\b|\bwhat (?:makes|would make) (?:you|your \w+) (?:different|better)\b/i,
      2,
      'credibility_question',
    ),
    c(
      /\b(?:wary|leery|skeptical|sceptical|suspicious|cautious|distrustful) (?:of|about|with|around) (?:agents?|realtors?|brokers?|you|salespeople)\b|\b(?:not much|little|enough|limited|no) (?:real )?experience\b|\binexperienced\b/i,
      2,
      'credibility_doubt',
    ),
    c(
      /\bthe (?:one|agent|realtor|guy|lady|woman|broker) (?:we|i) (?:used|had|worked with|hired)\b|\b(?:pushed|pressured|rushed|talked) (?:us|me) (?:in)?to\b/i,
      1,
      'bad_past_experience',
    ),
  ],
  [ObjectionType.JUST_LOOKING]: [
    c(
      /\b(?:nowhere near|not even close to|far from) (?:ready|buying|selling|listing|moving)\b|\bnot (?:planning|looking|trying) to (?:buy|sell|list|move) (?:any ?time soon|soon|yet|right now)\b/i,
      2,
      'not_in_market',
    ),
    c(
      /\b(?:just|only|kinda|kind of|sort of) (?:seeing|checking|getting a feel for|poking around|looking at) what(?:'s| is) (?:out there|available|on the market)\b|\bget(?:ting)? a (?:feel|sense) for (?:the market|prices|what'?s out there)\b/i,
      2,
      'browsing',
    ),
    c(
      /\bno rush\b|\bno hurry\b|\bno timeline\b|\bin no (?:rush|hurry)\b|\b(?:someday|some day|one day)\b/i,
      1,
      'curiosity',
    ),
    c(
      /\bnot (?:really |actually |even )?(?:house[- ]?hunting|home[- ]?shopping|shopping|in the market)\b|\bjust (?:dreaming|daydreaming|like looking|love looking|enjoy looking|nosy|nosing around)\b|\bjust wanted to (?:see|know|check) (?:the|a|what|our|my) (?:number|value|price|estimate|worth)\b/i,
      2,
      'browsing',
    ),
  ],
  [ObjectionType.TIMING]: [
    c(
      /\b(?:pick (?:this|it|things) (?:back )?up|revisit (?:this|it)|come back to (?:this|it)|reconnect|touch base|talk again)\b[^.?!]*\b(?:later|in a (?:few|couple)|next (?:year|month|spring|summer|fall|winter)|after)\b|\bnot (?:the|a) (?:right|good|great|best) (?:time|moment)\b|\b(?:bad|terrible|crazy) time\b/i,
      2,
      'not_now',
    ),
    c(
      /\b(?:second|third|fourth|fifth|another|yet another|one more|\d+(?:st|nd|rd|th)) (?:delay|extension|postponement)\b|\banother (?:week|few days|day|month)\s*\?/i,
      1,
      'delay_frustration',
    ),
    c(
      /\b(?:considering|thinking (?:about|of)|ready to|about to|might|may|could|will|going to|gonna)\s+(?:just\s+|seriously\s+)?(?:walk(?:ing)? away|back(?:ing)? out|pull(?:ing)? out|cancel(?:ling|ing)?(?: the (?:deal|contract))?|terminat(?:e|ing))\b/i,
      2,
      'walk_threat',
    ),
    c(
      /\b(?:moved|pushed|delayed|bumped|changed|rescheduled|postponed|slipped)\s+(?:back\s+|out\s+)?again\b|\bcan'?t keep happening\b/i,
      2,
      'delay_frustration',
    ),
    c(
      /\b(?:let'?s|lets) not rush\b|\b(?:don'?t|do not) want to rush\b|\bgive (?:us|me) (?:some|a little|more|a bit of) time\b|\b(?:isn'?t|is not|not|aren'?t|are not) (?:\w+ )?sure (?:\w+ ){0,2}(?:wants? to|ready to|if (?:we|i) want)\b/i,
      2,
      'not_now',
    ),
    c(
      new RegExp(
        `\\b(?:lease|rental|school year|contract at work|job)\\b[^.?!]{0,40}\\b(?:doesn'?t|does not|won'?t|isn'?t|not)\\s+(?:end|up|over|done|finish)\\w*\\b|\\b${WE} (?:locked into|stuck in) (?:a|our) lease\\b`,
        'i',
      ),
      1,
      'lease_constraint',
    ),
    c(
      /\b(?:not|isn'?t|aren'?t) (?:ready|the right time|a priority)\b|\bno point (?:looking|listing|starting)\b/i,
      1,
      'not_ready',
    ),
  ],
  [ObjectionType.PRICE]: [
    c(
      /\b(?:comps?|comparables?|numbers?|market|appraisal)\b[^.?!]{0,20}\b(?:don'?t|doesn'?t|do not|does not|won'?t)\s+(?:support|justify|back (?:that|it) up)\b/i,
      2,
      'comps_disagree',
    ),
    c(
      /\b(?:can'?t|cannot|couldn'?t|won'?t be able to|no way we can|not able to)\s+(?:really\s+)?(?:swing|stretch (?:to|that)|handle|manage|justify|stomach)\s+(?:that|it|this|those|\$?\d)/i,
      2,
      'cannot_afford',
    ),
    c(
      /\b(?:a lot |way |much |far )?more than (?:we|i) (?:planned|budgeted|expected|figured|bargained)(?: on| for)?\b/i,
      2,
      'over_plan',
    ),
    c(
      /\b(?:asking|want(?:ing)?|charging) (?:way |far |a bit |a little )?too much\b|\bwiggle room\b|\b(?:room|flex|flexibility) on (?:the )?price\b|\b(?:seems?|feels?|looks?|sounds?|that'?s|kinda|kind of|pretty|a bit|a little)\s+(?:\w+\s+)?(?:steep|pricey|overpriced)\b|\b(?:seems?|feels?|looks?|sounds?)\s+(?:\w+\s+)?high\b/i,
      2,
      'price_feels_high',
    ),
  ],
};
