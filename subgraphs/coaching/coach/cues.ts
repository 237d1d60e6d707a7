/**
 * Cue lexicons for turn classification: emotions, action requests, questions (objections: objection-cues.ts).
 * Each cue has a weight; strong cues (2) decide alone, weak cues (1) need company.
 * General conversational patterns only — no phrases lifted from a particular conversation.
 */
export interface Cue {
  re: RegExp;
  weight: number;
  /** Short label used in `signals`. */
  label: string;
}

export const cue = (re: RegExp, weight: number, label: string): Cue => ({ re, weight, label });
const c = cue;

export const HARDSHIP_CUES: Cue[] = [
  c(
    /\b(?:(?:in|into|from) (?:the )?hospital|hospitali[sz]ed|hospice|icu|diagnos(?:ed|is)|(?:in|at) the er|emergency room|urgent care|passed away|(?<!\b(?:it|ours|mine|pump|a\/?c|furnace|heater|battery|car|phone|laptop|fridge|dryer|washer|dishwasher|unit|compressor|motor|engine|tv|sprinklers?|opener)\s+)died|death|funeral|cancer|chemo|surgery|sick|illness|dementia|alzheimer'?s)\b/i,
    2,
    'illness_or_loss',
  ),
  c(
    /\b(?:dad|mom|father|mother|husband|wife|son|daughter|brother|sister|grandma|grandpa|grandmother|grandfather|parent|partner)\w*\s+(?:passed|died|is dying|is sick|got sick)\b/i,
    2,
    'loss',
  ),
  c(
    /\blost (?:my|our|her|his) (?:wife|husband|mom|dad|mother|father|job|son|daughter|partner|parent|baby)\b|\bmiscarriage\b/i,
    2,
    'loss',
  ),
  c(
    /\b(?:divorce\w*|separat(?:ed|ion)|custody|split(?:ting)? up|broke up|break ?up|(?:left|leaving) me)\b/i,
    2,
    'divorce',
  ),
  c(/\b(?:laid off|got fired|lost (?:my|our) job|furloughed|job loss)\b/i, 2, 'job_loss'),
  c(
    /\b(?:anxious|anxiety|stressed|stress|overwhelmed|exhausted|scared|terrified|nervous|worried|panicking|freaking out|reeling|heartbroken|devastated|emotional|brutal|barely holding|holding it together|falling apart|drowning|breaking point|burn(?:ed|t) out|can'?t cope)\b/i,
    1,
    'stress',
  ),
  c(
    /\b(?:haven'?t slept|can'?t sleep|cried|crying|in tears|harder than (?:i|we) thought|(?:it|this|that)(?:'s| is) (?:just |really |so )?a lot(?! (?:more|less|of|to|cheaper|higher|lower|better|worse|for))|(?:everything|life|things)(?:'s| is) (?:\w+ )?(?:a mess|chaos|upside down)|all over the place|longest (?:year|week|month)|never (?:going to|gonna) (?:close|end|happen|get (?:there|through))|can'?t (?:take|do) (?:it |this |that )?any ?more|(?:rough|tough|hard) (?:time|week|year|month)|feels like admitting)\b/i,
    1,
    'emotional_weight',
  ),
  c(
    /\b(?:lost|losing) (?:another|yet another|the|a|\d+|our|two|three) (?:bidding wars?|offers?|houses?|homes?)\b|\bnever (?:going to |gonna )?find\b|\bgiv(?:e|ing) up\b|\bnever (?:going to|gonna) happen\b|\bdiscouraged\b|\bdefeated\b|\bfrustrated\b|\bdisheartened\b|\bfeel(?:s|ing)? like (?:we'?ll|we will|i'?ll|i will) never\b|\b(?:we'?ll|we will|i'?ll|i will|we'?re|i'?m) never (?:going to |gonna )?(?:get|find|win|buy|own|afford|sell)\b|\blost (?:another|yet another) one\b|\bso (?:tired|done) of\b/i,
    1,
    'discouraged',
  ),
  c(/\b(?:memory care|nursing home|assisted living|care facility)\b/i, 1, 'family_care'),
  c(
    /\b(?:dad|mom|mother|father|grandma|grandpa|grandmother|grandfather|parents|husband|wife)'?s (?:old )?(?:house|home|place|things|stuff|belongings)\b[^.?!]*\b(?:hard|tough|emotional|sad)\b|\bhard to (?:go through|let go|say goodbye|walk away)\b|\b(?:sorry|apologies)\b[^.?!]{0,25}\b(?:not|isn'?t) (?:real estate|about the house|business|your problem)\b/i,
    1,
    'emotional_weight',
  ),
  c(
    /\bhopeless\b|\blosing hope\b|\bis it (?:even )?worth (?:it|trying)\b|\bwhat'?s the point\b/i,
    1,
    'hopeless',
  ),
  c(
    /\bsorry (?:if|to|for) (?:i'?ve|i have|i'?ve been|dump|dumping|being|the rant|unloading|venting|going quiet)|\bsorry i went quiet\b|\bso sorry i\b/i,
    1,
    'apology',
  ),
];

export const CELEBRATION_CUES: Cue[] = [
  c(/!{2,}/, 1, 'exclamations'),
  c(
    /[\u{1F389}\u{1F973}\u{1F97A}\u{1F979}\u{2764}\u{1F62D}\u{1F64F}\u{1F60D}\u{1F495}\u{1F3E1}\u{1F3E0}\u{1F511}]/u,
    1,
    'emoji',
  ),
  c(
    /\b(?:congrat\w*|celebrat\w*|we did it|so (?:excited|happy|proud|grateful)|yay+|woo+hoo+|a+h{3,}|can'?t believe|cannot believe|finally|officially|got the keys|the keys)\b/i,
    1,
    'celebration',
  ),
  c(
    /\b(?:omg|oh my god|oh my gosh|literally shaking|shaking|screaming|over the moon|thrilled|ecstatic|best day)\b/i,
    1,
    'excitement',
  ),
  c(
    /\b(?:pregnant|(?:expecting|having) (?:a baby|a little one|twins|triplets|a (?:boy|girl)|our (?:first|second|third))|engaged|got married|new baby|it'?s a (?:boy|girl)|baby (?:#\s?\d+ |number \w+ )?(?:is )?on the way|twins on the way)/i,
    2,
    'life_event',
  ),
  c(/\bthank (?:you|u)\b|\bthanks so much\b|\bgrateful\b/i, 1, 'gratitude'),
  c(
    /\b(?:relieved|what a relief|such a relief|(?:thank|thank (?:the )?lord) (?:god|goodness|heavens)|phew|(?:a )?weight off (?:my|our) shoulders|can (?:finally )?breathe)\b/i,
    1,
    'relief',
  ),
  c(
    /\b(?:meant|means) (?:so much|a lot|the world|everything)\b|\bthank (?:you|u) for (?:being|all|everything|your|helping|sticking)\b/i,
    1,
    'appreciation',
  ),
  c(
    /\b(?:we|i|they)\s+(?:accepted|got|closed|won|signed|did)\b[^.?!]*!|\bit'?s (?:real|official|happening)\b|\bdream come true\b|\bpinch me\b/i,
    1,
    'milestone',
  ),
  c(
    /\byou(?:'re| are| were|'ve been| have been) (?:so |really |absolutely )?(?:great|amazing|awesome|the best|wonderful|fantastic|incredible|so helpful|a lifesaver)\b|\bappreciate (?:you|everything|it so much)\b/i,
    1,
    'compliment',
  ),
];

/** Next-step labels that are the lead asking for, or offering, an action: a clear next step. */
export const ACTION_REQUESTS = new Set([
  'commitment',
  'delivery_offer',
  'next_step_request',
  'send_request',
  'schedule_request',
  'tour_request',
  'revisit_request',
]);

export const NEXT_STEP_CUES: Cue[] = [
  c(
    // "signed and scanned, want me to email it or drop it off?": the lead did their part and offers to deliver it.
    /\b(?:want|should|shall|do you want|would you like) (?:me|us|i|we) to (?:email|e-mail|send|drop|bring|mail|upload|fax|overnight|scan)\b|\b(?:signed|initialed) (?:and|&|n) (?:scanned|sent|returned|uploaded|emailed)\b/i,
    2,
    'delivery_offer',
  ),
  c(
    /\b(?:does|would|will|can) (?:\d{1,2}(?::\d\d)?(?:\s?[ap]m)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|tonight|that time|then|noon)\b[^.?!]{0,15}\bwork\b|\b(?:say|how about|what about)\s+\d{1,2}(?::\d\d)?\s*(?:[ap]m)?\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:is|works?) (?:better|best|good|fine|great|perfect)\b/i,
    2,
    'time_proposed',
  ),
  c(
    /\b(?:i'?ll|we'?ll|i will|we will|i can|we can|ready to|happy to) (?:\w+ ){0,6}?(?<!\b(?:a|the|our|my|your|yard|sale) )sign\b|\bsend (?:over )?(?:the |your )?(?:listing agreement|agreement|contract|paperwork|docs|documents|offer)(?: over)?\b/i,
    2,
    'commitment',
  ),
  c(
    /\b(?:can|could|would|will) (?:you|u|we|i|your \w+)\s+(?:\w+\s+)?(?:come|see|tour|show|meet|view|stop by|swing by|walk ?through|get (?:us|me) in|get in(?:side)?|go in|check it out|look at it|take a look|pop (?:by|over|in))\b/i,
    2,
    'schedule_request',
  ),
  c(
    /\bwhen (?:can|could|would|will) (?:you|u|we)\s+(?:\w+\s+)?(?:come|show|meet|see|tour|start|get (?:this|it|things) (?:going|started)|list)\b/i,
    2,
    'schedule_request',
  ),
  c(
    /\b(?:go|come|swing|head) back (?:and|to) (?:see|look at|tour)\b|\bsee (?:it|them|the [\w ]{1,25}?) (?:again|one more time|once more)\b|\bsecond (?:look|showing|visit|viewing)\b/i,
    2,
    'revisit_request',
  ),
  c(
    /\b(?:like|love|want|wanna|hoping|hope|need) to (?:see|tour|view|check out|look at|visit|walk through|get into|get in to see) (?:it|this|that|the|them|a few|some|\d|one|both|inside|these|those)\b/i,
    2,
    'tour_request',
  ),
  c(
    /\b(?:can|could) (?:we|you|u) (?:have|do|host|hold|schedule|set up|plan|book) (?:an? |the |our )?(?:[\w-]+ )?(?:open house|showing|photos?|photo shoot|walkthrough|walk-through|inspection|appointment|meeting|call|tour)\b|\b(?:virtual|video|facetime|zoom) (?:tour|showing|walkthrough|walk-through)\b|\b(?:move|reschedule|push|change|switch|bump) (?:the |our )?(?:[\w-]+ )?(?:to|for|until) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next|the \d|morning|afternoon|\d)|\breschedule\b/i,
    2,
    'schedule_request',
  ),
  c(
    /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tmrw|tonight|today|this weekend)\s+(?:at|around|after|before|by)\s+\d/i,
    2,
    'availability',
  ),
  c(
    /\bcan (?:we|i) do (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tmrw|tonight|this|next|\d)/i,
    2,
    'time_proposed',
  ),
  c(
    /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tmrw|tonight|this weekend)\b[^.?!]{0,30}\b(?:works|is good|is best|free|available|after \d)\b|\b(?:works|free|available) (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|this weekend)\b|\banytime (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|this weekend|tomorrow)\b/i,
    2,
    'availability',
  ),
  c(
    /\b(?:put|make|write|submit|send) (?:in )?an offer\b|\bready to (?:offer|make an offer|write)\b|\b(?:let'?s|lets) (?:do it|go with|go for it|list|write|make|put|move forward|get (?:it|this) (?:listed|going|started)|sign|start|counter|offer|do \$?\d+|try \$?\d+|go (?:to|up to) \$?\d+)\b/i,
    2,
    'commitment',
  ),
  c(
    /\bready to (?:start|list|sell|buy|go|move forward|sign|tour|see|get started|make (?:this|it) happen|do this|pull the trigger)\b|\b(?:we'?re|i'?m) ready(?=\s*(?:[.!,]|$))/i,
    2,
    'ready',
  ),
  c(
    /\bwhat do (?:i|we) (?:need to )?(?:do|sign)\b|\bsend (?:over|me) (?:whatever|the|it|what)\b|\bwhere do (?:i|we) sign\b|\bwhat'?s the next step\b|\bwhat'?s next\s*\?|\bwhat (?:more|else) is (?:missing|left|needed|pending)\b|\bnext steps?\b|\bsign me up\b|\bgo ahead\b|\b(?:pls|please|plz) do (?:that|it)\b|\bwhat (?:else )?(?:(?:do|would|will) )?(?:you|u|y'?all|ya'?ll|you guys) (?:all )?need from (?:me|us)\b|\bwhat(?:'?s| is) (?:left|remaining) (?:on|for|to do)\b|\b(?:anything|what) else (?:do )?(?:we|i|you) need(?: to do)?\b|\b(?:let'?s|lets|we(?:'ll)?|we want to) (?:accept|take (?:it|the offer|their offer))\b|\btell them (?:yes|we accept)\b/i,
    2,
    'next_step_request',
  ),
  c(
    /\b(?:can|could|would|will) (?:you|u) (?:send|email|forward|text) (?:me |us )?(?:over )?(?:both|them|those|these|it|everything|the (?:offers?|contracts?|docs|documents|disclosures|paperwork|listing agreement|agreement))\b|\bsend (?:them|it|those|these|everything) (?:over|my way|our way|to me|to us)\b/i,
    2,
    'send_request',
  ),
  c(
    /\b(?:schedule|book|set up|line up|arrange) (?:a |the |some |a few |a couple (?:of )?)?(?:[\w-]+ )?(?:showings?|tours?|walkthrough|walk-through|appointment|meeting|call|time|viewings?|photos?|photographer)\b|\b(?:get|have) (?:the |a |our )?(?:photographer|photos|showings?|inspection|walkthrough|appraisal|listing appointment|closing) (?:scheduled|booked|set up|lined up)\b/i,
    2,
    'schedule_request',
  ),
];

/** Tentative language: the lead is still deciding, so qualify before pushing a next step. */
export const TENTATIVE =
  /\b(?:thinking (?:about|of)|might|maybe|possibly|considering|still deciding|haven'?t decided|not sure (?:if|when|whether)|at some point|exploring|figur(?:e|ing) out|just starting|down the line|eventually)\b/i;

/** The agent offered something; a short yes from the lead accepts it. */
export const AGENT_OFFER =
  /\b(?:would you like|want me to|shall i|should i|i can|can i|let me|i could|happy to|how about|does \w+ work|would \w+ work)\b/i;
/**
 * A short go-ahead on its own ("yes do it", "book it!", "sounds good, let's go"): the lead is ready to act.
 * Only used on short replies without a question.
 */
export const GO_AHEAD =
  /^\s*(?:(?:yes|yeah|yea|yep|yup|ya|si|sí|sure|ok(?:ay)?|k|sounds (?:good|great|perfect)|perfect|great|awesome|deal|cool|absolutely|definitely|works for (?:me|us)|that works)\b[\s,.!-]*)*(?:let'?s (?:do (?:it|this)|go|book|set|schedule|lock|make)|lets (?:do (?:it|this)|go)|do it|book (?:it|that|us|me)|send (?:it|them|the)|set (?:it|that) up|lock (?:it|that) in|go (?:ahead|for it)|schedule (?:it|that|us|me)|sign me up|count (?:me|us) in|i'?m in|we'?re in|make it happen|write (?:it|the offer)|put (?:it|the offer) in|submit (?:it|the offer))\b/i;

export const LEAD_ACCEPT =
  /^\s*(?:yes|yeah|yea|yep|yup|sure|sounds good|sounds great|perfect|great|ok|okay|awesome|amazing|love it|absolutely|definitely|that would be (?:great|perfect|amazing|awesome)|pls|please|let'?s do it|do it)\b/i;

/** Requests for inventory are qualification moments, not factual questions. */
export const INVENTORY_REQUEST =
  /\b(?:can|could|would) (?:you|u) (?:help|assist) (?:us|me)\b|\b(?:send|show|email|text) (?:us|me) (?:some|a few|any|the|more|what|your)?\s*(?:places|listings|homes|houses|options|condos|townhomes|properties|ideas|what)\b|\bwhat (?:do|can|have) (?:you|u) (?:have|got|show|find|recommend)\b|\bwhat'?s (?:out there|available)\b|\b(?:send|show) me (?:some|what)\b|\banything (?:available|out there|new)\b/i;

const NOT_A_QUESTION = /^\s*(?:i think|i guess|maybe|probably|i believe|i suppose|i feel like)\b/i;
const INTERJECTIONS =
  /^\s*(?:(?:yea|yeah|yes|no|nah|ok|okay|oh|hmm|lol|thanks|thank you|haha|well|so|and|but|wow|great)\b[\s,!.]*)+/i;
const AUX_QUESTION =
  /^\s*(?:is|are|do|does|did|can|could|will|would|should|shall|may|am|have|has)\s+(?:i|we|you|u|they|it|he|she|there|the|this|that|these|those|my|our|your|their|a|an|any|someone|anyone|everything|all)\b/i;
const WH_START = /^\s*(?:what|what'?s|whats|which|how|how'?s|when|where|who|who'?s|whose|why)\b/i;

/** The sentences of a message that are genuine questions (not hedges like "i think it sold?"). */
export function questionSentences(text: string): string[] {
  const sentences = text.split(/(?<=[.!?\n])(?![.!?])\s*/).filter((s) => s.trim().length > 0);
  return sentences.filter((raw) => {
    const s = raw.replace(INTERJECTIONS, '');
    if (NOT_A_QUESTION.test(s)) return false;
    if (/(?:\?!|!\?)[?!]*\s*$/.test(s)) return false; // "we got it?!" is an exclamation
    if (/\?\s*$/.test(s)) return true;
    if (/^\s*(?:can't|cannot|how (?:about|lucky|nice|cool|fun))\b/i.test(s)) return false;
    return WH_START.test(s) || AUX_QUESTION.test(s);
  });
}

/** True when the text contains a genuine question. */
export function hasQuestion(text: string): boolean {
  return questionSentences(text).length > 0;
}

/** Sums the weights of matching cues. */
export function scoreCues(text: string, cues: Cue[]): { score: number; labels: string[] } {
  let score = 0;
  const labels: string[] = [];
  for (const cue of cues) {
    if (cue.re.test(text)) {
      score += cue.weight;
      if (!labels.includes(cue.label)) labels.push(cue.label);
    }
  }
  return { score, labels };
}
