/**
 * Area extraction: the places a lead WANTS (lowercase), never the place they live in or leave.
 * General patterns only: "in X", "near X", "around X", "looking at X", "move/relocate to X",
 * "from X to Y" (keeps Y), lists ("X or Y", "X, Y and Z"), and a comma-separated spec list
 * ("townhome, 2 bed min, Westerville or Dublin, max 300k"). Capitalized words are candidates,
 * filtered by a stoplist; lowercase place names are accepted only after a strong housing cue.
 */

import { ci, clean, cleanLower } from './areas-clean';
import { restoreDroppedG } from './texting';
import {
  CAP_SEQ,
  LOWER_SEQ,
  LEAVE_CUE,
  WANT_CUE,
  AREA_CONTEXT,
  GATED_TRIGGERS,
  SOMEONE_ELSES,
  AGENT_RECORD,
  CURRENTLY,
  WHO_WE_ARE,
  WORKPLACE_AFTER,
  OWNED_NEAR,
  AGENT_RECORD_ES,
  NEGATED,
  DIRECTION,
  HEAD_WORDS,
  OTHERS_DOING,
  STATES,
} from './areas-vocabulary';

/** End index of the last match of a global regex in text, -1 if none. */
function lastMatchEnd(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  return last;
}

/** A lowercase place ends the clause or the list ("in katy or cypress, 3 bed"), so "san antonio, want to" stops. */
const LOWER_END =
  '(?=\\s*(?:$|[,.;:!?)]|\\s(?:or|and|area|under|near|for|max|budget|please|pls|only|mostly|maybe|probably|prob|ideally|preferably|somewhere|too|tho|is|are|but|so|if|because|since|with|where)\\b))';

/** Places that continue a list right after a match: "Chandler or Gilbert", "Cary, Apex and Holly Springs". */
function continuation(rest: string, lower: boolean): { places: string[]; consumed: number } {
  const places: string[] = [];
  let consumed = 0;
  const re = new RegExp(
    `^\\s*(?:,\\s*(?:or|and)?|\\/|\\bor\\b|\\band\\b|\\bo\\b|\\by\\b|&)\\s*(?:maybe\\s+|possibly\\s+|even\\s+|also\\s+)?(?:(?:somewhere|anywhere)\\s+)?(?:in\\s+|near\\s+|around\\s+)?(${lower ? LOWER_SEQ : CAP_SEQ})${lower ? LOWER_END : ''}`,
  );
  for (;;) {
    const m = re.exec(rest.slice(consumed));
    if (!m) break;
    const place = lower ? cleanLower(m[1] ?? '') : clean(m[1] ?? '');
    if (place === null) break;
    // ", SC" / ", Texas" right after a city names its state, not another area.
    const isState = /^\s*,/.test(m[0]) && STATES.has(place) && (places.length > 0 || consumed === 0);
    if (!isState) places.push(place);
    consumed += m[0].length;
  }
  return { places, consumed };
}

const SLOT_HINT =
  /\d|\b(?:beds?|br|bdrms?|bedrooms?|budget|max|min|under|condos?|townhomes?|townhouses?|single[- ]family|duplex|acres?|preapproved|pre-approved)\b/i;

/** Extracts wanted areas from one lead message. */
/** What a seller says they are looking for, so a place after it is wanted (not the home they sell). */
const SEEKING =
  /\b(?:buy|buying|bought|(?:want|wants|wanted)(?!\s+to\s+(?:sell|list))|something|anything|new (?:place|home|house)|purchas\w*|move|moving|relocat\w*|looking (?:for|at|in|around)|search\w*|settle|settling|retir\w* to|downsiz\w*|upsiz\w*|(?:want|wanna|hope|hoping|plan|planning|like|love) to (?:be|live|move|buy|go|stay)|find)\b/i;
/** "back in Raleigh", "back home in Ohio": where the lead was before, unless they go back ("move back in"). */
const LEFT_BEHIND =
  /(?<!\b(?:move|moving|go|going|come|coming|get|getting|head\w*|settle\w*)\s+)\bback(?:\s+home)?\s+$/i;
/** Someone else's trade: "she sells a lot of houses here in X". */
const OTHERS_TRADE =
  /\b(?:she|he|they)\s+(?:\w+\s+){0,2}(?:sells?|lists?|sold|listed|works?|is an agent)\b[^.?!]*$/i;

export interface AreaOptions {
  /** The lead is selling: a place after in/near/around is the home they sell unless they say they seek one. */
  seller?: boolean;
}

export function extractAreasFromText(raw: string, options: AreaOptions = {}): string[] {
  const text = restoreDroppedG(raw);
  const found: string[] = [];
  const add = (p: string | null): void => {
    if (p !== null && !found.includes(p)) found.push(p);
  };
  const sentences = text.split(/[!?\n;]+|(?<!\b(?:[Ss]t|[Ff]t|[Mm]t|[Mm]rs?|[Dd]r))\.(?!\d)(?:\s+|$)/);
  for (const sentence of sentences) {
    if (!sentence.trim()) continue;
    // "from X to Y": Y is wanted, X is left behind.
    const fromTo = new RegExp(
      `\\b${ci('from')}\\s+(?:the\\s+)?(?:${CAP_SEQ}|${LOWER_SEQ})\\s+to\\s+(?:the\\s+)?(${CAP_SEQ})`,
      'g',
    );
    let m: RegExpExecArray | null;
    while ((m = fromTo.exec(sentence)) !== null) {
      add(clean(m[1] ?? ''));
      const c = continuation(sentence.slice(m.index + m[0].length), false);
      c.places.forEach(add);
    }
    leavingFor(sentence).forEach(add);
    const trigger = new RegExp(
      `\\b((?:${ci('in|near|around|out toward|out towards|out by|over by|out past|just past|(?:decide|decided|deciding|choose|choosing|pick|picking|torn) between|(?:houses|homes) of|outside of|outside|outskirts of|afueras of|edge of|looking at|close to|closer to|prefer|preferably|ideally|considering|thinking|eyeing|leaning towards|leaning toward|leaning|set on|sold on|settled on|zeroed in on|narrowed it down to|narrowed down to|focused on|focusing on|targeting|open to|area|areas|location|city|town|neighborhood|neighborhoods|downtown|uptown|midtown|either|consider|specifically|particularly|especially|such as|maybe|like|love|want|wants')}):?|${ci('(?:move|moving|relocate|relocating|relocation|transfer|transferred|transferring|heading|headed|come back|coming back|going back|go back|retire|retiring|pcs|pcsing|settle|settling|downsiz(?:e|ing)|upsiz(?:e|ing))')}\\s+(?:back\\s+|over\\s+|down\\s+|up\\s+|out\\s+)?to)\\s+(?:[Tt]he\\s+)?(?:(?:downtown|uptown|midtown|north|south|east|west|northeast|northwest|southeast|southwest|central|greater|metro|northern|southern|eastern|western|suburban)\\s+)?(${CAP_SEQ})`,
      'g',
    );
    while ((m = trigger.exec(sentence)) !== null) {
      const prep = (m[1] ?? '').toLowerCase();
      const raw = m[2] ?? '';
      if (!/^[A-Z]/.test(raw)) continue;
      const before = sentence.slice(0, m.index);
      if (NEGATED.test(before)) continue;
      const nearby = /^(?:in|around|near|outside|out |over by)/.test(prep);
      if ((nearby || GATED_TRIGGERS.has(prep)) && !AREA_CONTEXT.test(sentence)) continue;
      if (nearby && AGENT_RECORD.test(before)) continue; // "have you sold homes in Riverside?"
      if ((prep === 'in' || prep === 'around') && CURRENTLY.test(before)) continue; // "we're in Dayton"
      if (prep === 'in' && LEFT_BEHIND.test(before)) continue; // "our last realtor back in Raleigh"
      if (prep === 'in' && WHO_WE_ARE.test(before)) continue; // "we're empty nesters in Plymouth"
      if (nearby && AGENT_RECORD_ES.test(before)) continue;
      if (nearby && (OTHERS_TRADE.test(before) || (options.seller && !SEEKING.test(before)))) continue;
      if (prep === 'area' && /^[A-Z]{1,3}$/.test(raw)) continue; // a flood zone ("area AE"), not a place
      if (prep === 'in' && SOMEONE_ELSES.test(before)) continue; // "my uncle is an agent in Dallas"
      if (nearby && OTHERS_DOING.test(before)) continue; // "my cousin bought in Ypsi"
      if (prep === 'near' && lastMatchEnd(OWNED_NEAR, before) > lastMatchEnd(WANT_CUE, before)) continue;
      if (nearby) {
        const leave = lastMatchEnd(LEAVE_CUE, before);
        const want = lastMatchEnd(WANT_CUE, before);
        if (leave >= 0 && leave >= want) continue;
      }
      const after = sentence.slice(m.index + m[0].length);
      if (WORKPLACE_AFTER.test(after)) continue; // "transferred to the Mayo campus"
      add(clean(raw));
      continuation(after, false).places.forEach(add);
    }
    lowerCuePlaces(sentence, options.seller === true).forEach(add);
    lowerPlaceLists(sentence).forEach(add);
    // "the Riverside neighborhood", "the Highlands area".
    const named = new RegExp(
      `\\b[Tt]he\\s+(${CAP_SEQ})\\s+(?:neighbou?rhood|area|district|community|part of town|side of town)\\b`,
      'g',
    );
    while ((m = named.exec(sentence)) !== null) {
      const before = sentence.slice(0, m.index);
      if (NEGATED.test(before)) continue;
      const leave = lastMatchEnd(LEAVE_CUE, before);
      if (leave >= 0 && leave >= lastMatchEnd(WANT_CUE, before)) continue;
      add(clean(m[1] ?? ''));
    }
    specListPlaces(sentence).forEach(add);
    placeLists(sentence).forEach(add);
    if (AREA_CONTEXT.test(text)) bareAlternatives(sentence).forEach(add);
    if (SLOT_HINT.test(text)) bareLowerList(sentence).forEach(add);
  }
  return found;
}

/** "leaving phoenix for flagstaff", "trading Queens for Long Island": the second place is wanted. */
function leavingFor(sentence: string): string[] {
  const re = new RegExp(
    `\\b${ci('(?:leaving|leave|ditching|ditch|trading|trade|swapping|swap)')}\\s+(?:the\\s+)?(?:${CAP_SEQ}|${LOWER_SEQ})\\s+for\\s+(?:the\\s+)?(?:(${CAP_SEQ})|(${LOWER_SEQ})${LOWER_END})`,
    'g',
  );
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence)) !== null) {
    const lower = m[1] === undefined;
    const place = lower ? cleanLower(m[2] ?? '') : clean(m[1] ?? '');
    if (place === null) continue;
    out.push(place, ...continuation(sentence.slice(m.index + m[0].length), lower).places);
  }
  return out;
}

/** Lowercase place names after a strong housing cue: "a 3 bed in round rock under 400k". */
function lowerCuePlaces(sentence: string, seller: boolean): string[] {
  const out: string[] = [];
  let m: RegExpExecArray | null;
  const lowerTrigger = new RegExp(
    `(?:(?:^|,)\\s*in|\\b(?:(?:looking|hunting|shopping|searching|search|stuff|listings|(?:your|ur|the) list|anything|live|living|move|moving|relocating|buy|buying|homes?|houses?|condos?|townhomes?|townhouses?|places?|something|beds?|br|bds?|bdrms?|\\d+(?:br|bds?|beds?|bdrms?)\\+?|bedrooms?|duplex(?:es)?|triplex(?:es)?|fourplex(?:es)?|quadplex(?:es)?|units?|cabins?|rentals?|property|properties|land|lots?|acres|acreage)(?:\\s+\\w+){0,2}?\\s+(?:in|outside(?: of)?|near|around|(?:out )?past|beyond|out (?:by|towards?)|over by)|(?:be|live|stay|settle|land|end up)\\s+(?:somewhere\\s+)?(?:in|around|near|close to|closer to)|(?:move|moving|relocating|relocate|transferring|heading)(?:\\s+from\\s+${LOWER_SEQ})?(?:\\s+(?:back|over|down|up|out))?\\s+to))\\s+(${LOWER_SEQ})(?=\\s*(?:$|[,.;:!?)]|\\s(?:under|for|with|or|and|area|around|near|close|off|max|budget|by|within|in|next|this|is|are|preferably|ideally|please|pls|only|mostly|tho|if|but|so|because|somewhere|probably|maybe|to|on|(?:sat|sun|mon|tues?|wed|thu(?:rs?)?|fri)(?:urday|day|nesday|sday)?|tmrw|tomorrow|today|tonight)\\b|\\s[a-z]{2}(?=\\s*(?:$|[,.;:!?)]))))`,
    'g',
  );
  while ((m = lowerTrigger.exec(sentence)) !== null) {
    const before = sentence.slice(0, m.index);
    if (NEGATED.test(before)) continue;
    if (lastMatchEnd(OWNED_NEAR, before) > lastMatchEnd(WANT_CUE, before)) continue; // "inherited 40 acres outside x"
    // "sell our condo in doral", "it's a townhouse in west kendall": the place they hold, as for capitals.
    // A clause that opens with "in" (", in santa ana or garden grove") is a spec of its own, not that place.
    const cue = m[0].slice(0, m[0].length - (m[1] ?? '').length);
    const near = /\b(?:in|near|around|outside(?: of)?|past|beyond|by|towards?)\s*$/.test(cue);
    if (
      near &&
      (OTHERS_TRADE.test(before) ||
        OTHERS_DOING.test(before) ||
        (seller && !SEEKING.test(sentence.slice(0, m.index + cue.length))))
    )
      continue;
    if (!/^(?:^|,)\s*in\s*$/.test(cue) && /\b(?:in|around|outside(?: of)?)\s*$/.test(cue)) {
      const upTo = sentence.slice(0, m.index + cue.length);
      const leave = lastMatchEnd(LEAVE_CUE, upTo);
      if (leave >= 0 && leave >= lastMatchEnd(WANT_CUE, upTo)) continue;
    }
    const place = cleanLower(m[1] ?? '');
    if (place === null) continue;
    out.push(place, ...continuation(sentence.slice(m.index + m[0].length), true).places);
  }
  return out;
}

/**
 * Lowercase places a lead weighs ("thinking fort collins or loveland, maybe windsor") — only as a list, so one
 * word after "thinking" is never taken for a place — and "boerne is where we want to be".
 */
function lowerPlaceLists(sentence: string): string[] {
  const out: string[] = [];
  const weighing = new RegExp(
    `\\b(?:thinking|considering|eyeing|between|either|looking at|looking in|torn between|open to|leaning towards?|leaning|want|wants|wanted|maybe|possibly|probably|ideally|preferably)\\s+(?:about\\s+)?(${LOWER_SEQ})(?=\\s*(?:,|(?:or|and|\\/)\\s))`,
    'g',
  );
  let m: RegExpExecArray | null;
  while ((m = weighing.exec(sentence)) !== null) {
    if (NEGATED.test(sentence.slice(0, m.index))) continue;
    const first = cleanLower(m[1] ?? '');
    const rest = continuation(sentence.slice(m.index + m[0].length), true).places;
    if (first === null || rest.length === 0) {
      // "leaning toward thinking lakewood or arvada": try again from the word after the cue.
      weighing.lastIndex = m.index + m[0].length - (m[1] ?? '').length;
      continue;
    }
    out.push(first, ...rest);
  }
  const where = new RegExp(
    `^\\s*(${LOWER_SEQ}|${CAP_SEQ})\\s+is\\s+where\\s+(?:we|i)\\s+(?:want|wanna|'d like|would like|need|hope|plan)`,
  ).exec(sentence);
  if (where) {
    const raw = where[1] ?? '';
    const place = /^[A-Z]/.test(raw) ? clean(raw) : cleanLower(raw);
    if (place !== null) out.push(place);
  }
  // "Paradise Valley or Arcadia only": a list of names that opens the sentence and is limited by "only".
  const only = new RegExp(
    `^\\s*(${CAP_SEQ}(?:\\s*(?:,|\\/|\\bor\\b|\\band\\b)\\s*${CAP_SEQ})+)\\s+(?:only|preferably|ideally|mostly)\\b`,
  ).exec(sentence);
  if (only) {
    const places = (only[1] ?? '').split(/\s*(?:,|\/|\bor\b|\band\b)\s*/).map(clean);
    if (places.every((p) => p !== null)) out.push(...places.filter((p): p is string => p !== null));
  }
  return out;
}

/** A sentence that is nothing but names offered as alternatives ("Osage County or Kay County."), in a housing message. */
function bareAlternatives(sentence: string): string[] {
  const m = new RegExp(`^\\s*(${CAP_SEQ}(?:\\s*,\\s*${CAP_SEQ})*\\s*,?\\s+or\\s+${CAP_SEQ})\\s*$`).exec(
    sentence,
  );
  if (!m) return [];
  const places = (m[1] ?? '')
    .split(/\s*(?:,|\bor\b)\s*/)
    .filter((x) => x.length > 0)
    .map(clean);
  return places.every((p) => p !== null) ? places.filter((p): p is string => p !== null) : [];
}

/**
 * A sentence that is nothing but lowercase names offered as alternatives, in a message that states a spec:
 * "2 bed. elk grove, folsom or lincoln. max 600k". Every name must pass the place shape, or none is taken.
 */
function bareLowerList(sentence: string): string[] {
  const m = new RegExp(`^\\s*(${LOWER_SEQ})${LOWER_END}`).exec(sentence);
  const first = m ? cleanLower(m[1] ?? '') : null;
  if (!m || first === null) return [];
  const rest = continuation(sentence.slice(m[0].length), true);
  const left = sentence.slice(m[0].length + rest.consumed);
  if (!/^[\s,.!?]*$/.test(left)) return [];
  // A lone name is a place only in a place's shape ("catalina foothills", "north scottsdale").
  if (rest.places.length === 0) return PLACE_SHAPED.test(first) && first === m[1] ? [first] : [];
  return [first, ...rest.places];
}

/** A lowercase place that cannot be a common phrase: a list, a compass word before a name, or a place head after it. */
const LOWER_SPEC = new RegExp(`^(${LOWER_SEQ})((?:\\s*(?:\\/|\\bor\\b|\\band\\b|&)\\s*${LOWER_SEQ})*)$`);
const PLACE_SHAPED = new RegExp(
  `^(?:(?:${DIRECTION}|new) \\S+|\\S+ (?:${HEAD_WORDS}|city|county|beach|valley|park|village))$`,
);

/** Lowercase places of a spec-list segment: "1.2 mil max, 4 bd, north scottsdale", "condo, 2br, katy or cypress". */
function lowerSpecSegment(s: string): string[] {
  const m = LOWER_SPEC.exec(s);
  if (!m) return [];
  const parts = s.split(/\s*(?:\/|\bor\b|\band\b|&)\s*/);
  const places = parts.map(cleanLower);
  // Every word must belong to a place (nothing trimmed), so "good schools" or "big yard" is never one.
  if (places.some((p, i) => p === null || p !== parts[i])) return [];
  if (places.length === 1 && !PLACE_SHAPED.test(places[0] ?? '')) return [];
  return places.filter((p): p is string => p !== null);
}

/** Places of a spec-list sentence: "single family, 3-4 bed, Meridian or Nampa". */
function specListPlaces(sentence: string): string[] {
  const segments = sentence.split(/,/);
  if (segments.length < 2 || !segments.some((s) => SLOT_HINT.test(s))) return [];
  const out: string[] = [];
  segments.forEach((seg, i) => {
    const s = seg.trim();
    if (i > 0 && !SLOT_HINT.test(s)) out.push(...lowerSpecSegment(s));
    const only = new RegExp(`^(${CAP_SEQ})((?:\\s*(?:\\/|or|and|&)\\s*${CAP_SEQ})*)$`).exec(s);
    if (!only) return;
    const multi = (only[2] ?? '').length > 0;
    if (i === 0 && !multi) return; // "Sarah, ..." — a vocative, not a place
    const places = s.split(/\s*(?:\/|\bor\b|\band\b|&)\s*/).map(clean);
    if (places.some((p) => p === null)) return;
    out.push(...places.filter((p): p is string => p !== null));
  });
  return out;
}

/** Words that make a bare list of three or more names a list of wanted places ("X, Y, or Z would all work"). */
const LIST_CONTEXT =
  /\b(?:work|works|fine|good|options?|list|top|picks?|favou?rites?|open|consider\w*|like|love|prefer\w*)\b/i;

/** Lists of three or more capitalized places anywhere in a housing sentence: "Kendall, Doral, or Coral Gables". */
function placeLists(sentence: string): string[] {
  if (!AREA_CONTEXT.test(sentence) && !LIST_CONTEXT.test(sentence)) return [];
  const list = new RegExp(
    `(${CAP_SEQ})((?:\\s*,\\s*${CAP_SEQ}){1,8})\\s*,?\\s*(?:or|and|&)\\s+(${CAP_SEQ})`,
    'g',
  );
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = list.exec(sentence)) !== null) {
    const before = sentence.slice(0, m.index);
    if (NEGATED.test(before)) continue;
    const leave = lastMatchEnd(LEAVE_CUE, before);
    if (leave >= 0 && leave >= lastMatchEnd(WANT_CUE, before) && /\b(?:in|from)\s*$/i.test(before)) continue;
    const items = [m[1] ?? '', ...(m[2] ?? '').split(',').slice(1), m[3] ?? ''].map((x) => clean(x.trim()));
    if (items.some((x) => x === null)) continue;
    out.push(...items.filter((x): x is string => x !== null));
  }
  return out;
}

/** Places a short answer opens with, after the agent asked where: "Plano or Frisco mostly", "Kendall, Doral". */
export function answerPlaces(text: string): string[] {
  const lead = new RegExp(
    `^\\s*(?:probably|mostly|ideally|maybe|either|definitely|hopefully)?\\s*(${CAP_SEQ}(?:\\s*(?:,|\\/|&|\\bor\\b|\\band\\b)\\s*${CAP_SEQ})*)`,
  ).exec(text);
  if (!lead) return lowerAnswerPlaces(text);
  const places = (lead[1] ?? '').split(/\s*(?:,|\/|&|\bor\b|\band\b)\s*/).map(clean);
  if (places.some((p) => p === null)) return [];
  return places.filter((p): p is string => p !== null);
}

/** The same answer typed in lowercase: "probably katy or cypress", "anywhere in gwinnett". */
function lowerAnswerPlaces(text: string): string[] {
  const m = new RegExp(
    `^\\s*(?:(?:probably|prob|mostly|ideally|maybe|either|definitely|def|hopefully|honestly)\\s+)*(?:(?:anywhere|somewhere)\\s+)?(?:in\\s+|around\\s+|near\\s+)?(${LOWER_SEQ})${LOWER_END}`,
  ).exec(text);
  if (!m) return [];
  const first = cleanLower(m[1] ?? '');
  if (first === null) return [];
  return [first, ...continuation(text.slice(m.index + m[0].length), true).places];
}

/**
 * The conversation's wanted places, states trimmed: "greenville sc" is Greenville, a postal code alone is no area,
 * and a state named beside a city ("winter in Florida … around Port St. Lucie") gives way to the city.
 */
export function withoutStates(areas: string[]): string[] {
  const trimmed = areas
    .map((a) => {
      const words = a.split(' ');
      const last = words[words.length - 1] ?? '';
      return words.length > 1 && last.length === 2 && STATES.has(last) ? words.slice(0, -1).join(' ') : a;
    })
    .filter((a) => !(a.length === 2 && STATES.has(a) && a !== 'la'));
  const cities = trimmed.filter((a) => !STATES.has(a));
  return [...new Set(cities.length > 0 ? cities : trimmed)];
}
