/**
 * Area extraction: the places a lead WANTS (lowercase), never the place they live in or leave.
 * General patterns only: "in X", "near X", "around X", "looking at X", "move/relocate to X",
 * "from X to Y" (keeps Y), lists ("X or Y", "X, Y and Z"), and a comma-separated spec list
 * ("townhome, 2 bed min, Westerville or Dublin, max 300k"). Capitalized words are candidates,
 * filtered by a stoplist; lowercase place names are accepted only after a strong housing cue.
 */

/** Capitalized words that are never part of a place name. */
const CAP_STOP = new Set(
  (
    "i im i'm i'd i'll ive we you he she they it the a an my our your their his her this that these those " +
    'hi hey hello thanks thank yes yeah yep no nope nah ok okay great sure just also and but so or if is are ' +
    'can could would will what which how when where who why do does did please pls mr mrs ms dr sir maam ' +
    'zillow redfin realtor trulia opendoor offerpad compass mls hoa fha va usda hud craigslist facebook google ' +
    'keller williams remax coldwell century sotheby sothebys exp ' +
    'english spanish chinese mexican indian american black white asian hispanic latino christian muslim jewish ' +
    'mom dad mother father wife husband son daughter kids friend sister brother ' +
    'unit building school elementary middle high college university airport hospital mall downtown uptown midtown ' +
    'covid ai adu sfh llc tv'
  ).split(/\s+/),
);

/** Capitalized words that are not a place on their own but can start one ("Spring Hill", "North Charleston"). */
const SOFT_STOP = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri ' +
    'january february march april may june july august september october november december jan feb apr ' +
    'spring summer fall autumn winter christmas thanksgiving easter ' +
    'north south east west northern southern eastern western central greater'
  ).split(/\s+/),
);

/** A place ending in one of these is a street, a building or a business, not an area. */
const NON_AREA_SUFFIX =
  /^(?:rd|road|st|street|ave|avenue|dr|drive|ct|court|blvd|boulevard|ln|lane|way|pl|cir|circle|pkwy|parkway|hwy|highway|trl|ter|terrace|elementary|school|academy|mall|airport|hospital|office|listing|building|church|mosque|temple|synagogue|center|centre|apartments?|tower|plaza|cafe|restaurant|realty|homes|group)$/i;

/** Lowercase words that are never a place on their own. */
const COMMON = new Set(
  (
    'a an the my our your their his her its this that these those it them us me you one two some any each every ' +
    'all both other another same such what which who whom whose where when how why here there town city area ' +
    'areas neighborhood neighborhoods country state county suburbs suburb burbs downtown uptown midtown ' +
    'person cash escrow mind general particular advance time times writing touch place places order fact case ' +
    'love total full process market range budget rush hurry need between about around mid early late next last ' +
    'spring summer fall winter autumn january february march april may june july august september october ' +
    'november december monday tuesday wednesday thursday friday saturday sunday week weeks month months year ' +
    'years day days school schools district building complex community communities subdivision village ' +
    'good great nice quiet safe small big large new old older newer better best cheap cheaper expensive ' +
    'mind person line contact charge favor doubt trouble question shape stock mind order theory particular ' +
    'north south east west northern southern eastern western central inner outer the rural urban ' +
    'house houses home homes condo condos townhome townhomes townhouse townhouses apartment unit units lot lots ' +
    'yard garage basement kitchen bedroom bathroom backyard pool office room rooms space size price prices ' +
    'mortgage loan rent rental lease contract closing inspection appraisal offer offers bid ' +
    'case reality short total terms mind public private person whole addition return exchange response ' +
    'and or but so if then than too very really just only also even still already not no yes ok okay ' +
    'for from with without into onto upon under over near by at of on off up down out in to as is are be ' +
    'was were been being do does did have has had will would can could should may might must shall ' +
    'sale sell selling buy buying move moving looking look search searching mls zillow redfin'
  ).split(/\s+/),
);

const CAP_WORD = "(?:(?:St|Ft|Mt)\\.|[A-Z][A-Za-z'’.-]*[A-Za-z])";
const CAP_SEQ = `${CAP_WORD}(?:\\s+${CAP_WORD}){0,3}`;
const LOWER_SEQ = '(?:(?:st|ft|mt)\\.?\\s+)?[a-z][a-z-]{2,}(?:\\s+[a-z][a-z-]{2,})?';

/** Cues that make "in X" about where the lead lives or what they sell, not where they want to go. */
const LEAVE_CUE =
  /\b(?:(?:we|i)\s+(?:have|own|got)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:house|home|place|condo|townhouse|townhome|property|unit|duplex|triplex|lot|land|building|bed|br|bedroom)|(?:own|owns|owned|sell|selling|sold|inherited|list|listing)\s+(?:a|an|our|my|the|her|his|their)\s+(?:[\w'’-]+\s+){0,2}?(?:house|home|place|condo|townhouse|townhome|property|unit|duplex|triplex|lot|land|building|bed|br|bedroom)|(?<!\b(?:buy|buying|find|finding|purchase|purchasing|build|building|get|getting)\s+)(?:our|my|her|his|their)\s+(?:[\w'’]+\s+)?(?:house|home|place|condo|townhouse|townhome|property|unit|apartment|duplex|lot|bed|br|bedroom)|(?:it'?s|it is|its)\s+(?:a|an)\s+(?:\w+\s+)?\w+|(?:we'?re|we are|i'?m|i am)\s+(?:currently\s+|still\s+|now\s+)?in\s+(?:a|an|our|my|the)\b|(?:we|i)\s+(?:have|own|got)\s+(?:a|an)\b|inherit\w*|currently|renting|staying|grew up|leaving|working|selling|living|rented|raised|lives|lived|based|leave|owned|live|rent|stay|born|from|work|sell|sold|own)\b/gi;
const WANT_CUE =
  /\b(?:buy|buying|bought|look|looking|search|searching|move|moving|relocat\w*|want|wanting|need|interested|find|something|anything|options?|homes?|houses?|condos?|townhomes?|townhouses?|duplex\w*|places?|beds?|br|bedrooms?|properties|property|land|lots?)\b/gi;
/** Without one of these in the sentence, "in X" is probably not a place the lead wants ("a realtor in Ohio"). */
const AREA_CONTEXT =
  /\b(?:beds?|bedrooms?|br|bdrms?|condos?|town\s?(?:homes?|houses?)|single[- ]family|duplex|budget|max|homes?|houses?|places?|propert(?:y|ies)(?! tax)|land|acres?|lots?|communit(?:y|ies)|neighbou?rhoods?|areas?|buy|buying|move|moving|relocat\w*|live|living|looking|look|search\w*|interested|want|wanting|need|something|anything|options?|listings?|out there|market)\b|\d+k\b/i;
const SOMEONE_ELSES =
  /\b(?:agent|realtor|broker|lender|office|parents|friends?|relatives?|uncle|aunt|cousin|sister|brother|in-laws?|(?:my|our|his|her) family)\s+(?:is\s+|are\s+|lives?\s+|living\s+|works?\s+|based\s+)?$/i;
/** The agent's own track record ("have you sold homes in X?") names no place the lead wants. */
const AGENT_RECORD =
  /\b(?:you|u|your (?:team|brokerage|office|company))\s+(?:\w+\s+){0,2}(?:sold|listed|closed|worked|done|helped)\b[^.?!]*$/i;
const CURRENTLY = /\b(?:we'?re|we are|i'?m|i am)(?:\s+(?:currently|now|still|already|living|based))?\s*$/i;
const NEGATED =
  /\b(?:not|never|avoid|except|away from|anywhere but|but not|no|rather not|don'?t want)\s+(?:\w+\s+){0,2}$/i;

/** Case-insensitive letters for a pattern written in lowercase (the place part stays case-sensitive). */
function ci(pattern: string): string {
  return pattern.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

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

function clean(place: string): string | null {
  const words = place
    .replace(/[’']s$/i, '')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const key = (w: string): string => w.toLowerCase().replace(/[.’']/g, '');
  while (words.length > 0 && CAP_STOP.has(key(words[0] ?? ''))) words.shift();
  // An inner stop word ends the place ("Austin Monday" → "Austin").
  const kept: string[] = [];
  for (const w of words) {
    if (CAP_STOP.has(key(w))) break;
    kept.push(w);
  }
  while (kept.length > 0 && SOFT_STOP.has(key(kept[kept.length - 1] ?? ''))) kept.pop();
  if (kept.length === 0) return null;
  const last = kept[kept.length - 1] ?? '';
  if (NON_AREA_SUFFIX.test(last.replace(/\.$/, ''))) return null;
  const out = kept.join(' ').replace(/\.$/, '').toLowerCase();
  return out.length >= 2 ? out : null;
}

function cleanLower(place: string): string | null {
  const words = place.split(/\s+/);
  const saint = /^(?:st|ft|mt)\.?$/.test(words[0] ?? '') ? words.shift() : undefined;
  const first = words[0] ?? '';
  if (COMMON.has(first) || /(?:ing|ly|ed)$/.test(first)) return null;
  const kept = saint !== undefined ? [saint, first] : [first];
  const second = saint !== undefined ? undefined : words[1];
  if (second !== undefined && !COMMON.has(second) && !/(?:ing|ly|ed|s)$/.test(second)) kept.push(second);
  return kept.join(' ');
}

/** US states and their postal codes: "Columbia, SC" keeps "columbia" only. */
const STATES = new Set(
  (
    'al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc ' +
    'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas ' +
    'kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon ' +
    'pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming'
  ).split(/\s+/),
);

/** Places that continue a list right after a match: "Chandler or Gilbert", "Cary, Apex and Holly Springs". */
function continuation(rest: string, lower: boolean): { places: string[]; consumed: number } {
  const places: string[] = [];
  let consumed = 0;
  const re = new RegExp(
    `^\\s*(?:,\\s*(?:or|and)?|\\/|\\bor\\b|\\band\\b|&)\\s*(?:maybe\\s+|possibly\\s+|even\\s+|also\\s+)?(?:in\\s+|near\\s+)?(${lower ? LOWER_SEQ : CAP_SEQ})`,
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
export function extractAreasFromText(text: string): string[] {
  const found: string[] = [];
  const add = (p: string | null): void => {
    if (p !== null && !found.includes(p)) found.push(p);
  };
  const sentences = text.split(/[!?\n;]+|(?<!\b(?:[Ss]t|[Ff]t|[Mm]t|[Mm]rs?|[Dd]r))\.(?!\d)(?:\s+|$)/);
  for (const sentence of sentences) {
    if (!sentence.trim()) continue;
    // "from X to Y": Y is wanted, X is left behind.
    const fromTo = new RegExp(
      `\\b${ci('from')}\\s+(?:the\\s+)?${CAP_SEQ}\\s+to\\s+(?:the\\s+)?(${CAP_SEQ})`,
      'g',
    );
    let m: RegExpExecArray | null;
    while ((m = fromTo.exec(sentence)) !== null) {
      add(clean(m[1] ?? ''));
      const c = continuation(sentence.slice(m.index + m[0].length), false);
      c.places.forEach(add);
    }
    const trigger = new RegExp(
      `\\b((?:${ci('in|near|around|outside of|outside|looking at|close to|closer to|prefer|preferably|ideally|considering|thinking|eyeing|focused on|focusing on|targeting|open to|area|areas|location|city|town|neighborhood|neighborhoods')}):?|${ci('(?:move|moving|moved|relocate|relocating|relocation|transferred|transferring|heading|headed|come back|coming back|going back|go back|retire|retiring|pcs|pcsing|settle|settling|downsiz(?:e|ing)|upsiz(?:e|ing))')}\\s+(?:back\\s+|over\\s+|down\\s+|up\\s+|out\\s+)?to)\\s+(?:[Tt]he\\s+)?(?:(?:downtown|uptown|midtown|north|south|east|west|northeast|northwest|southeast|southwest|central|greater|metro|northern|southern|eastern|western|suburban)\\s+)?(${CAP_SEQ})`,
      'g',
    );
    while ((m = trigger.exec(sentence)) !== null) {
      const prep = (m[1] ?? '').toLowerCase();
      const raw = m[2] ?? '';
      if (!/^[A-Z]/.test(raw)) continue;
      const before = sentence.slice(0, m.index);
      if (NEGATED.test(before)) continue;
      const nearby = prep === 'in' || prep === 'around' || prep === 'near' || prep.startsWith('outside');
      if (nearby && !AREA_CONTEXT.test(sentence)) continue;
      if (nearby && AGENT_RECORD.test(before)) continue; // "have you sold homes in Riverside?"
      if ((prep === 'in' || prep === 'around') && CURRENTLY.test(before)) continue; // "we're in Dayton"
      if (prep === 'in' && SOMEONE_ELSES.test(before)) continue; // "my uncle is an agent in Dallas"
      if (prep === 'in' || prep === 'around' || prep.startsWith('outside')) {
        const leave = lastMatchEnd(LEAVE_CUE, before);
        const want = lastMatchEnd(WANT_CUE, before);
        if (leave >= 0 && leave >= want) continue;
      }
      add(clean(raw));
      const after = sentence.slice(m.index + m[0].length);
      continuation(after, false).places.forEach(add);
    }
    // Lowercase place names after a strong housing cue: "a 3 bed in round rock under 400k".
    const lowerTrigger = new RegExp(
      `\\b(?:(?:looking|live|living|move|moving|relocating|buy|buying|homes?|houses?|condos?|townhomes?|townhouses?|places?|something|beds?|br|bedrooms?|duplex|property|properties)(?:\\s+\\w+){0,2}?\\s+in|move to|moving to|relocating to|relocate to)\\s+(${LOWER_SEQ})(?=\\s*(?:$|[,.;:!?)]|\\s(?:under|for|with|or|and|area|around|max|budget|by|within|in|next|this|is|are|preferably|ideally|if|but|so|because)\\b))`,
      'g',
    );
    while ((m = lowerTrigger.exec(sentence)) !== null) {
      const before = sentence.slice(0, m.index);
      if (NEGATED.test(before)) continue;
      const place = cleanLower(m[1] ?? '');
      if (place === null) continue;
      add(place);
      continuation(sentence.slice(m.index + m[0].length), true).places.forEach(add);
    }
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
  }
  return found;
}

/** Places of a spec-list sentence: "single family, 3-4 bed, Meridian or Nampa". */
function specListPlaces(sentence: string): string[] {
  const segments = sentence.split(/,/);
  if (segments.length < 2 || !segments.some((s) => SLOT_HINT.test(s))) return [];
  const out: string[] = [];
  segments.forEach((seg, i) => {
    const s = seg.trim();
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
