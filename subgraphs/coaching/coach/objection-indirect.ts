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
  '(?:zillow|redfin|opendoor|offerpad|compass|an? (?:investor|cash buyer|builder|company|flipper|wholesaler)|some (?:investor|company|guy)|we[- ]buy[- ]houses|ibuyer)';
/** "we" / "I" as the subject of a clause. */
const WE = "(?:we|i|we'?re|i'?m|we'?ve|i'?ve|we'?d|i'?d|we'?ll|i'?ll)";
/** A rate said in digits or in words ("2.5%", "two and a half percent", "six percent"). */
const PCT =
  '(?:\\d+(?:\\.\\d+)?\\s*(?:%|percent)|(?:one|two|three|four|five|six|seven)(?:[- ](?:and[- ]a[- ]half|point[- ]\\w+))? percent)';
/** Another party the lead is weighing instead of the agent: a person, an agent or a company. */
const RIVAL =
  '(?:guy|gal|lady|woman|man|agent|realtor|broker|team|company|firm|brokerage|investor|outfit|auction(?:eer| company| house)?|wholesaler)';

export const INDIRECT_OBJECTION_CUES: Record<ObjectionType, Cue[]> = {
  [ObjectionType.COMMISSION]: [
    c(
      new RegExp(
        `\\b(?:what'?s|what is|how much is|how much do you charge|what do you charge|is) (?:your|the) (?:listing |agent |buyer'?s? )?${FEE}\\b|\\b(?:how much|what) (?:do|would|will) (?:you|u) charge\\b|\\b(?:your|the agent'?s?) ${FEE}\\b[^.?!]*\\b(?:negotiable|flexible|wiggle room|come down|budge)\\b`,
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
    // A rate (in digits or words) called too much, or refused: "two and a half percent is a lot", "if it's 6% forget it".
    c(
      new RegExp(
        `\\b${PCT}[^.?!]{0,60}\\b(?:is (?:a lot|too much|steep|crazy|insane|ridiculous)|forget(?: (?:it|about it))?|no way|not happening|that'?s a (?:car|lot|new roof)|can'?t justify)\\b|\\b(?:forget (?:it|about it)|no way)\\b[^.?!]{0,30}\\b${PCT}`,
        'i',
      ),
      2,
      'commission_pushback',
    ),
    // The lead works out what the rate costs them ("5% of 875 is almost 44k", "your 3% would be over eleven thousand").
    c(
      new RegExp(
        `\\b${PCT} of (?:\\$?\\d|the|our|a|that|what)|\\byour ${PCT} (?:would|will|is|comes)\\b`,
        'i',
      ),
      2,
      'fee_cost',
    ),
    // A counter-rate said in words or digits right after a rate: "can you do two", "we were thinking 4 max".
    c(
      new RegExp(
        `\\b${PCT}[^\\n]{0,100}?\\b(?:(?:can|could|would|will) (?:you|u) (?:do|go|take|accept)|(?:thinking|hoping|figured|expecting)(?: (?:more like|closer to|around))?|(?:i|we)(?:'?ll| will| can|'?d| would) (?:do|pay|go|offer|agree to|sign (?:at|for))) (?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six)\\b`,
        'i',
      ),
      2,
      'fee_counter',
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
    // Meeting or talking with another party: "we met with a guy from eXp", "we'll meet with the agent who …".
    c(
      new RegExp(
        `\\b(?:met|meet|meeting|talked|talking|spoke|speaking|sat down|interview\\w*) (?:with|to) (?:a|an|another|some|this|that|the) (?:other )?${RIVAL}\\b`,
        'i',
      ),
      2,
      'comparing_agents',
    ),
    // Someone else's promise: "he says he can get us 1.9", "an auction company says they can sell it in 30 days".
    c(
      new RegExp(
        `\\b(?:${RIVAL}s?|he|she|they)\\b[^.?!]{0,40}\\b(?:says?|said|claims?|claimed|promis\\w+|swears?|told (?:us|me)) (?:that )?(?:he|she|they|it)(?:'?ll| can| could| will| would)\\b[^.?!]{0,12}\\b(?:get|sell|list|buy|close|net|do)\\b`,
        'i',
      ),
      2,
      'rival_promise',
    ),
    // A rival's local record: "the agent who sold three houses on our block", "has sold eleven homes in our subdivision".
    c(
      /\b(?:sold|listed|closed)(?: (?:\w+|\d+)){0,2} (?:homes|houses|properties|listings|units|condos|places)\b[^.?!]{0,25}\b(?:in|on|around) (?:our|the|this|my) (?:neighbou?rhood|subdivision|street|block|building|area|development|complex|community|cuadra)\b/i,
      2,
      'rival_track_record',
    ),
    // Leaning to the rival: "he's looking pretty good right now", "she seems the obvious choice", "knows the area better".
    c(
      /\b(?:he|she|they|him|her|them)(?:'s| is| are|'re| seems?| looks?) (?:looking |like )?(?:pretty |really |very |the )?(?:good|better|obvious choice|clear choice|better choice|safer (?:bet|choice))\b|\bknows? (?:the|this) (?:area|neighbou?rhood|market) better\b/i,
      1,
      'leaning_elsewhere',
    ),
    // The lead will use someone else's agent: "we'll probably use their agent", "go with the other agent".
    c(
      new RegExp(
        `\\b(?:use|go with|work with|sign with|signed (?:up )?with|list with) (?:their|his|her|that|the other|a different|another) ${RIVAL}\\b`,
        'i',
      ),
      2,
      'going_elsewhere',
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
    // Doubt about the agent's competence: "not confident you have a handle on our file", "do you even know what …".
    c(
      /\bnot (?:\w+ )?(?:confident|sure|convinced) (?:that )?(?:you|u|your (?:office|team))(?:'?re| are| have| can| know)?\b[^.?!]{0,30}\b(?:handle|handling|on top of|know(?:s)? what|capable|able|competent|up to)\b|\b(?:lost|losing|dropped|dropping) confidence in (?:you|u|your)\b|\bdo (?:you|u) (?:even|actually) know what (?:you'?re|you are) doing\b/i,
      2,
      'competence_doubt',
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
    // Pointless before a date: "there's no sense in it yet", "not a day sooner", "no use starting until spring".
    c(
      /\bno (?:sense|point|use|reason) (?:in |to )?(?:\w+ ){0,3}?(?:yet|now|right now|until|till|before)\b|\bnot (?:a|one) (?:day|minute|week) (?:sooner|earlier|before)\b/i,
      2,
      'not_now',
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
