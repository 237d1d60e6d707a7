/**
 * Objection cue lexicons: each objection type has weighted cues; strong cues (2) decide alone,
 * weak cues (1) need company. General conversational patterns only.
 */
import { ObjectionType } from '../../../core/vocabulary';
import { cue as c, type Cue } from './cues';
import { INDIRECT_OBJECTION_CUES } from './objection-indirect';

/** Words that put a message in money territory (for generic complaints like "insane", "no way"). */
export const MONEY_CONTEXT =
  /\$|\b\d{2,3}k\b|\b\d{3}\b|\bprices?\b|\bpriced\b|\bafford\b|\bcosts?\b|\bbudget\b|\bpay(?:ing)?\b|\bworth\b|\bexpensive\b|\bsq\s?ft\b|\bcomps?\b/i;

const DIRECT_OBJECTION_CUES: Record<ObjectionType, Cue[]> = {
  [ObjectionType.COMMISSION]: [
    c(
      /\b(?:charges?|charging|charged|does it for|only takes?) (?:only |just )?\d+(?:\.\d+)?\s*(?:%|percent)?(?![\d,k])/i,
      1,
      'cheaper_rate',
    ),
    c(
      /\b(?:charges?|charging|fees? (?:is|are)|commission is) (?:way |much |a lot |so much )?(?:less|lower|cheaper)\b/i,
      2,
      'cheaper_rate',
    ),
    c(
      /\b(?:commissions?|listing fees?|your fee|agent fees?|buyer'?s? (?:agent )?fee|compensation|your cut)\b[^.?!]*\b(?:hard no|too (?:much|high|steep)|steep|expensive|lower|higher|more than|reduce|discount|negotiable|cut|less|flat|a lot|ridiculous|insane|no way|not paying|won'?t pay)/i,
      2,
      'commission_pushback',
    ),
    c(
      /\b(?:list|sell)\w*\s+(?:it\s+|the house\s+|our (?:house|home|place)\s+)?for (?:only |just )?\d+(?:\.\d+)?\s*(?:%|percent)|\b\d+(?:\.\d+)?\s*(?:%|percent) (?:listing|commission|fee)\b/i,
      2,
      'cheaper_rate',
    ),
    c(
      /\b(?:hard no|too (?:much|high|steep)|steep|expensive|lower|reduce|discount|less|no way)\b[^.?!]*\b(?:commission|fee|percent|%)/i,
      2,
      'commission_pushback',
    ),
    c(
      /\b\d+(?:\.\d+)?\s*%[^.?!]*\b(?:hard no|too (?:much|high)|a lot|steep|high|expensive|crazy|no way|ridiculous|insane|not paying|out of pocket)|\b(?:hard no|no way)\b[^.?!]*\d+(?:\.\d+)?\s*%/i,
      2,
      'commission_pushback',
    ),
    c(
      /\b(?:have to|need to|gotta|supposed to) pay (?:you|u|your fee|the agent|my agent)\b|\bout of (?:my |our )?pocket\b|\bi thought the seller pa(?:id|ys)\b|\bwhy (?:would|should) (?:i|we) pay (?:you|u)\b|\bwhy (?:would|should) (?:i|we) pay (?:you |u )?(?:more|that much|so much)\b/i,
      2,
      'who_pays_agent',
    ),
    c(
      /\b(?:could|can|would|will) (?:you|u) (?:do|go|take|work for|come down to|drop to)\s+(?:it for\s+)?\d+(?:\.\d+)?\s*(?:%|percent|flat)?/i,
      1,
      'fee_counter',
    ),
    c(
      /\b(?:discount broker|flat[- ]fee|1(?:\.5)?% (?:listing|broker)|cheaper (?:agent|broker|commission))\b/i,
      1,
      'discount_broker',
    ),
    c(
      /\b(?:rebate|refund|credit (?:back|me)|cash back|kick ?back)\b[^.?!]*\b(?:commission|fee)s?\b|\b(?:commission|fee)s?\b[^.?!]*\b(?:rebate|refund|cash back)\b/i,
      2,
      'rebate_request',
    ),
    c(/\b(?:can|could|will|would) (?:you|u) match (?:that|it|this|their|theirs)\b/i, 1, 'match_request'),
    c(
      /\bseems? (?:steep|high|like a lot)\b|\bfor basically\b|\bwhat do (?:i|we) get for (?:that|it)\b/i,
      1,
      'value_doubt',
    ),
  ],
  [ObjectionType.COMPETITOR]: [
    c(
      /\binterviewed\b|\bleaning (?:towards?|toward) (?:her|him|them|another|the other|going with)\b|\bgoing (?:to go )?with (?:another|someone else|a different|the other|her|him|them|opendoor|offerpad|redfin|compass|zillow)\b/i,
      2,
      'other_agent_interviewed',
    ),
    c(
      /^(?![\s\S]*\brefer)[\s\S]*?\b(?:friend|sister|brother|cousin|uncle|aunt|mom|dad|mother|father|relative|neighbou?r|coworker|co-worker|colleague|son|daughter|buddy|in[- ]law)s?\b[^.?!]{0,40}\b(?:licen[cs]e|realtor|real estate agent|an agent|is an? (?:agent|broker)|(?<!mortgage )broker)\b/i,
      2,
      'relative_agent',
    ),
    c(
      /\b(?:already (?:have|got|working with|talking to)|we have|we'?ve got|working with) (?:a|an|another|our own) (?:agent|realtor|broker)\b|(?<!\b(?:trust|believe|rely on) )\b(?:another|other|different) (?:agent|realtor|broker)s?\b/i,
      2,
      'has_other_agent',
    ),
    c(
      /\b(?:opendoor|offerpad|redfin|compass|keller williams|re\/?max|coldwell|century 21|exp realty|sotheby'?s|berkshire|ibuyer|we[- ]buy[- ]houses|cash buyer company)\b/i,
      1,
      'brand_mentioned',
    ),
    c(
      /\b(?:\d+|two|three|four|several|a few|a couple(?: of)?|other|multiple|some) (?:other |more )?(?:agents|realtors|brokers)\b|\b(?:talk|talking|speak|speaking|meet|meeting) (?:to|with) (?:other|more|a few|a couple(?: of)?|another)\b|\bthe other (?:agent|realtor|broker)\b/i,
      2,
      'comparing_agents',
    ),
    c(
      /\b(?:(?:don'?t|do not|not sure (?:we|i)|why (?:do|would|should) (?:we|i))\s+(?:even |really |actually )?need an? (?:agent|realtor|broker))\b|\bwithout an? (?:agent|realtor)\b|\b(?:do|doing|handle|handling|manage|managing)\s+it\s+(?:all\s+)?(?:ourselves|myself|ourself|on (?:our|my) own)\b|\bflat[- ]fee\s+(?:mls|listing|broker\w*|realtor|agent|company)\b|\blimited[- ]service\b|\bdiscount (?:broker\w*|realtor|agent)\b|\b(?:sold|sell|list)\w*\b[^.?!]{0,40}\b(?:himself|herself|themselves|ourselves|myself|on (?:our|my|their|his|her) own)\b/i,
      2,
      'diy_sale',
    ),
    c(
      /\b(?:working|going|sticking|staying|signed) with (?:someone|somebody) else\b|\balready (?:have|got|working with|signed with) (?:someone|somebody|an agent|a realtor|a broker)\b|\bcall the listing agent directly\b|\bgo (?:direct|straight) to the listing agent\b|\bwhy (?:i|we) (?:would |really |even )?need an? (?:buyer'?s? )?(?:agent|realtor)\b/i,
      2,
      'other_representation',
    ),
    c(
      /\boffered (?:us|me) \$?\d+(?:\.\d+)?k?\b|\b(?:can|could) (?:you|u) beat (?:that|it|this|their|theirs)\b/i,
      2,
      'outside_offer',
    ),
    c(
      /\b(?:offer|bid) from (?:a |an |the )?(?:cash|investor|ibuyer|[\w-]+ (?:company|investors?|buyers?))\b/i,
      2,
      'outside_offer',
    ),
    c(
      /\bif (?:we|i) (?:listed|list|went|go) (?:it )?(?:normally|traditionally|on the (?:open )?market|the traditional way|with (?:you|an agent))\b/i,
      1,
      'compare_paths',
    ),
    c(
      /\b(?:list|go|work|sign) with (?:her|him|them|my \w+|our \w+)\b|\b(?:she|he)(?:'s| is| will|'ll)? (?:going to |gonna )?(?:handle|help with|take care of|do) (?:it|that|the \w+)\b/i,
      1,
      'going_elsewhere',
    ),
    c(
      /\bcash offer\b|\binstant offer\b|\bsell (?:it )?(?:ourselves|myself|on our own)\b|\bfor sale by owner\b|\bfsbo\b|\bby owner\b/i,
      2,
      'alternative_to_listing',
    ),
    c(
      /\b(?:list|go|work|sign) with you instead\b|\bwhy (?:should|would) (?:i|we) (?:list|go|work|sign) with you\b/i,
      1,
      'why_you',
    ),
  ],
  [ObjectionType.TRUST]: [
    c(
      // "how do I know this link is legit? my cousin lost money to wire fraud": fear the request is not genuine.
      /\b(?:this|that|the|your) (?:link|email|e-mail|text|message|request|portal|website|site) (?:is |was |looks )?(?:legit|genuine|real|from you)\b/i,
      3,
      'fraud_fear',
    ),
    c(
      /\bwhy (?:should|would) (?:i|we) (?:believe|trust)\b|\bhow (?:am i|are we|can i|can we|do i|do we|is anyone) (?:\w+ )?(?:supposed|meant|expected) to (?:trust|believe)\b|\bhow (?:do|can|would|will) (?:i|we) know (?:you|u|that you|i can|we can)\b|\bcan (?:i|we) (?:really )?trust\b/i,
      2,
      'credibility_question',
    ),
    c(/\b(?:trust|believe) (?:you|u|a newer agent|a new agent|an agent)\b|\bdon'?t trust\b/i, 2, 'trust'),
    c(
      /\b(?:got|been) burned\b|\b(?:last|previous|old|former) (?:agent|realtor|broker)\b[^.?!]*\b(?:pushed|burned|lied|screwed|ghosted|bad|terrible|awful|didn'?t|never|totally did)\b|\bevery agent\b[^.?!]*\b(?:throws?|says|promises|tells)\b/i,
      2,
      'bad_past_experience',
    ),
    c(
      /\bonly \d+ (?:sales|deals|homes|listings|transactions)\b|\b(?:newer|new|young|rookie|inexperienced) agent\b|\bhow (?:long have you|many (?:homes|houses|deals|sales) have you)\b|\b(?:someone|somebody|an agent|a realtor) (?:with (?:more|a lot more) (?:experience|sales|years)|who(?:'s| has) (?:been doing (?:this|it)|more experience|done (?:this|more)))\b/i,
      2,
      'experience_doubt',
    ),
    c(
      /\bno offen[cs]e\b|\bno disrespect\b|\bjust to (?:close|get) (?:the|a) (?:deal|listing|sale)\b|\bpushing whatever\b|\bbuy(?:ing)? the listing\b|\bjust want (?:the|your) commission\b|\bscam\b/i,
      1,
      'skepticism',
    ),
    c(
      /\byou(?:'re| are)? (?:only |just )?(?:care[sd]?|caring|in it|looking out) (?:more )?(?:about|for) (?:the |your |a )?(?:closing|commission|money|sale|paycheck|check|yourself|you)\b|\b(?:playing|scamming|screwing|cheating|hustling) (?:us|me)\b|\btak(?:e|ing) advantage of (?:us|me)\b/i,
      2,
      'motive_doubt',
    ),
    c(
      /\b(?:don'?t|do not) know (?:who|whom|what) to (?:believe|trust)\b|\b(?:hiding|keeping|sneaking (?:in)?) (?:\w+ )?(?:something|things|stuff|fees|costs|charges)\b|\bwhat else (?:you'?re|you are|are you) (?:not telling|hiding)\b|\btold (?:us|me) what (?:we|i) wanted to hear\b|\b(?:not|isn'?t|aren'?t|wasn'?t|weren'?t) being (?:straight|honest|upfront) with (?:us|me)\b/i,
      2,
      'honesty_doubt',
    ),
    c(
      /\b(?:don'?t|do not|barely) (?:really |even )?know (?:you|u|anything about (?:you|u))\b/i,
      1,
      'unknown_agent',
    ),
  ],
  [ObjectionType.JUST_LOOKING]: [
    c(
      /\bjust (?:browsing|looking around|looking|curious|scroll\w*|checking|wondering|window shopping|seeing what)\b|\bfor fun\b|\bwindow shopping\b|\bdaydream\w*\b/i,
      2,
      'browsing',
    ),
    c(
      /\bnot (?:actually |really |even |currently )?(?:looking|trying|wanting|going|in the market|planning|ready) to (?:buy|sell|move|list)\b(?! (?:until|till|before|yet|her|him|them|the kids|my|our)\b)|\bnot (?:actually |really |even )?(?:selling|buying|moving|listing)(?! (?:till|until|before|for|yet|unless|below|under|at|less|lower|it (?:for|at|below|under)))\b|\bnot (?:signing|committing to) (?:any|anything|an?)\b|\bno (?:plans|intention) (?:to|of) (?:move|moving|buy|buying|sell|selling)\b/i,
      2,
      'not_in_market',
    ),
    c(
      /\b(?:pls|please|plz) (?:don'?t|do not) (?:call|contact|text|email)\b|\bstop (?:calling|texting|emailing)\b|\bdon'?t (?:call|contact) me\b/i,
      2,
      'no_contact',
    ),
    c(/\bkeep (?:us|me) (?:posted|in mind|in the loop)\b/i, 1, 'keep_posted'),
    c(/\b(?:just|only) (?:starting|beginning) to (?:look|browse)\b/i, 1, 'early_browsing'),
    c(
      /\b(?:killing|passing) time\b|\bnot going anywhere\b|\b(?:we'?re|i'?m) (?:good|happy|fine|staying) (?:where (?:we|i) (?:are|am)|here|put)\b/i,
      2,
      'staying_put_browsing',
    ),
    c(
      /\bnot serious\b|\bjust want(?:ed)? to (?:know|see) (?:what|how much)\b|\bout of curiosity\b|\bnot in (?:a|any) (?:hurry|rush)\b/i,
      1,
      'curiosity',
    ),
    c(
      /\bjust (?:want|need|wanted|looking for|curious about) (?:a|an) (?:ballpark|rough idea|idea|estimate|rough number|number)\b|\bballpark (?:figure|number|idea)? ?for now\b/i,
      2,
      'ballpark_only',
    ),
  ],
  [ObjectionType.TIMING]: [
    c(
      // "we're not putting the house on the market until school ends", "sell eventually but not til the kids finish".
      /\bnot (?:putting|going to put|gonna put) (?:[\w']+ ){0,6}?(?:on the market|up for sale) (?:until|till|til|before)\b|\bbut not (?:til|till|until|before)\b|\b(?:hit|call|text) me (?:up |back )?later\b/i,
      3,
      'deferral_until',
    ),
    c(
      // "if this drags past friday we're out, i want my earnest back": a delay with a walk-away threat.
      /\bif (?:this|it|that|they|the \w+) (?:drags|goes|slips|gets pushed|is delayed|isn'?t (?:done|closed))\b[^.?!]*\b(?:we'?re out|i'?m out|we walk|we'?re walking|back(?:ing)? out|cancel\w*)\b|\b(?:want|get|need) (?:my|our) (?:earnest(?: money)?|deposit|emd) back\b(?![^.!]*\?)/i,
      2,
      'walk_threat',
    ),
    c(
      /\bnot yet\b|\bnot ready\b|\bnot right now\b|\b(?:wait|waiting) (?:and see|until|till|for (?:rates|prices|the market|spring|summer|fall|next)|a (?:few|couple)|another|a bit|a while|on it)\b|\bhold(?:ing)? off\b|\bno point (?:doing|in)\b|\bnot the right time\b|\bdown the road\b|\bcircle back\b|\b(?:should|might|may|could|gonna|going to) (?:just )?wait\b|\bwait (?:a|another|one|1) (?:year|month|few months|couple)\b/i,
      2,
      'not_now',
    ),
    c(
      /\bnot (?:selling|buying|moving|listing|doing anything) (?:till|until|before|for another|for \d)\b|\b(?:won'?t|wont|not going to|aren'?t going to|not gonna) (?:buy|sell|list|move) (?:for another|until|till|before)\b|\brates (?:are )?(?:way )?too high\b|\bwait (?:for|until) (?:rates|prices)\b/i,
      2,
      'deferral',
    ),
    c(
      /\b(?:backing|back) out\b|\bwalk away from (?:the|this) (?:deal|contract)\b|\bcan ?not push\b|\bcan'?t push\b|\b(?:another|more) delays?\b|\bdelay(?:ed|s)? (?:again|with)\b|\bkeeps? (?:getting )?(?:pushed|delayed)\b|\btaking (?:too|so) long\b/i,
      2,
      'delay_frustration',
    ),
    c(
      /\b(?:supposed|scheduled|set|due) to close\b|\bclosing (?:is|was) (?:supposed to be|on|friday|monday|tomorrow)\b|\bstill (?:hasn'?t|haven'?t|no|not|waiting)\b|\bclear to close\b[^.?!]*\b(?:still|yet|hasn'?t|not)\b/i,
      1,
      'closing_slip',
    ),
    c(
      /\b(?:this|it|that)(?: i|'?)s (?:getting |becoming )?(?:ridiculous|unacceptable|insane|crazy|absurd)\b|\bfed up\b|\bsick of\b|\bso frustrated\b|\bunacceptable\b/i,
      1,
      'frustration',
    ),
    c(
      /\b(?:should|could|can) (?:we|i) (?:just )?(?:walk|back out|cancel|pull out|terminate)\b|\bit'?s been \d+ (?:days|weeks)\b/i,
      1,
      'stalled',
    ),
    c(
      /\bsit(?:ting)? tight\b|\bwait (?:it|this) out\b|\bride (?:it|this) out\b|\b(?:until|till|til) (?:they|rates|prices|the market|things) (?:come|go|drop|fall|settle|cool|calm)\b/i,
      2,
      'waiting_on_market',
    ),
    c(/\brates (?:are )?(?:killing|crushing|insane|crazy)\b/i, 1, 'rates_worry'),
    c(
      /\b(?:keep|keeping|stay|staying) (?:renting|put|where we are)\b|\bwait (?:a|another) (?:couple|few) (?:of )?years\b|\b(?:maybe|probably) in (?:a|one|two|a couple(?: of)?|a few) (?:years?)\b/i,
      2,
      'staying_put',
    ),
    c(/\bfor now\b/i, 1, 'for_now'),
    c(/\b(?:a few|a couple(?: of)?|several|some|\d+) more (?:months|years)\b/i, 2, 'more_time'),
    c(
      /\bmissed (?:\w+ )?(?:deadlines?|dates?)\b|\bif (?:we|they|this) (?:don'?t|doesn'?t|can'?t|won'?t) close (?:by|on|before)\b/i,
      2,
      'deadline_risk',
    ),
    c(
      /\b(?:running|run|ran) out of time\b|\btime is running out\b|\bcutting it (?:way |too |so |really )*close\b/i,
      2,
      'out_of_time',
    ),
    c(/\b(?:rate )?lock (?:expires|is expiring|runs out|ends|is up|lapses)\b/i, 2, 'rate_lock_deadline'),
    c(
      /\b(?:sleep on (?:it|this|that)|think (?:it|this|that) (?:over|through)|mull (?:it|this) over|need (?:some|more|a little) (?:more )?(?:time|space)(?: to (?:think|decide|talk))?|take (?:some|a little|more) time to (?:think|decide))\b/i,
      2,
      'wants_time_to_think',
    ),
    c(
      /\b(?:rent it out|keep it|stay put|stay|staying) instead of (?:selling|buying|moving)\b|\bdecided (?:to (?:wait|hold off|rent|keep|stay)|not to (?:sell|buy|move|list))\b|\b(?:pulling|taking) (?:it|the house|our house|the listing) off\b/i,
      2,
      'decided_to_wait',
    ),
    c(
      /\bif they push\b|\bpush (?:it|closing|this|the closing|the date) (?:back|out)\b|\bextension\b/i,
      1,
      'deadline_pressure',
    ),
    c(
      /\b(?:we'?re|we are|we'?ll|we will|i'?m|i am|i'?ll|i will) (?:walking|walk away|walking away|out|done|pulling out)\b/i,
      1,
      'walk_threat',
    ),
    c(
      /\bregret\b|\bare you kidding\b|\bthere has to be something\b|\bmovers are booked\b|\bgave notice\b/i,
      1,
      'pressure',
    ),
    c(
      /\bmaybe (?:next|in a) (?:year|spring|summer|fall|winter)\b|\bafter the holidays\b|\bnot in a hurry to (?:sell|buy|list)\b/i,
      1,
      'later',
    ),
  ],
  [ObjectionType.PRICE]: [
    c(
      // "redfin says it's worth 540 and you're telling me 499??": a valuation set against the agent's number.
      /\b(?:says?|said|shows?|estimates?) (?:it'?s |it is |my house is |our house is |the house is )?worth\b[^.?!]*\b(?:and|but) (?:you|u|ur|you'?re)(?:'re| are| r)? (?:telling|saying|want)\b/i,
      2,
      'valuation_against_agent',
    ),
    c(
      /\b(?:way |much |a bit |little )?too (?:low|high|much(?! (?:house|home|space|room|work|yard|upkeep|maintenance|stairs|for (?:us|me|her|him) to))|expensive|pricey)\b|\boverpriced\b|\bover ?priced\b|\bpriced out\b|\b(?:we|i) (?:just )?can'?t afford\b|\bout of (?:our|my) (?:budget|range|price range|league)\b|\b(?:lower|less) than (?:we|i) (?:hoped|expected|wanted|thought|were hoping|were expecting)\b|\bnever pay\b|\b(?:won'?t|wouldn'?t|not) (?:pay|paying) (?:that|\$?\d)|\blow ?ball\b|\bnot (?:listing|selling) (?:it )?(?:for )?(?:under|less|below)\b|\bworth (?:less|more) than (?:i|we) (?:think|thought)\b/i,
      2,
      'price_pushback',
    ),
    c(
      /\bmore than (?:we|i) (?:wanted|want|planned|hoped|can|could|were hoping) to (?:spend|pay)\b|\bover (?:our|my) budget\b|\b(?:would|will|'d|might) (?:they|the sellers?|the owners?) (?:take|accept|go|come) (?:less|lower|down)\b|\bany (?:chance|way) (?:they'?d|they would|they'?ll|the sellers?) (?:take|accept|come|go)\b/i,
      2,
      'wants_lower_price',
    ),
    c(
      /\b(?:not|won'?t|refuse to|no way (?:i'?m|we'?re)) (?:drop|dropping|lower|lowering|reduce|reducing|cut|cutting|come down on|coming down on) (?:the |my |our )?price\b|\bpay what it'?s worth\b|\b(?:the )?price (?:stays|is staying|isn'?t moving|won'?t move|is firm|stays put)\b|\bnot moving on (?:the )?price\b|\bgiv(?:e|ing) (?:it|the (?:house|place|home)|our (?:house|place|home)) away\b|\b(?:drop|dropp?ing|lower|lowering|reduc\w*|cut(?:ting)?) (?:it |the price |our price )?again\b/i,
      2,
      'refuses_reduction',
    ),
    c(
      /\b(?:came|come|coming) down\b[^.?!]*\d|\b(?:or|then) we(?:'ll| will)? walk\b|\b(?:best and )?final offer\b|\bnot (?:giving|paying|offering) (?:them )?(?:a |any |another )?(?:credit|penny|dime|more)\b|\bmeet (?:them )?in the middle\b|\brefus\w* to (?:budge|move|negotiate|come down)\b|\bwon'?t budge\b|\bapprais\w* (?:came in|is|was|came back) (?:\$?\d+k? )?(?:low|short|under)\b/i,
      2,
      'negotiation_stand',
    ),
    c(
      /\b(?:insane|ridiculous|crazy|absurd|highway robbery|rip ?off|robbery|outrageous)\b/i,
      1,
      'price_frustration',
    ),
    c(/\b(?:no way|not happening|not worth|depressing|give me a break)\b/i, 1, 'price_rejection'),
    c(
      /\b(?:we|i) (?:said|told you|mentioned)\b[^.?!]*\b(?:max|under|budget|\d{3}k?)\b/i,
      1,
      'budget_reminder',
    ),
    c(/\bway (?:over|above|out of|more than|past|beyond)\b/i, 1, 'way_over'),
    c(
      /\b(?:can'?t|cannot|won'?t|couldn'?t) (?:really )?(?:go|pay|spend|do) (?:over|above|more than|higher than|past|that much)\b|\btoo rich\b|\bout of (?:our|my) reach\b|\bmore than we can (?:afford|do|pay|spend)\b|\b(?:above|over|more than|beyond) what (?:we|i) (?:can|could) (?:\w+ )?(?:do|afford|spend|pay|swing)\b|\b(?:can'?t|cannot|couldn'?t) (?:\w+ )?(?:cover|bridge|make up) (?:that|the|this) (?:gap|difference|shortfall)\b/i,
      2,
      'over_budget',
    ),
    c(
      /\b(?:that|it|this|which|the price|the number|your (?:number|price|estimate|valuation))\s+(?:feels|seems|sounds|looks|is)\s+(?:\w+\s+)?(?:low|high|light|steep|pricey|cheap)\b/i,
      2,
      'price_feels_off',
    ),
    c(/\bhow did you (?:come up with|get|arrive at|figure)\b/i, 1, 'valuation_question'),
    c(/\b(?:sold|went|closed) for \$?\d{3}/i, 1, 'comp_cited'),
    c(/\$?\b\d{3}k?\s+for\s+(?:a|an|the|that|this|\d)/i, 1, 'price_for_what'),
    c(
      /\b(?:your|that|the|this) (?:number|price|estimate|valuation|value|cma|figure|opinion)\b[^.?!]{0,25}\b(?:lower|higher|low|high|off|wrong)\b|\bwhy (?:is|so) (?:it |that |your \w+ )?(?:so )?(?:low|lower|much lower|high)\b/i,
      2,
      'valuation_pushback',
    ),
    c(
      /\bworth (?:more|way more|a lot more|at least)\b|\b(?:zillow|redfin|zestimate|the app|online)\b[^.?!]*\b(?:says?|said|shows?|estimate)\b/i,
      1,
      'outside_valuation',
    ),
    c(
      /\b(?:the )?(?:comps?|appraisal|your number|that number|zestimate)\b[^.?!]*\b(?:wrong|low|off|too)\b|\bgot \d{3}k?\b[^.?!]*\bnewer\b/i,
      1,
      'valuation_disagreement',
    ),
  ],
};

/** Direct and indirect cues per objection type. */
export const OBJECTION_CUES = Object.fromEntries(
  Object.values(ObjectionType).map((t) => [t, [...DIRECT_OBJECTION_CUES[t], ...INDIRECT_OBJECTION_CUES[t]]]),
) as Record<ObjectionType, Cue[]>;

/** Order used to break ties between objection types of equal score. */
export const OBJECTION_PRIORITY: ObjectionType[] = [
  ObjectionType.COMMISSION,
  ObjectionType.COMPETITOR,
  ObjectionType.TRUST,
  ObjectionType.JUST_LOOKING,
  ObjectionType.TIMING,
  ObjectionType.PRICE,
];
