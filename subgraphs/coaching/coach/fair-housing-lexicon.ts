/**
 * The Fair Housing lexicon: the words that name a protected class (race, color, religion, national origin,
 * sex, familial status, disability), and the nouns they attach to. Word lists only — how they combine into
 * steering is in fair-housing-constructions.ts. Every entry is a regex source matched case-insensitively on
 * normalized text (lower case, straight apostrophes, single spaces) between word boundaries.
 */
import { CONDITION_TRAITS } from './fair-housing-conditions';

export type FhClass =
  'RACE' | 'COLOR' | 'RELIGION' | 'SEX' | 'NATIONAL_ORIGIN' | 'FAMILIAL_STATUS' | 'DISABILITY';

/** Alternation of a list of regex sources. */
export const alt = (...parts: string[]): string => `(?:${parts.join('|')})`;

const NATIONALITIES = alt(
  'mexican|chinese|indian|korean|japanese|vietnamese|filipin[oa]|somali|haitian|cuban',
  'puerto rican|dominican|salvadoran|guatemalan|honduran|colombian|venezuelan|brazilian',
  'peruvian|russian|ukrainian|polish|italian|irish|german|greek|arab|middle eastern|persian',
  'nicaraguan|ecuadorian|bolivian|chilean|argentinian|uruguayan|paraguayan|costa rican|panamanian',
  'egyptian|moroccan|algerian|sudanese|yemeni|burmese|nepali|indonesian|malaysian|congolese',
  'iranian|iraqi|syrian|afghan|pakistani|bangladeshi|nigerian|ethiopian|eritrean|ghanaian',
  'kenyan|african|caribbean|jamaican|hmong|cambodian|laotian|thai|armenian|turkish|lebanese',
  'boricua|nuyorican|chicano|chicana|desi|gringo|gringa',
  'american|egyptian|moroccan|palestinian|israeli|portuguese|european|latin american|south asian',
  'east asian|foreign|immigrant|refugee|migrant|non[- ]english[- ]speaking',
  // A demonym the list lacks, said of a group of people: "the Micronesian community", "Burundian families".
  '(?!(?:christian|victorian|edwardian|georgian|suburban|urban|mediterranean|librarian|vegetarian|veterinarian|pedestrian|equestrian|guardian|civilian|median|ocean|obese|unitarian|presbyterian|episcopalian|utilitarian|humanitarian|agrarian|bohemian|asian|caucasian|lesbian|orthodox|senior|veteran|artisan)\\b)[a-z]{3,}(?:ian|ean|ese)(?= (?:community|communities|population|enclave|families|immigrants|neighbou?rs|residents|folks|people)\\b)',
  // "are the people across the street legal?": legal said of people is their immigration status.
  "legal(?<=\\b(?:people|folks|they|neighbou?rs|tenants|renters|buyers|applicants|he|she|family|families|residents|workers)(?:(?: [\\w'-]+){0,4}? (?:are|is|'re|were|was))? (?:all |even |really |actually )?legal)(?= *(?:[?.!,]|$|or not|here|citizens?|residents?|immigrants?))",
  '(?:english|spanish|russian|chinese|mandarin|cantonese|arabic|korean|vietnamese|hindi|polish|creole)[- ]speaking',
);

/** Countries, for "anyone from China" (a place name alone, "we moved from Mexico", names no one). */
export const COUNTRIES = [
  'china|mexico|india|korea|japan|vietnam|the philippines|somalia|haiti|cuba|puerto rico|the dominican republic',
  'el salvador|guatemala|honduras|colombia|venezuela|brazil|peru|russia|ukraine|poland|italy|ireland|germany',
  'greece|iran|iraq|syria|afghanistan|pakistan|bangladesh|nigeria|ethiopia|eritrea|ghana|kenya|africa|jamaica',
  'cambodia|laos|thailand|armenia|turkey|lebanon|egypt|morocco|palestine|israel|portugal|the middle east',
  'overseas|abroad|another country|a different country|a foreign country|south america|central america|asia',
].join('|');

/** Adjectives naming a class, by class. A color word alone is weak: see WEAK_COLOR. */
export const CLASS_ADJECTIVES: Record<FhClass, string> = {
  RACE: alt(
    'hispanic|latin[oa]|latinx|asian|african[- ]american|caucasian|minority|ethnic|racial(?:ly)?',
    'biracial|interracial|mixed[- ]race|diverse|integrated|native american|indigenous',
    "(?<=\\b(?:more|very|pretty|really|too|so|fairly|it|is|it's) )mixed(?![- ](?:use|income|development|zoning|bag|reviews?|feelings?|martial))",
  ),
  COLOR: alt(
    '(?:light|lighter|dark|darker|fair|brown|white|black|olive)[- ]skinned',
    '(?:light|lighter|dark|darker|fair)[- ]complexioned',
  ),
  RELIGION: alt(
    'christian|catholic|protestant|evangelical|baptist|methodist|lutheran|presbyterian',
    'episcopalian|pentecostal|mormon|lds|orthodox|jewish|hasidic|muslim|moslem|islamic|sunni|shia',
    'shiite|hindu|sikh|buddhist|jain|atheist|agnostic|religious|church[- ]?going|amish|mennonite',
    'quaker|adventist|megachurch|observant|devout|pious|bible[- ]believing|bible[- ]thumping|born[- ]again',
    'god[- ]fearing|torah[- ]observant|(?:non|un)[- ]?religious|secular',
  ),
  NATIONAL_ORIGIN: NATIONALITIES,
  SEX: alt(
    'gay|lesbian|bisexual|transgender|trans|queer|lgbtq?\\+?|same[- ]sex|female|male|bachelor',
    'straight(?= (?:couples?|m[ae]n|wom[ae]n|guys?|girls?|people|folks|famil(?:y|ies)|tenants?|buyers?|renters?))',
    "(?<=\\b(?:is|are|be|'s|'re|not|if (?:he|she|they)(?:'s|'re| is| are)?) )straight(?! (?:to|away|up|out|from|ahead|forward|off|in|into|through|shot|talk|answers?|lines?|a's)\\b)",
  ),
  FAMILIAL_STATUS: alt(
    'pregnant|expecting|family[- ]friendly|kid[- ]friendly|child[- ]friendly|family[- ]oriented',
    'adults?[- ]only|child[- ]?free|kid[- ]?free|childless|kidless|no[- ]kids?|mature|young[- ]professionals?',
    'single[- ]professionals?|retired|empty[- ]nest(?:ers?)?',
  ),
  DISABILITY: alt(
    'disabled|handicapped|blind|deaf|mentally ill|autistic|special[- ]needs|able[- ]bodied',
    'wheelchair[- ]bound|psychiatric|sober[- ]living|schizophrenic|bipolar|epileptic|paraplegic|quadriplegic',
  ),
};

/** Plural (or collective) people nouns that name a class on their own: "Muslims", "immigrants", "kids". */
export const CLASS_PEOPLE: Record<FhClass, string> = {
  RACE: alt(
    'asian[- ]americans|hispanic[- ]americans|latino[- ]americans',
    'hispanics|latin[oa]s|asians|african[- ]americans|caucasians|minorities|people of colou?r|poc',
    'whites|blacks|ethnics|native americans',
    // Spanish words for colour and race inside English sentences ("a lot of morenos moved in").
    'morenos|morenas|prietos|prietas|negritos|güeros|gueros|blanquitos|trigueños',
  ),
  COLOR: alt('brown faces?', '(?:white|black|brown|dark|light) faces'),
  RELIGION: alt(
    'christians',
    'catholics',
    'protestants',
    'evangelicals',
    'churchgoers|believers|the faithful|devout (?:people|folks|families)',
    'baptists',
    'methodists',
    'lutherans',
    'pentecostals',
    'mormons',
    'latter[- ]day saints',
    "jehovah'?s witness(?:es)?",
    'jews',
    'hasidim',
    'orthodox',
    'muslims',
    'moslems',
    'hindus',
    'sikhs',
    'buddhists',
    'atheists',
    'amish',
    'mennonites',
    'churchgoers',
    'church[- ]?(?:folks?|people|goers|famil(?:y|ies)|members|crowd|types)',
  ),
  NATIONAL_ORIGIN: alt(
    `${NATIONALITIES}[- ]americans`,
    `${NATIONALITIES}s`,
    'immigrants|foreigners|refugees|migrants|illegals|aliens|expats|newcomers|mexicans|chinese',
    'indians|koreans|japanese|vietnamese|filipinos|somalis|haitians|cubans|puerto ricans',
    'dominicans|salvadorans|guatemalans|russians|ukrainians|poles|arabs|persians|iranians',
    'pakistanis|nigerians|ethiopians|africans|jamaicans|hmong|armenians|turks',
    '(?:english|spanish|russian|chinese|mandarin|arabic|korean|vietnamese|hindi|polish|creole|foreign) speakers',
    'non[- ]english speakers|accents?',
  ),
  SEX: alt(
    'gays|lesbians|trans people|single (?:men|women|guys|girls|ladies|males|females)|bachelors|males|females',
    'gay (?:couples?|men|guys|people|folks|residents|neighbou?rs)',
    'divorc(?:ees?|ées?|[eé]d (?:women|men|moms|mothers|dads|fathers|people|folks))',
  ),
  FAMILIAL_STATUS: alt(
    'older (?:residents|folks|people|couples|neighbou?rs|tenants|buyers)|seniors|elderly (?:residents|people|folks)',
    'kids|children|babies|toddlers|teens|teenagers|infants|little ones|strollers|young families',
    'families with (?:young |small |little )?(?:kids|children)',
    'single (?:moms|mothers|dads|fathers|parents)|empty[- ]nesters|retirees',
  ),
  DISABILITY: alt(
    'the disabled|disabled (?:people|folks|residents|tenants|adults|kids|veterans|vets)',
    'people with disabilit(?:y|ies)|wheelchair users|group homes?|halfway houses?|the handicapped',
    'mentally ill (?:people|folks|residents)|special[- ]needs kids',
  ),
};

/** Traits a person has: "in a wheelchair", "a service dog", "wears a hijab", "skin color", "is expecting". */
export const CLASS_TRAITS: Record<FhClass, string> = {
  RACE: alt('race', 'ethnicity', 'ethnic background', 'racial makeup'),
  COLOR: alt(
    'skin(?: colou?r| tone)?|complexions?|lighter skin|darker skin|dark skin|light skin',
    '(?:fair|light|lighter|dark|darker|olive|brown)[- ]complected|complected',
  ),
  RELIGION: alt(
    'religion|faith|hijabs?|headscar(?:f|fs|ves)|turbans?|yarmulkes?|kippah|kippot|burqas?|niqabs?|religious makeup',
    // Practices that stand for a religion: "people who need to pray five times a day", "keeps kosher".
    'pray(?:s|ing)? (?:five|5|several) times a day|(?:keeps?|keeping) (?:kosher|halal|the sabbath|shabbat)',
    '(?:observes?|observing|fasts? (?:for|during)|fasting (?:for|during)) (?:the )?(?:sabbath|shabbat|ramadan|lent)',
    '(?:wears?|wearing) (?:a |the )?(?:cross|crucifix|star of david)',
    'denomination',
  ),
  NATIONAL_ORIGIN: alt(
    "where (?:he|she|they|you)(?:'s|'re| is| are)? (?:really |originally )?from|passports?|visa status|immigration papers",
    'speak(?:s|ing)? (?:only |mostly |just |no |little |broken |more |less |mainly |primarily |real |proper |good |perfect |fluent |plain |normal )?(?:english|spanish|chinese|mandarin|cantonese|arabic|korean|vietnamese|hindi|polish|creole|russian|french|tagalog|portuguese)',
    'nationality',
    'national origin',
    'country of origin',
    '(?:what|which) country',
    'born in',
    'born here',
    'citizenship',
    '(?<!senior )(?:u\\.?s\\.? )?citizens?|non-?citizens?|undocumented|legal (?:status|residents?)|daca',
    'immigration status',
    'green card',
    '(?:us|u\\.s\\.|american)[- ]born',
    'natively',
    'native speakers?',
    'speak english',
    'speaks english',
    'american name',
    '(?:english|spanish|russian|chinese|mandarin|arabic|korean|vietnamese|hindi|polish|creole|french)\\s+(?:is\\s+)?spoken',
    `from (?:${COUNTRIES})`,
  ),
  SEX: alt(
    'gender|sexual orientation|a man|a woman|men|women|guys|a guy|ladies',
    '(?:(?:single|young|older|professional|working|married|divorced|christian)\\s+){1,2}(?:wom[ae]n|m[ae]n|guys?|lad(?:y|ies)|girls?|dads?|fathers?|moms?|mothers?|parents?|gentlem[ae]n|females?|males?)',
    'gentlem[ae]n',
    // "the one from the man", "the woman's offer": a party called by sex (steering only in a frame).
    "the (?:man|woman|guy|lady|men|women)(?:'s)?(?= (?:offer|application|buyer|applicant|bid)|[.,?!]|$)",
    // A party called by sex and marriage: "the husband-and-wife offer", "the woman buying solo".
    'husband[- ]and[- ]wife|(?<=\\b(?:the|a|that|this) )(?:woman|man|lady|guy) (?:buying|applying|renting) (?:solo|alone|on (?:her|his) own|by (?:her|him)self)',
  ),
  FAMILIAL_STATUS: alt(
    'famil(?:y|ies) of (?:\\d+|three|four|five|six|seven|eight|nine|ten)|(?:big|large) famil(?:y|ies)',
    '(?:little|young|small|teenage|toddler) (?:boys?|girls?|ones)|(?:baby|toddler|infant)s?',
    'a family|families|a child|children|kids|a baby|the baby|newborn|have kids|pregnan\\w*',
    "expecting|custody|little ones|(?<=\\bwith (?:the|your|their|his|her|y'all'?s) )(?:twins|triplets)",
    '(?:quiet|mature|single|working|older) adults?|adult (?:tenants?|residents?|occupants?|households?)',
  ),
  DISABILITY: alt(
    'seeing[- ]eye dogs?|hearing dogs?',
    'oxygen(?: tanks?)?|dialysis|chemo(?:therapy)?',
    '(?:your|his|her|their) (?:condition|diagnosis|illness|mobility issues?|health issues?)|limited mobility',
    'wheelchairs?|walker|a cane|the cane|crutches|service (?:dog|animal)s?|guide dogs?',
    'emotional support (?:animal|dog|cat)s?|assistance animals?|disabilit(?:y|ies)',
    'mental(?:ly)? (?:ill\\w*|health (?:issues?|conditions?|problems?|history|struggles))',
    'psychiatric conditions?|autism|recovery|addiction|hiv',
    '(?:psych|psychiatric|mental health|antipsychotic|bipolar) (?:meds|medications?|drugs|diagnos[ie]s|treatment|history)',
    'mental (?:problems?|issues?|illness\\w*|disorders?)|bipolar|schizophreni\\w*',
    '(?:can|could|able to) (?:climb|walk up|handle|manage|do) (?:the )?stairs|physically able',
    '(?:must|need to|needs to|has to|have to|required to|should) (?:be able to )?(?:climb|walk up|handle|manage) (?:the |several |multiple |\\d+ )?(?:flights of )?stairs',
    '(?:live|living|lives) (?:fully |completely |totally )?independently|independent living',
    'on disability|ssdi',
    CONDITION_TRAITS,
  ),
};

/** Places of worship: a religion proxy when avoided or counted, an own need when attended. */
export const WORSHIP = alt(
  'church(?:es)?|mosques?|masjid|synagogues?|shul|temples?|gurdwaras?|cathedrals?|chapels?',
  'parish(?:es)?|congregations?|kingdom hall|megachurch(?:es)?|islamic cent(?:er|re)',
);

/** Colour words that name people only next to a people or place noun ("white families"), not "white cabinets". */
export const WEAK_COLOR = alt(
  'white',
  'whiter',
  'black',
  'blacker',
  'brown',
  'browner',
  'dark',
  'darker',
  'light',
  'lighter',
  'fair',
  'fairer',
);

/** People who live somewhere (residents) — describing them by class is steering. */
export const RESIDENT_NOUN = alt(
  'people|folks?|families|family|neighbou?rs?|residents?|population|communit(?:y|ies)|crowd',
  'households?|types|locals|kids|children|couples?|tenants|owners|homeowners|enclaves?|faces',
  'everyone|everybody|majority|presence|influence|percentage|concentration|representation',
);

/** A party to a deal — describing them by class is steering only with an exclusion, preference or inquiry. */
export const PARTY_NOUN = alt(
  'students?|vets|workers?|nurses?|teachers?|veterans?|retirees?|professionals?|seniors?|singles?|couples|guys|men|women',
  'buyers?|tenants?|renters?|applicants?|clients?|purchasers?|occupants?|roommates?|lessees?',
  'offers?|couple|family|guy|man|woman|lady|gentleman|person|someone|anyone|anybody',
  'professional|fellas?|fellows?|gals?|dudes?|chaps?',
);

/** Places: describing one by class is steering ("a Jewish neighborhood"). */
export const PLACE_NOUN = alt(
  'neighbou?rhoods?|areas?|parts? of (?:town|the city)|sides? of town|communit(?:y|ies)|blocks?',
  'streets?|buildings?|complex(?:es)?|subdivisions?|suburbs?|enclaves?|districts?',
  'zip(?: codes?)?|towns?|parish|schools?|section|vibe|part|parts|side|end|quarter|corner|housing|shelters?',
);

/** Amenities a class word can describe without describing people: a cuisine, a shop, a school, a festival. */
export const AMENITY_NOUN = alt(
  'takeout|take-out|barbecue|bbq|cooking|pastr(?:y|ies)|bread|spices|tea|coffee|caf[eé]s?|bars?|pubs?|diners?|buffet|places?|spots?|joints?',
  'dinners?|lunch|breakfast|recipes|movies|films|music|dance|art|style|architecture|design|decor|flags?|new year|parades?',
  'tv|newspapers?|radio|media|academy|tutors?|programs?|airport|butcher|halal|kosher|owned|businesses',
  'inspectors?|contractors?|lawyers?|attorneys?|doctors?|notar(?:y|ies)|brokers?|plumbers?|electricians?|staff|tellers?|accountants?',
  'food|foods|cuisine|restaurants?|grocer(?:y|ies)|stores?|markets?|supermarkets?|bakery',
  'bakeries|deli|shops?|shopping|festivals?|church(?:es)?|schools?|classes|lessons|museums?',
  'consulate|embassy|cultural cent(?:er|re)|community cent(?:er|re)|cent(?:er|re)|cathedral',
  'temple|mosque|synagogue|parish|mass|services?|holidays?|dishes|decorations|lights',
  'loan officers?|lenders?|closers?|closing (?:agents?|attorneys?)|escrow(?: officers?)?|title (?:compan(?:y|ies)|officers?|agents?|reps?)|bankers?|reps?|representatives?|customer service|agents?|realtors?|translators?|interpreters?|documents?|income',
  'altars?|shrines?|statues?|murals?|history|heritage|roots|channels?|language|prayer|kitchen|district|income documentation',
  // Paperwork a party's country issued or needs: "the seller's Mexican power of attorney", "a Canadian passport".
  'powers? of attorney|passports?|visas?|birth certificates?|certificates?|paperwork|notarial|deeds?|pesos|bank (?:accounts?|statements?)',
  "tax returns?|pay ?stubs?|transcripts?|credit (?:reports?|history|files?)|driver'?s licen[cs]es?",
);

/** Things of a house a colour word describes ("black shutters"). */
export const HOUSE_NOUN = alt(
  'shutters?|brick|cabinets?|fence|roof|trim|doors?|paint|colou?r|colonial|house|home|siding',
  'tile|floors?|hardwoods?|walls?|kitchen|countertops?|appliances|finish(?:es)?|exterior',
  'interior|one|stone|marble|granite|car|wood',
);
