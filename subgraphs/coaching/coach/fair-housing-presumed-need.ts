/**
 * Whose need is it? An advisor may meet a need the client stated ("since you asked for one level, here are
 * ranches"), but narrowing the client's search on a need the advisor presumes from a disability or children
 * ("the townhouses may be too much for her; limit the search", "I left the two-stories off your list since
 * stairs probably aren't realistic with your MS") steers. Regex sources over normalized text.
 */

/** The advisor removing or confining choices. */
export const NARROWS = new RegExp(
  String.raw`\b(?:limit\w* (?:the |your |their |her |his )?(?:search|list|options|showings?)|only (?:show|send|look at)|skip(?:ped|ping)?|(?:left|leave|leaving|took|take|taking|cross\w*|knock\w*)\s+(?:[\w'-]+\s+){1,6}?off|rul\w* out|look(?:ing)? outside|steer\w* clear|too much for|too (?:hard|difficult|tough|much) (?:for|with)|(?:not|n'?t) (?:really |very |be )?(?:realistic|practical|the right fit|a good fit|right for|for (?:you|her|him|them|y'?all))|would ?n'?t (?:work|suit)|probably (?:not|is ?n'?t|are ?n'?t|wo ?n'?t|would ?n'?t))\b`,
);

/** The client said it: the need is theirs, and meeting it steers no one. */
export const CLIENT_SAID =
  /\b(?:you|she|he|they) (?:said|mentioned|asked|told|requested|specified|listed|wanted|prefer)\b|\bper (?:your|their|her|his)\b|\bas (?:you |they |she |he )?requested\b|\b(?:your|their|her|his) (?:request|must-haves|criteria|wish list)\b|\byou'?d (?:like|rather)\b/;

/** The client's own want, reported back: "since you said you'd feel safer with a doorman", "you asked for". */
export const CLIENT_STATED_WANT =
  /\b(?:you|she|he|they) (?:said|mentioned|told (?:me|us)) (?:that )?(?:you|she|he|they)(?:'d| would) (?:feel|like|prefer|rather|want)\b|\b(?:you|she|he|they) asked (?:me |us )?for\b/;

/** The party wanting it themselves: "the buyer in the wheelchair wants to skip the second showing". */
export const PARTY_WANTS =
  /\b(?:wants?|wanted|asks?|asked|prefers?|preferred|would (?:like|rather|prefer)|is asking|requested|plans?|decided|chose) to\b/;
