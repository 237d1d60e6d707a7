/**
 * More steering constructions that name no class outright, kept apart from fair-housing-frames.ts:
 *  - a group "moving in" or "arriving" told as a change for the worse ("before the wrong crowd moves in");
 *  - someone who would "blend in" / "fit in" / "stick out" somewhere (who lives there decides);
 *  - the residents called "the right sort";
 *  - advertising and listing instructions (42 USC 3604(c)): what an ad, listing or posting says about who
 *    is wanted is judged like a preference, even when the class word sits on the home ("a Christian home");
 *  - an agent or the model promising a client they will "feel safer" somewhere.
 * Regex sources over normalized text (lower case, straight apostrophes).
 */
import type { CodeWord } from './fair-housing-frames';
import { COUNTRIES } from './fair-housing-lexicon';

const re = (source: string): RegExp => new RegExp(source, 'i');

/** Who is arriving, as a code: "the new crowd", "that element", "the wrong people", "outsiders". */
const NEWCOMERS = String.raw`(?:(?:the |that |this |a )?(?:element|crowd)|(?:the |those |these |some )?(?:(?:wrong|different|certain|other|undesirable|outside|bad) (?:people|folks|types?|kinds? of people|families|crowd|element|sorts?)|new (?:crowd|element|types?|sorts?|kinds? of people))|outsiders)`;
const ARRIVES = String.raw`(?:(?:has|have|had|hasn'?t|haven'?t|start(?:s|ed)?|starting|begin(?:s|ning)?|began|keeps?|kept|is|are|were|was|will|would|might|could|ca ?n'?t|to)\s+)?(?:mov(?:e|es|ed|ing) in(?:to)?|com(?:e|es|ing) in|came in|arriv(?:e|es|ed|ing)|show(?:s|ed|ing)? up|tak(?:e|es|ing) over|took over|flood(?:s|ed|ing)? in|pour(?:s|ed|ing)? in)`;

/** A want or a refusal before the people it picks: "only wants tenants who …", "hoping for a buyer who …". */
const CHOOSING = String.raw`(?:(?:want|prefer|only|looking for|hoping for|need|rather|avoid|no|just)\w*\s+(?:[\w'-]+\s+){0,3}?)`;

export const EXTRA_CODE_WORDS: CodeWord[] = [
  {
    // Being the one who lets a group onto a street: "the one who integrated the block".
    re: re(
      String.raw`\bintegrat(?:e|ed|es|ing) (?:the|our|this|that|my|their) (?:block|street|neighbou?rhood|building|subdivision|cul-de-sac|area|development)\b`,
    ),
    cls: 'RACE',
  },
  {
    // Origin by the look of a place: "a real all-American neighborhood", "can't read the signs on the stores".
    re: re(
      String.raw`\ball[- ]american (?:neighbou?rhood|area|street|block|town|community|suburb|part of town|famil(?:y|ies)|buyers?|tenants?)\b|\bca(?:n'?t|nnot|n not) read (?:the |any of the )?(?:signs|store signs|menus|storefronts)\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // Choosing whom to show a home to: "be careful who you bring through".
    re: re(String.raw`\bcareful (?:about )?who (?:you|we|they) (?:bring|show|send|let|take)\w*`),
  },
  {
    // Heritage as breeding: "a buyer of good Irish Catholic stock".
    re: re(String.raw`\bof (?:good |fine |solid |the right |old |pure |[\w-]+ ){1,3}stock\b`),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // A name as a proxy for race or origin: "if the applicant's name sounds like …", "ethnic-sounding names".
    re: re(
      String.raw`\b(?:with|has|having|had) (?:a |that )?(?:last |first )?name like\b|\bnames? (?:sounds?|sound(?:ing|in'?)|looks?|is|are) (?:like|too|so|very|kind of|foreign|ethnic|african|hispanic|arab|muslim|black|ghetto)\b|\b(?:sur)?names? (?:suggests?|implies|indicates|hints? at|points to|gives away)\b|\b(?:foreign|ethnic|black|african|hispanic|latino|arab|muslim|ghetto|urban|weird|unusual)[- ]sound(?:ing|in'?) (?:last |first )?names?\b`,
    ),
    cls: 'RACE',
  },
  {
    // Asking how dark or light a party is: "how dark is she?".
    re: re(
      String.raw`\bhow (?:dark|light|black|white|brown|fair)(?:[- ]skinned)? (?:is|are|was|were) (?:she|he|they|the \w+|her|his)\b`,
    ),
    cls: 'COLOR',
  },
  {
    // The neighbours as members of the client's congregation: "every neighbor will be in your stake / ward".
    re: re(
      String.raw`\b(?:neighbou?rs?|everyone|everybody|people|folks|famil(?:y|ies)|households?|residents|the (?:whole )?(?:street|block))\b.{0,30}\b(?:be|are|is|all) (?:in|from|members? of|part of|at) (?:your|their|our|my|the same) (?:stake|ward|parish|congregation|church|mosque|synagogue|temple|faith|branch)\b`,
    ),
    cls: 'RELIGION',
  },
  {
    // A street or building said to be for married couples only: "more of a husband-and-wife street".
    re: re(
      String.raw`\b(?:husband[- ]and[- ]wife|married[- ]couples?|married[- ](?:people|folks))[- ](?:street|neighbou?rhood|area|building|community|block|complex|kind of (?:street|place|area))\b`,
    ),
    cls: 'SEX',
  },
  {
    // Keeping a sale inside a group: "keeps it in the right community", "within the same congregation".
    re: re(
      String.raw`\b(?:in|within|to) (?:the )?(?:right|same|proper) (?:community|congregation|circles?|crowd)\b`,
    ),
  },
  {
    // Neighbours picked for sharing the client's background: "neighbours with a similar heritage".
    re: re(
      String.raw`\b(?:neighbou?rs|people|folks|families|communit(?:y|ies)|residents) (?:with|of|from|who share) (?:a |the )?(?:similar|same|shared) (?:backgrounds?|heritage|cultures?|ethnicit(?:y|ies)|roots)\b|\bsimilar (?:neighbou?rs|backgrounds?|heritage)\b`,
    ),
  },
  {
    // A place that is or is not someone's "crowd" / "kind of people".
    re: re(
      String.raw`\b(?:your|their|his|her|our) (?:crowd|kind of (?:people|folks|neighbou?rs)|type of (?:people|folks|neighbou?rs)|sort of (?:people|folks|neighbou?rs))\b`,
    ),
    withPlace: true,
  },
  {
    // A wink instead of a word: "you know the kind of renter I mean", "you know what people live there".
    re: re(
      String.raw`\byou know (?:what|which|the) (?:kind|type|sort) of (?:[\w'-]+ )?(?:i|we) mean\b|\byou know (?:which|what|the) (?:people|folks|crowd|element|kind of people) (?:live|lives|are|hang)\b`,
    ),
  },
  {
    // A place's people ranked as a class of their own: "a better element over there", "a nicer clientele".
    re: re(
      String.raw`\b(?:a |the )?(?:better|nicer|higher|classier|rougher|lower|different|good|bad|undesirable|seedy|shady) (?:element|clientele|crowd|caliber of (?:people|folks|neighbou?rs|residents))\b`,
    ),
    withPlace: true,
  },
  {
    // A place called a foreign country or city: "it's turned into a little Mogadishu", "basically Little Mexico now".
    re: re(
      String.raw`\b(?:turn(?:ed|ing|s)? into|becom(?:e|es|ing)|became|like|basically|practically|it'?s|is|not|no|or|than|avoid|skip) (?:a |an )?(?:little|mini|new|another|second) (?:${COUNTRIES}|mogadishu|havana|saigon|baghdad|beirut|tijuana|mumbai|bombay|delhi|calcutta|manila|lagos|kabul|karachi|dhaka|cairo|kingston|port[- ]au[- ]prince|beijing|shanghai|tehran)\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // Slurs for poor Black or Latino neighbours: "no thugs, no hood rats", "people from the projects".
    re: re(
      String.raw`\b(?:thugs|hood ?rats|gang ?bangers|welfare (?:queens?|types?|people|families|mothers)|(?:people|folks|someone|anyone|ones?|types?|kids) (?:from|out of) the (?:projects|hood|ghetto|barrio))\b`,
    ),
    cls: 'RACE',
  },
  {
    // Residents said to be closed to other origins: "aren't used to people from other cultures".
    re: re(
      String.raw`(?:\bnot|n'?t|\bnever) (?:really )?(?:used to|comfortable (?:with|around)|welcoming (?:to|of)|friendly (?:to|toward|towards)|open to)\s+(?:[\w'-]+\s+){0,2}?(?:people|folks|families|outsiders|anyone|newcomers|neighbou?rs|buyers|tenants)\s+(?:from|of)\s+(?:other|different|foreign)\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // Pride flags as a proxy for gay neighbours: "avoid streets with a lot of rainbow flags".
    re: re(
      String.raw`\b(?:a lot of|lots of|so many|too many|all the|full of|covered in|avoid\w*|skip|no|without|fewer|less) (?:[\w'-]+ ){0,3}?(?:rainbow|pride) flags?\b`,
    ),
    cls: 'SEX',
  },
  {
    // A party filtered by first name: "could you not forward me renters named Mohammed".
    re: re(
      String.raw`^(?=.*\b(?:not|no|do ?n'?t|never|skip|avoid|reject|weed|filter|screen|pass on)\b).*\b(?:renters?|tenants?|buyers?|applicants?|people|anyone|someone|anybody|families|folks|offers? from (?:someone|anyone|people)) (?:named|called|with (?:the )?(?:first |last )?names?(?: like)?) [a-z]`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // A party wanted by shade: "I'd feel better with somebody lighter".
    re: re(
      String.raw`\b(?:somebody|someone|anybody|anyone|people|folks|a (?:buyer|tenant|renter|family|couple)|buyers|tenants|renters|neighbou?rs?) (?:(?:a (?:little |bit |lot )?)?(?:lighter|darker|whiter|fairer|browner|blacker)|(?:too|very|that|real|really|so) (?:dark|light|pale|brown|black|white))\b(?![- ](?:colou?r|shade|paint|wood|floor|finish|cabinet))`,
    ),
    cls: 'COLOR',
  },
  {
    // An assistance animal turned away as a pet: "tell the guy with the service dog the owner doesn't do pets".
    re: re(
      String.raw`^(?!.*\b(?:is ?n'?t|are ?n'?t|not) (?:a |considered |treated as )?pets?\b)(?=.*\b(?:service|assistance|support|guide|seeing[- ]eye|therapy) (?:dog|animal|cat)s?\b).*\b(?:no pets|(?:does ?n'?t|do ?n'?t|does not|do not|wo ?n'?t|will not|ca ?n'?t|never) (?:do|allow|accept|take|permit) (?:any )?pets|pets? (?:are|is) (?:not|n'?t) allowed|pet[- ]free)\b`,
    ),
    cls: 'DISABILITY',
  },
  {
    re: re(String.raw`\b(?:be|being|feel|get|are|were) (?:\w+ )?outnumbered\b`),
    cls: 'RACE',
    withPlace: true,
  },
  {
    re: re(
      String.raw`\b(?:darker|lighter|browner|whiter|blacker|fairer)(?:[- ]skinned)? than\b|\bpaper bag test\b`,
    ),
    cls: 'COLOR',
  },
  {
    re: re(
      String.raw`\b(?:too|a (?:little|bit|tad) too|way too|overly) (?:colou?rful|diverse|ethnic|mixed|international|foreign|white|black|brown|asian|hispanic|latino)\b`,
    ),
    cls: 'RACE',
  },
  {
    re: re(
      String.raw`\b(?:photos?|pictures?|selfies?)\b.*\b(?:see|know|tell) (?:who|what) (?:they|he|she)(?: really)? (?:are|is|looks? like)\b|\b(?:see|know|check) (?:what|how) (?:the (?:applicants?|tenants?|buyers?|renters?)|they|he|she) looks? like\b`,
    ),
    cls: 'RACE',
  },
  {
    // A home told to a family as meant for a household without children: "tell the family the loft is better
    // suited to a couple", "… is really more for professionals".
    re: re(
      String.raw`^(?=.*\b(?:famil(?:y|ies)|kids?|children|newborn|baby|babies|toddlers?|pregnan\w*|expecting)\b).*\b(?:is|are|'s|would be|be) (?:much |probably |really |just |honestly )?(?:better|more|best|ideal|meant|designed|built|set up)(?: suited)? (?:to|for) (?:a |an |the )?(?:(?:quiet|single|older|young|working|retired|professional|married) )?(?:couples?|adults?|singles?|single (?:people|person|folks)|professionals?|grown-?ups|retirees|empty[- ]nesters|older (?:people|folks|tenants|buyers)|one person|someone without (?:kids|children))\b`,
    ),
    cls: 'FAMILIAL_STATUS',
  },
  {
    // A place with a "foreign feel": "Westbury has kind of a foreign feel these days".
    re: re(
      String.raw`\b(?:foreign|ethnic|international|third[- ]world|immigrant|ghetto) (?:feel|vibe|flavou?r|character|atmosphere)\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
    withPlace: true,
  },
  {
    // A place said to "turn" with no object, the old word for a neighbourhood changing race: "has it started to
    // turn like the rest of the south side", "that block turned years ago".
    re: re(
      String.raw`\b(?:(?:start(?:ed|ing|s)? to|begun to|beginning to|about to|going to|gonna|has|have|had|is|it'?s|already) (?:turn(?:ed|ing)?)|(?:did|does|will|would|could) (?:it|that|this|the (?:area|neighbou?rhood|block|street|district|side)) turn)(?=\s*(?:$|[.?!,]|like\b|yet\b|already\b|lately\b|now\b|years? ago|recently\b|for the worse|on (?:us|you|them)))`,
    ),
    cls: 'RACE',
    withPlace: true,
  },
  {
    // An advisor judging a place by the client's faith or origin: "given what you told me about your faith, I'm not
    // sure you'd enjoy it", "with your background you'd be happier in Eastfield".
    re: re(
      String.raw`^(?=.*\b(?:enjoy|like it|love it|fit|comfortable|happy|happier|your speed|for you|not sure|would ?n'?t|skip|pass|avoid|stick (?:to|with)|better)\b).*\b(?:given|because of|considering|with|for) (?:what you (?:told|said to|mentioned to) (?:me|us) about )?(?:your|their) (?:faith|religion|religious \w+|beliefs|background|culture|heritage|ethnicity|race|skin colou?r|nationality|accent)\b`,
    ),
    advisorOnly: true,
  },
  { re: re(String.raw`\b${NEWCOMERS}\s+(?:[\w']+\s+){0,2}?${ARRIVES}\b`), cls: 'RACE' },
  {
    re: re(
      String.raw`\b(?:you|they|we|i|he|she|the (?:client|buyer|renter|family|couple)s?|(?:your|their|our|my) (?:family|kids|household|folks|parents)|the [a-z]+s(?= (?:would|will|might|could|wo ?n'?t|would ?n'?t)\b))(?:\s+(?:two|both|all|guys|folks))?(?:'d|'ll|'re| would| will| might| could| should| wo ?n'?t| would ?n'?t)?\s+(?:\w+\s+)?(?:blend (?:right )?in|fit (?:right )?in|stick out|stand out|(?:look|be|feel) (?:a bit |a little |kind of |so |totally )?out of place)\b(?!\s+(?:the|your|their|our|a|an|this|that|my|with (?:the|your|their) (?:budget|decor|style))\b)`,
    ),
  },
  {
    re: re(
      String.raw`\b(?:people|folks|famil(?:y|ies)|neighbou?rs?|buyers?|tenants?|renters?|residents|someone|somebody) (?:who|that) (?:(?:[\w']+\s+){0,2}?(?:worship|pray|believe|think|look|live|talk|dress|eat|celebrate)\w*) (?:just )?(?:like|as) (?:us|we do|me|i do|our family|my family)\b`,
    ),
  },
  {
    re: re(
      String.raw`\b${CHOOSING}(?:buyers?|tenants?|renters?|applicants?|someone|somebody|people|folks|famil(?:y|ies)|neighbou?rs) (?:who|that) (?:goes|go|attends?|belongs?|worships?|prays?)(?: to| at)? (?:(?:our|their|my|his|her|the same|a|an|the) )?(?:[\w'-]+ )?(?:church|mosque|synagogue|temple|parish|congregation|shul|masjid|gurdwara)\b`,
    ),
    cls: 'RELIGION',
  },
  {
    re: re(
      String.raw`\b(?:are|is|be|'re)\s+(?:all\s+|mostly\s+)?(?:the |a |our |my )?(?:right|wrong|better|same|good|decent|proper|nice) (?:sort|kind|type|class|crowd)\b(?!\s+of\b)`,
    ),
  },
];

/** An instruction about what an ad, a listing, a posting or a sign says, or marketing to someone. */
export const ADVERTISING = re(
  String.raw`\b(?:(?:put|say|said|write|wrote|state|mention|note|add|include|specify|word|phrase)\w*\s+(?:[\w'-]+\s+){0,8}?(?:in|on|into|for|to) (?:the |our |my |your |that |this )?(?:ad|ads|advert\w*|listing|posting|post|description|flyer|sign|mls|remarks|caption|headline|copy)|advertis\w*|market\w* (?:it|the \w+|this \w+) (?:as|to)|list(?:ing)? (?:it|the \w+|this \w+) as|(?:the )?(?:ad|listing|posting|description|headline|flyer|sign) (?:should|must|will|can|could) (?:say|read|state|mention|note|show))\b`,
);

/** Advisors' comfort words that tie a place to a client's class: "you'll feel safer in Northgate". */
export const ADVISOR_FIT = re(
  String.raw`\b(?:feel|be)\s+(?:a lot |much |so |far )?(?:safer|more secure|more relaxed|more welcome\w*)\b`,
);
