/**
 * The words and patterns area extraction (areas.ts) reads places with: stoplists, place-word shapes, and the cues
 * that tell a place the lead wants from one they live in, leave, sell or merely mention.
 */
/** Capitalized words that are never part of a place name. */
export const CAP_STOP = new Set(
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
export const SOFT_STOP = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri ' +
    'january february march april may june july august september october november december jan feb apr ' +
    'spring summer fall autumn winter christmas thanksgiving easter ' +
    'north south east west northern southern eastern western central greater'
  ).split(/\s+/),
);

/** A place ending in one of these is a street, a building or a business, not an area. */
export const NON_AREA_SUFFIX =
  /^(?:rd|road|st|street|ave|avenue|dr|drive|ct|court|blvd|boulevard|ln|lane|way|pl|cir|circle|pkwy|parkway|hwy|highway|trl|ter|terrace|elementary|school|academy|mall|airport|hospital|office|listing|building|church|mosque|temple|synagogue|center|centre|apartments?|tower|plaza|cafe|restaurant|realty|homes|group|campus|base|clinic|plant|factory|headquarters|hq|line|station|terminal|stop|exit)$/i;

/** Lowercase words that are never a place on their own. */
export const COMMON = new Set(
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
    'sale sell selling buy buying move moving looking look search searching mls zillow redfin ' +
    'want wants please pls plz tho though too only mostly asap thx thanks maybe ideally preferably ' +
    'idk dunno unsure flexible open either whatever wherever none nowhere tbd everywhere anywhere somewhere ' +
    'max min maximum minimum cap limit ceiling tops probably prob hand hands above below behind beside across along inside ' +
    'upstairs downstairs nearby fee fees leasehold freehold title deed'
  ).split(/\s+/),
);

export const CAP_WORD =
  "(?:(?:St|Ft|Mt)\\.|(?:[dlDL]['’])?[A-ZÁÉÍÓÚÑÜ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*[A-Za-zÀ-ÖØ-öø-ÿ])";
/** A place of up to four words; a lone capital letter only inside one ("Land O Lakes"). */
export const CAP_SEQ = `${CAP_WORD}(?:\\s+(?:${CAP_WORD}|[A-Z](?=\\s+[A-Z]))){0,3}`;
/** A compass word that opens a lowercase place ("west kendall", "north las vegas"). */
export const DIRECTION = 'north|south|east|west|northeast|northwest|southeast|southwest';
/** Plural heads that end many place names ("colorado springs", "shaker heights"); "the" + one is a place too. */
export const HEAD_WORDS =
  'springs|falls|heights|hills|foothills|lakes|woods|woodlands|pines|gardens|oaks|palms|isles|keys|shores|rapids|plains|cliffs|meadows|forks|groves|villages';
/** A lowercase place of one or two words; a second word of two letters only if it is no function word ("santa fe"). */
export const LOWER_SEQ = `(?:(?:${DIRECTION})\\s+(?=[a-z]{3}))?(?:(?:st|ft|mt)\\.?\\s+|(?:el|la|las|los|le|de|des|du)\\s+(?=[a-z]{3})|the\\s+(?=(?:${HEAD_WORDS})\\b))?[a-z][a-z-]{2,}(?:\\s+(?:[a-z]['’])?(?:[a-z][a-z-]{2,}|(?!(?:or|an|in|on|at|to|of|by|is|so|if|it|we|us|me|my|no|do|go|up|as|be)\\b)[a-z]{2}\\b))?`;

/**
 * Cues that make "in X" about where the lead lives or what they sell, not where they want to go ("want to live in X"
 * is a wish: live/stay/rent after "to" are not cues, unless "used to").
 */
export const LEAVE_CUE =
  /\b(?:(?:have|own|got|has)\s+(?:about\s+|around\s+|like\s+|roughly\s+|almost\s+|over\s+)?\d[\d,.]*\s*(?:acres?|ac)\b(?:\s+(?:of\s+)?(?:(?:raw|bare|vacant|undeveloped|farm|ranch|pasture|wooded|timber)\s+)?(?:land|ground|property|pasture|farmland|timberland))?|(?:we|i)\s+(?:have|own|got)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:house|home|place|condo|townhouse|townhome|property|unit|duplex|triplex|lot|land|building|bed|br|bedroom)|(?:own|owns|owned|sell|selling|sold|inherited|list|listing)\s+(?:a|an|our|my|the|her|his|their|your)\s+(?:[\w'’-]+\s+){0,2}?(?:house|home|place|condo|townhouse|townhome|property|unit|duplex|triplex|lot|land|building|bed|br|bedroom)|(?<!\b(?:buy|buying|find|finding|purchase|purchasing|build|building|get|getting)\s+)(?:our|my|her|his|their)\s+(?:[\w'’]+\s+)?(?:house|home|place|condo|townhouse|townhome|property|unit|apartment|duplex|lot|bed|br|bedroom)|(?:it'?s|it is|its)\s+(?:a|an)\s+(?:\w+\s+)?\w+|(?:we'?re|we are|i'?m|i am)\s+(?:currently\s+|still\s+|now\s+)?in\s+(?:a|an|our|my|the)\b|(?:we|i)\s+(?:have|own|got)\s+(?:a|an)\b|inherit\w*|currently|grew up|leaving|working|selling|rented|raised|lives|lived|based|leave|owned|born|from|work|sell|sold|own|(?<!(?<!\bused\s)\b(?:to|wanna)\s)(?:renting|staying|living|live|rent|stay))\b/gi;
export const WANT_CUE =
  /\b(?:somewhere|settle|settling|end up|hope to|hoping to|buy|buying|bought|look|looking|search|searching|move|moving|relocat\w*|want|wanting|need|interested|find|something|anything|options?|homes?|houses?|condos?|townhomes?|townhouses?|duplex\w*|places?|beds?|br|bedrooms?|properties|property|land|lots?)\b/gi;
/** Without one of these in the sentence, "in X" is probably not a place the lead wants ("a realtor in Ohio"). */
export const AREA_CONTEXT =
  /\b\d+\s+[A-Z]\w+\s+(?:St|Ave|Rd|Dr|Ln|Blvd|Ct|Way|Pl|Street|Avenue|Road|Drive|Lane)\b|\b(?:under|below|around|about|max|up to|limit(?:\s+(?:is|was|of))?|ceiling(?:\s+(?:is|was))?)\s+\$?\d|\b(?:be|stay|get|live)\s+(?:near|close to|closer to)\b|\b(?:settle|settling|retire|retiring|view|viewing|tour|touring|showings?|visit|beds?|bedrooms?|br|bdrms?|condos?|town\s?(?:homes?|houses?)|single[- ]family|duplex|budget|max|homes?|houses?|places?|propert(?:y|ies)(?! tax)|land|acres?|lots?|communit(?:y|ies)|neighbou?rhoods?|areas?|buy|buying|move|moving|relocat\w*|live|living|looking|look|search\w*|interested|want|wanting|need|something|anything|somewhere|options?|listings?|out there|market)\b|\d+k\b/i;
/** Trigger words that name a place only in a sentence about housing ("maybe Sarasota", not "maybe Sarah"). */
export const GATED_TRIGGERS = new Set(['maybe', 'like', 'love', 'downtown', 'uptown', 'midtown']);
export const SOMEONE_ELSES =
  /\b(?:agent|realtor|broker|lender|office|compan(?:y|ies)|investors?|builders?|firms?|parents|friends?|relatives?|uncle|aunt|cousin|sister|brother|in-laws?|(?:my|our|his|her) family)\s+(?:is\s+|are\s+|lives?\s+|living\s+|works?\s+|based\s+)?$/i;
/** "my cousin bought in X", "my cousin just got her license at a brokerage in X": another person's doing, no lead in it. */
export const OTHERS_DOING =
  /\b(?:my|our|his|her)\s+(?:\w+\s+)?(?:cousins?|sisters?|brothers?|friends?|neighbou?rs?|co-?workers?|uncles?|aunts?|mom|dad|parents|in-laws?|boss|son|daughter)\b(?![^.?!]*\b(?:we|i|us|me)\b)[^.?!]*\b(?:bought|sold|listed|got|closed|paid|rented|purchased|works?|worked)\b[^.?!]*$/i;
/** The agent's own track record ("have you sold homes in X?") names no place the lead wants. */
export const AGENT_RECORD =
  /\b(?:you|u|your (?:team|brokerage|office|company))\s+(?:\w+\s+){0,2}(?:sold|listed|closed|worked|done|helped)\b[^.?!]*$/i;
export const CURRENTLY =
  /\b(?:we'?re|we are|i'?m|i am)(?:\s+(?:currently|now|still|already|living|based))?\s*$/i;
/** "we're empty nesters in X", "I'm a nurse in X": who the lead is, where they are now. */
export const WHO_WE_ARE =
  /\b(?:we'?re|we are|i'?m|i am)\s+(?:a\s+|an\s+)?(?:[a-z-]+\s+){0,2}(?:nesters?|couple|family|retirees?|renters?|owners?|homeowners?|nurses?|teachers?|students?|veterans?|parents?)\s*$/i;
/** A name followed by one of these is a workplace or a site, not an area. */
export const WORKPLACE_AFTER =
  /^\s+(?:campus|base|office|offices|hospital|clinic|plant|factory|headquarters|hq|branch|store|site|facility|parking|lot|drive-thru|checkout|aisle)\b/i;
/** "we inherited 5 acres near X": land the lead holds, not a place they want. */
export const OWNED_NEAR = /\b(?<!\bto\s)(?:inherit\w*|own|owns|owned|selling|sell|sold)\b/gi;
/** Spanish: the agent's record ("todo lo que ha vendido son condos en X") names no wanted place. */
export const AGENT_RECORD_ES = /\b(?:ha|has|han)\s+(?:vendido|listado|cerrado|sold|listed|closed)\b[^.?!]*$/i;
export const NEGATED =
  /\b(?:not|never|avoid|except|away from|anywhere but|but not|no|rather not|don'?t want)\s+(?:\w+\s+){0,2}$/i;

/** Places shaped like a verb or an adverb (-ing, -ly, -ed), which lowercase extraction otherwise never takes. */
export const VERB_SHAPED_PLACES = new Set(
  (
    'wyoming lansing irving reading flushing kettering sterling ewing corning fleming browning redding ' +
    'beverly waverly kimberly reed'
  ).split(/\s+/),
);

/** US states and their postal codes: "Columbia, SC" keeps "columbia" only. */
export const STATES = new Set(
  (
    'al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc ' +
    'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas ' +
    'kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon ' +
    'pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming'
  ).split(/\s+/),
);
