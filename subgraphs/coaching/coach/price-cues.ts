/**
 * A seller's own price, by construction: the words before or after a number that make it the lead's asking price
 * or floor ("put it on the market at N", "our bottom number is N", "we have to net N", "N or we don't list",
 * "N min", "not taking less than N"), and those that make it somebody else's ("the one next door is asking N",
 * "zillow says N", "the seller is asking N"). Used by slots-money.ts before its general cues.
 */

/** Refusals that set a floor: "I won't go below", "not taking less than", "never letting it go under". */
const REFUSED_FLOOR =
  "(?:\\bnot|n't|nt|\\bnever|\\bno way (?:we|i)(?:'?ll| will)?)\\s+(?:\\w+\\s+){0,2}?(?:go(?:ing)?|drop(?:ping)?|com(?:e|ing)|budg(?:e|ing)|mov(?:e|ing)|tak(?:e|ing)|accept(?:ing)?|sell(?:ing)?|list(?:ing)?|let(?:ting)? (?:it|her|the \\w+) go|part(?:ing)? with (?:it|her))\\s+(?:it\\s+|her\\s+)?(?:for\\s+)?(?:anything\\s+|a (?:penny|dime|dollar|cent)\\s+)?(?:below|under|lower than|less than|down to)";

/** Putting the home on the market at a number: "put it on the market at", "going to market around". */
const MARKET_ENTRY =
  '\\b(?:put|putting|go|going|bring|bringing|hit|hitting|take|taking)\\s+(?:it\\s+|her\\s+|(?:the|our|my)\\s+(?:house|home|place|condo|townhouse|townhome|land|property)\\s+|ours\\s+)?(?:on|onto|up on|to)\\s+(?:the\\s+)?market\\s+(?:at|for|around|near)';

/** What the lead would take or must clear: "we'd accept", "I'll take", "have to net", "gotta clear", "ask for". */
const TAKE_OR_NET =
  "\\b(?:list(?:ing)?\\s+(?:the|our|my)\\s+(?:[\\w'-]+\\s+){1,4}?(?:at|for|in)|(?:we|i)\\s+(?:have|got|had)\\s+(?:it|her|ours|(?:the|our|my)\\s+\\w+)\\s+listed\\s+(?:\\w+\\s+){0,3}?(?:at|for)|(?:we'?d|i'?d|we would|i would|we'?ll|i'?ll|we will|i will)\\s+(?:only\\s+|happily\\s+|gladly\\s+|probably\\s+)?(?:take|accept|settle for|let (?:it|her) go for|part with (?:it|her) for)|(?:have to|has to|gotta|got to|must|need to|needs to|want to|wanna|trying to|hope to|hoping to|would like to|'d like to)\\s+(?:at least\\s+)?(?:net|clear|pocket|walk away with|come out with|end up with)|(?:price|pricing)\\s+(?:it|her|the (?:house|home|place|condo)|ours)\\s+(?:at|around|for)|(?:going to|gonna|want to|wanna|plan to|planning to|will|'ll)\\s+ask(?:ing)?(?:\\s+for)?)";

export const SELLER_PRICE_BEFORE = new RegExp(
  `(?:${REFUSED_FLOOR}|${MARKET_ENTRY}|${TAKE_OR_NET})\\s*(?:about|around|roughly|like|maybe|~|at least)?\\s*$`,
  'i',
);

/** "our bottom number is", "my target is": the lead's own number, seller's or buyer's by the sentence's context. */
export const OWN_NUMBER_BEFORE =
  /\b(?:our|my)\s+(?:bottom\s+|minimum\s+|lowest\s+|target\s+|magic\s+|real\s+)?(?:number|price|ask|asking price|asking|floor|target|goal|figure|bottom line)\s*(?:is|would be|was|=|:|'s)\s*(?:about|around|like|roughly|~)?\s*$|\b(?:we|i)\s+(?:said|told (?:you|ya|u)|agreed on|settled on|decided on)\s*$|\b(?:we|i)(?:'d| would)\s+(?:really\s+)?(?:like|love|want)\s*(?:about|around|like|at least)?\s*$/i;

/** After the number: an ultimatum or a floor ("369 or we don't list", "400 firm", "450 is our bottom"). */
export const SELLER_PRICE_AFTER =
  /^\s*(?:k\b)?\s*(?:or\s+(?:we|i)\s+(?:don'?t|dont|won'?t|wont|ain'?t|aint|will not|do not|are not|'re not|just don'?t)\s+(?:list|sell|bother|do it|move)|(?:is|'s)\s+(?:our|my|the)\s+(?:floor|bottom|minimum|min|number|bottom line|lowest)|(?:and|or)\s+not\s+a\s+(?:penny|dime|dollar|cent)\s+(?:less|lower|under)|firm\b|(?:as (?:a|our|my) )?(?:floor|bottom)\b|or nothing|or no deal|min(?:imum)?\b)/i;

/** Somebody else's number: a neighbour's asking price, a site's estimate, the seller's list price. */
export const OTHERS_PRICE_BEFORE =
  /\b(?:next door|neighbou?rs?|(?:across|down) the (?:street|road|block)|zillow|redfin|comps?|they|he|she|sellers?|owners?|listing agent|(?:other |another )?(?:agent|realtor|broker|brokerage|company)|the other (?:\w+\s+)?(?:house|home|unit|one|listing))\b[^.!?]{0,30}?\b(?:is\s+|are\s+|was\s+|were\s+)?(?:asking|listed (?:it\s+)?(?:at|for)|(?:'d|would|will|'ll|could|can|wants? to|wanted to)\s+(?:list|sell|price)\s+(?:it\s+)?(?:at|for)|priced (?:it\s+)?(?:at)?|sold (?:it\s+)?(?:for|at)|went for|got|says|said|shows?|showed|has (?:it|us) at)(?:\s+(?:that\s+)?(?:it'?s|it is|its|is|was|we'?re|ours is|the house is|theirs (?:is|was)|their (?:\w+\s+)?(?:house|home|place|condo|unit) (?:is|was))?\s*(?:worth|at|valued at))?\s*(?:about|around|like|only|just)?\s*$/i;

/** A number the lead turns down: "i'm not listing at 1.3", "we won't sell for 400". */
export const REFUSED_NUMBER_BEFORE =
  /(?:\bnot|n't|\bnever)\s+(?:\w+\s+)?(?:list|sell|take|accept)(?:ing)?\s+(?:it\s+)?(?:at|for)\s*$/i;

/** A commission worked out on the home's price: "3% of a 600k rental", "on a 410k sale that's 22 grand". */
export const PRICE_IN_ARITHMETIC_BEFORE =
  /(?:\d(?:\.\d+)?\s*%|\bpercent)\s+(?:of|on)\s+(?:a|an|the|our|my)?\s*$|\bon\s+(?:a|an|the|our|my)\s*$/i;
export const PRICE_IN_ARITHMETIC_AFTER =
  /^\s*(?:k\b)?\s*(?:(?:[\w-]+\s+){0,2}(?:sale|sales price|house|home|place|condo|listing|property|rental|cabin|duplex))?\s*(?:is|that'?s|would be|comes to|=)\b/i;

/** Money the lead holds or a stated amount: "we got about 330k" (not "we got 238k from a cash buyer"). */
export const HELD_ABOUT_BEFORE =
  /\b(?:we|i)(?:'ve)?\s+(?:got|have got)\s+(?:about|around|like|maybe|roughly|~)\s*$/i;

/** An amount in a clause about an offer someone made: "an offer from a cash company, 238k, close in 2 weeks". */
export const OFFER_CLAUSE =
  /\b(?:offers?|offered|bid)\b(?![^.!?]*\b(?:we|i)\s+(?:want|need|won'?t|will not)\b)/i;
