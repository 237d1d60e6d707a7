/**
 * Small constructions that decide whose a protected-class word is (fair-housing-mentions.ts), kept apart so
 * the mention finder stays readable. Regex sources over normalized text (lower case, straight apostrophes).
 */
import type { Speaker } from './fair-housing-frames';

/** People who serve the deal (a realtor who speaks Spanish), not a party to it or a neighbour. */
export const PROVIDER =
  /^(?:realtors?|agents?|lenders?|closers?|escrow|title|bankers?|reps?|representatives?|brokers?|inspectors?|contractors?|lawyers?|attorneys?|doctors?|notar(?:y|ies)|translators?|interpreters?|tellers?|accountants?|tutors?|nann(?:y|ies)|caregivers?|movers?|plumbers?|electricians?|officers?|clinics?|teachers?|staff)$/;

/** "With four kids under ten, we need …": an opening phrase whose main clause is the speaker's. */
export const LEADING_WITH =
  /^\s*with\s+(?:\d+|two|three|four|five|six|seven|eight|an?|one|our|my)\s+(?:[\w'-]+\s+)?$/i;
export const OWN_MAIN = /^[^,]*,\s*(?:i|we|i'?m|we're|i've|we've)\b/i;

/**
 * A class said to be better or worse, or always or never doing something, as neighbours, tenants or buyers:
 * "women are tidier", "kids make more noise", "women buying alone always get cold feet", "women on one income
 * usually can't stretch". A generalization about a class is a characterization of it.
 */
export const STEREOTYPE_AFTER =
  /^(?:\s+(?!(?:and|or|but|so|because|if|when|i|we|you)\b)[\w'-]+){0,3}?\s+(?:(?:would|will|could|might|always|usually|tend to|just)\s+(?:\w+\s+)?(?:put|cause|do|make|bring|create|leave)\s+(?:more|a lot of|lots of|too much|so much|extra)\s+(?:wear|damage|noise|mess|trouble|problems|dirt|traffic)\b|(?:will|would|'ll|'d|tend to|usually|always)\s+have (?:an? |a much |a lot )?(?:easier|harder|tougher|better|worse) (?:time|chance|luck|shot)\b|(?:are|make|tend to be)\s+(?:(?:so|much|way|usually|generally|always|just)\s+)?(?:more|less|better|worse|easier|harder|cleaner|quieter|louder|messier|dirtier|tidier|neater|nicer|safer|the best|the worst|trouble|problems?|destructive|noisy|loud|messy|dirty|lazy|dangerous)\b|(?:always|never|usually|typically|generally|tend to|rarely|all)\s+(?:\w+))/i;

/** Numbers of one's own children said as a household ("2 kids, need 4 bd"), unless a limit ("max 2 kids"). */
export const LIMIT_BEFORE =
  /\b(?:no more than|not more than|max(?:imum)?|at most|up to|limit\w*|only|under|fewer than|less than|over|more than|too many)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w'-]+\s+)?$/i;

/**
 * "no kids for us", "no kids in the picture for us", "no kids of our own", "no kids at home anymore", "no kids
 * yet": the speaker's household.
 */
export const OWN_NONE_AFTER =
  /^(?:[\s,]+[\w'-]+){0,3}?[\s,]+(?:for (?:us|me)|of (?:our|my) own|ourselves|myself|just (?:me|us|the (?:two|three) of us|my (?:husband|wife|partner|boyfriend|girlfriend|fianc\w*|spouse))|at home|in the (?:house|home) (?:anymore|any more|now)|living (?:at home|with (?:us|me))|anymore|any more|yet)\b|^\s+(?:at home|anymore|any more|yet)\b/i;

/** The party's own request after its class word: "the seller is Jewish and asked to avoid Saturday showings". */
export const OWN_REQUEST_BETWEEN =
  /^[^;.?!]*?\b(?:asked|asks|wants?|wanted|needs?|needed|prefers?|preferred|would (?:like|prefer|rather)|requested|requests|plans?|hopes?)\s+(?:us\s+|me\s+|you\s+)?to\s+(?:[\w'-]+\s+){0,2}$/i;

/**
 * A class word inside a place's name: "in lehi or american fork", "near indian hills", "around german village".
 * Lowercase texting loses the capital that would mark it as a name.
 */
export const PLACE_NAME_BEFORE =
  /(?:\b(?:in|near|around|at|to|from|by|off|of|outside|between)\s+|\b(?:in|near|around|to|from|between)\s+[\w' -]{1,30}?(?:,|\bor\b|\band\b|\/)\s*)$/i;

/** A new subject between a party and a want: "the buyers are Muslim and I'd rather …" (not the party's own want). */
export const NEW_SUBJECT =
  /\b(?:i|we|i'd|we'd|i'm|we're|i'll|we'll|my|our|you|you'd|the sellers?|the owners?|the landlord)\b/;

/** "doctors that speak Spanish": the noun a relative pronoun hangs on is the subject, not "that". */
export const RELATIVE = /^(?:that|who|which)$/;

/** "raised all 4 kids", "2 kids": a household's size, not a group counted. */
export const NUMBER_BEFORE = /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w'-]+\s+)?$/i;

/** "a family with two kids": one household (a party to the deal), not the people who live somewhere. */
export const HOUSEHOLD_BEFORE =
  /\b(?:a|the|one|this|that)\s+(?:[\w'-]+\s+)?(?:family|couple|household|buyer|tenant|renter|applicant)\s+(?:with|who has|that has)\s+(?:\d+|an?|one|two|three|four|five|six|young|little|small|grown)?\s*(?:[\w'-]+\s+)?$/i;

/** "the buyer has two kids": the party's own household, like the client's. */
export const PARTY_HAS_BEFORE =
  /\b(?:the|our|my|your|this|that)\s+(?:[\w'-]+\s+)?(?:(?:buyer|tenant|renter|applicant|client|family|couple|seller|lead)s?|neighbou?r|resident|owner|landlord)\s+(?:(?:\w+ing|just|recently|also|already|finally)\s+)?(?:has|have|had|with|in|using|uses|who has|that has|who uses|(?:is|are|was|were) (?:relocating|moving|coming|transferring|originally))\s+(?:(?:\d+|two|three|four|five|six|an?|one|young|little|small|grown|teenage)\s+)?(?:[\w'-]+\s+)?$/i;

/** A language of communication: "prefers to communicate in Korean", "documents in Mandarin". */
export const LANGUAGE_USE =
  /\b(?:communicat\w*|speak\w*|talk\w*|text\w*|email\w*|correspond\w*|writ\w*|read\w*|translat\w*|documents?|paperwork|forms?|cop(?:y|ies)|disclosures?|contracts?|calls?|explain\w*|interpret\w*|conversations?|walk\w* (?:\w+ )?through|help\w*|assist\w*|serv\w*)\s+(?:[\w'-]+\s+){0,2}?in\s+$|\b(?:it|them|me|us|him|her|everything|things)\s+in\s+$/i;

/** A language someone speaks ("my parents only speak Korean"): whose it is, the trait decides. */
export const SPEAKS =
  /\b(?:speak|speaks|speaking|spoke|talk|talks|read|reads|write|writes|understand|understands)\s+(?:(?:only|mostly|just|some|fluent|little|a little|mainly)\s+)?$/i;

/** Words after a predicate adjective: "the area is mostly white, so" / "are they gay?". */
export const NEXT_FUNCTION =
  /^\s*(?:$|[^\w\s-]|(?:or|and|but|nor|so|like|to|for|in|on|at|with|as|now|too|there|here|then|anymore|enough|either|lately|these|though|yet|than|who|that|which|by|from|of|about|around|near|anyway|right|mostly|is|are|was|were|or not|people|ones?|over|since|recently|nowadays)\b)/i;

export interface Pronouns {
  own: string;
  client?: string;
}

export function pronouns(speaker: Speaker): Pronouns {
  const own = String.raw`i|we|i'?m|we're|i've|we've|i'd|we'd|me|us|myself|ourselves`;
  if (speaker === 'LEAD') return { own };
  const clientRef = String.raw`you|you're|you've|you'd|yourself`;
  if (speaker === 'AGENT') return { own, client: clientRef };
  return {
    own,
    client: String.raw`${clientRef}|they|they're|they've|they'd|the (?:client|buyer|lead|renter|family|couple)s?`,
  };
}

export function possessives(speaker: Speaker): { own: string; client?: string } {
  if (speaker === 'LEAD') return { own: 'my|our' };
  if (speaker === 'AGENT') return { own: 'my|our', client: 'your' };
  return { own: 'my|our', client: 'your|their' };
}

/** A texted "kids need to be settled before school starts": bare children as the subject of the lead's own need. */
export const OWN_NEED_AFTER =
  /^\s+(?:need|needs|have to|has to|will (?:need|start|be)|are starting|start|go|attend|are (?:in|going)|love|want)\b|^\s+(?:are |have |'re |r )?(?:all |both |long )?(?:grown(?: up)?|moved out|out of the (?:house|nest)|gone|in college|off (?:to|at) college|away at (?:college|school)|left (?:home|the nest)|living (?:on their own|elsewhere|out of state))\b/i;

/** A lead asking what suits their own household: "which areas are safest for a family?". */
export const OWN_KIND_QUESTION =
  /^\s*(?:which|what|where)\b[^?]*\b(?:safest|best|good|great|better|nicest|ideal|right)\s+for\s+$/i;

const COLOUR_WORD = String.raw`(?:white|black|gr[ae]y|tan|brown|beige|cream|ivory|blue|green|red|yellow|navy|charcoal|bronze|gold|silver|copper|sage|taupe|slate|olive|dark|light|bright|pale|[a-z]+-white|[a-z]+ish)`;

/** "dark or bright colors", "white, gray or tan siding": a colour word (or a list of them) on paint or a house. */
export const PAINT_AFTER = new RegExp(
  String.raw`^(?:\s*,?\s*(?:(?:or|and|to)\s+)?${COLOUR_WORD}){0,3}\s+(?:(?:window|door|front|exterior|interior|kitchen|garage|porch|accent)\s+)?(?:colou?rs?|tones?|shades?|paint|trim|stain|hues?|siding|shutters?|brick|cabinets?|doors?|roof|walls?|exterior)\b`,
);

export const BARE_PERSON = /^(?:an? )?(?:man|woman|men|women|guys?|lad(?:y|ies))$/;

/** The party's own want about their own household: "she wants a yard for her kids", "they need … their son's". */
export function ownWantBefore(before: string): boolean {
  const m =
    /\b(she|he|they)\s+(?:\w+\s+)?(?:wants?|needs?|prefers?|would like|is looking for|are looking for|asked for)\b[^.;]*\b(her|his|their)\s+(?:[\w'-]+\s+)?$/i.exec(
      before,
    );
  return m !== null && { she: 'her', he: 'his', they: 'their' }[m[1]!.toLowerCase()] === m[2]!.toLowerCase();
}
