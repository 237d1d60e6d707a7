/**
 * STRUCTURAL features of one utterance for the learned Fair Housing judge (fair-housing-model.ts scores them):
 * not the author's words but the shape of what is said, so that what the model learns carries to new authors —
 * who speaks (LEAD / AGENT / MODEL); which protected class is named (the lexicon's word lists, Spanish through its
 * English gloss); whose the trait is (the speaker's own household, the client, a party to the deal, or the people
 * who live somewhere); the act (a request or suggestion, an exclusion, a preference, a question, a neutral fact, a
 * refusal to steer); whether it chooses among people, offers, homes or areas; and proxy / code-word hits as
 * features, not verdicts. Atomic features are crossed in pairs (and speaker × pair) so the linear model can learn
 * "exclude × other-people × race" without a hand-written rule. No word unigrams: words are what fail to carry.
 */
import { normalizeForJudgement } from './fair-housing-normalize';
import {
  CLASS_ADJECTIVES,
  CLASS_PEOPLE,
  CLASS_TRAITS,
  WEAK_COLOR,
  WORSHIP,
  type FhClass,
} from './fair-housing-lexicon';
import { glossSpanish, looksSpanish } from './fair-housing-spanish';
import type { Speaker } from './fair-housing-frames';

const CLASSES = Object.keys(CLASS_ADJECTIVES) as FhClass[];
const rx = (src: string): RegExp => new RegExp(src, 'gi');
const one = (src: string): RegExp => new RegExp(src, 'i');

/** Every class word, by class (global, for positions). */
const CLASS_RE: [FhClass | 'WORSHIP', RegExp][] = [
  ...CLASSES.map((c): [FhClass, RegExp] => [
    c,
    rx(`\\b(?:${CLASS_PEOPLE[c]}|${CLASS_ADJECTIVES[c]}|${CLASS_TRAITS[c]})\\b`),
  ]),
  // A colour word names people next to a people or place noun, or said of a place by degree ("mostly white").
  [
    'COLOR',
    rx(
      String.raw`\b(?:(?<=\b(?:mostly|more|all|too|very|predominantly|less|so|really|pretty|majority|mainly|largely|getting|gotten|go|went|stay|stays|stayed|keep|kept) )${WEAK_COLOR}\b|${WEAK_COLOR}(?= (?:people|folks|famil|neighbou?r|buyer|tenant|renter|guy|man|men|wom[ae]n|kid|part|side|area|neighbou?rhood|crowd|community|face|owner|household|couple|applicant|person|resident|block|street|town|school|church|population)))`,
    ),
  ],
  ['WORSHIP', rx(`\\b${WORSHIP}\\b`)],
];

/** Whose the trait is, from the words just before (or after) the class word. */
const OWN = one(
  String.raw`\b(?:i|i'm|im|i am|we|we're|were|we are|my|our|me|us|myself|ourselves|i've|we've|mine|ours)\b`,
);
const CLIENT = one(
  String.raw`\b(?:you|your|you're|youre|client|clients|the lead|buyers? i|my buyers?|my sellers?|my tenants?|he|she|his|her|their family|the family|husband|wife|son|daughter|mom|dad|mother|father|parents?|kid|kids)\b`,
);
const OTHERS = one(
  String.raw`\b(?:neighbou?rs?|neighbou?rhoods?|area|areas|block|street|side of|part of|parts of|building|complex|community|communities|residents?|people|folks|crowd|population|live|lives|living|moved|moving in|who|those|them|they|element|type|kind|mostly|lots? of|a lot of|full of|many|more|fewer|less|buyers?|tenants?|renters?|applicants?|offers?|anyone|someone|nobody|no one)\b`,
);

/** The acts. */
const ACTS: [string, RegExp][] = [
  [
    'exclude',
    one(
      String.raw`\b(?:avoid|stay away|keep (?:us|them|him|her|you|it)? ?(?:away|out)|away from|skip|pass on|not near|nothing near|anywhere but|anything but|don'?t (?:want|show|need|bother|rent|sell|list)|do not (?:want|show|rent|sell)|won'?t (?:rent|sell|show|accept|take|consider)|not (?:interested|comfortable|looking|accept|consider|show|rent|sell)|no (?:more|kids|children|pets)|turn (?:down|away)|reject|decline|leave (?:off|out)|left (?:off|out)|off (?:the|my|your) list|without|rather not|screen(?:ed)? out|weed out|filter out|keep out)\b`,
    ),
  ],
  [
    'prefer',
    one(
      String.raw`\b(?:prefer\w*|rather|ideally|would like|i'?d like|we'?d like|want\w*|wanna|looking for|hoping|hope|only|just|mostly|mainly|better|best|more comfortable|feel (?:at home|comfortable|welcome)|fit in|fits in|blend in|belong|our kind|like us|like them|our type|same (?:values|background|culture)|people like)\b`,
    ),
  ],
  [
    'select',
    one(
      String.raw`\b(?:sell (?:it )?to|rent (?:it )?to|lease (?:it )?to|go (?:to|with)|pick|choose|chose|accept|take (?:the|their|his|her)|offer|offers|applicant|applicants|buyers?|tenants?|renters?|bids?|whichever|which one|over (?:the|their|his|her)|instead of|ahead of|first)\b`,
    ),
  ],
  [
    'area',
    one(
      String.raw`\b(?:neighbou?rhoods?|areas?|parts? of town|side of (?:town|the)|part of|suburbs?|blocks?|streets?|zip|districts?|communit(?:y|ies)|subdivisions?|buildings?|complex(?:es)?|towns?|city|places?|somewhere|anywhere|where)\b`,
    ),
  ],
  [
    'suggest',
    one(
      String.raw`\b(?:i'?d (?:suggest|recommend|steer|keep|focus|look|stick|skip|avoid|go|say)|i (?:suggest|recommend|think you'?d|would)|you'?d (?:be|feel|fit|like|prefer)|you (?:might|may|should|would) (?:prefer|like|want|be|feel)|let'?s (?:focus|stick|skip|avoid|look|keep)|we (?:should|could) (?:focus|stick|skip|avoid)|focus on|stick (?:to|with)|steer|point (?:you|them)|send (?:you|them)|show (?:you|them|him|her) (?:only|just)|more your (?:speed|style|type)|better fit|good fit|fit (?:for|with))\b`,
    ),
  ],
  [
    'ask',
    one(
      String.raw`(?:\?|^\s*(?:is|are|was|were|do|does|did|what|which|who|how|any|can|could|would|will)\b|\b(?:curious|wondering|wonder|want to know|wanna know|tell me|let me know|find out|makeup|demographics?|breakdown|percent|percentage|mostly|majority|how many|what kind|what type|what sort)\b)`,
    ),
  ],
  [
    'need',
    one(
      String.raw`\b(?:need\w*|require\w*|accessible|accessibility|ramp|elevator|grab bars?|single[- ]level|one[- ]story|no stairs|ground floor|wider doors?|walking distance|close to (?:our|my)|near (?:our|my)|nursery|bedrooms?|school district|schools?|accommodat\w*|reasonable|modification)\b`,
    ),
  ],
  [
    'lawful',
    one(
      String.raw`\b(?:fair housing|protected class\w*|against the law|illegal|not (?:allowed|legal|permitted)|(?:can'?t|cannot|won'?t|not able to|unable to) (?:tell|say|share|discuss|answer|comment|steer|recommend|advise|limit|exclude|help with that)|anywhere you(?:'d)? (?:like|want)|up to you|your (?:choice|call|decision)|every (?:buyer|offer|applicant)|all (?:buyers|offers|applicants|qualified)|equal(?:ly)?|regardless|same (?:criteria|way|standard|terms)|discriminat\w*|hud|law|legal|policy|training|course|reminder|compliance|equal housing)\b`,
    ),
  ],
  [
    'fact',
    one(
      String.raw`\b(?:there'?s|there is|there are|is located|located|built in|sq ?ft|square feet|the hoa|hoa|listing|listed|the ad|the sign|the seller'?s|the house has|has a|have a|just (?:had|moved)|we have|i have|i use|i'?m)\b`,
    ),
  ],
];

/** Proxies and code words: each a feature, never a verdict. */
const PROXIES: [string, RegExp][] = [
  [
    'crowd',
    one(
      String.raw`\b(?:crowd|element|those people|these people|that kind|that type|those types|the wrong|kind of people|type of people|sort of people|certain (?:type|kind|people|element)|undesirables?|riff ?raff)\b`,
    ),
  ],
  [
    'likeus',
    one(
      String.raw`\b(?:people like (?:us|me|them)|our kind|our type|like us|like ours|our own kind|our people|own kind|their own|with their own|stick together|blend in|fit in|feel at home|more comfortable|stand out|out of place)\b`,
    ),
  ],
  [
    'change',
    one(
      String.raw`\b(?:chang(?:ed|ing|es)|transition\w*|turn(?:ed|ing) over|gentrif\w*|used to be|anymore|moving in|moved in|taking over|took over|flipped|demographic\w*|makeup|complexion of|character of)\b`,
    ),
  ],
  [
    'safe',
    one(
      String.raw`\b(?:safe|safer|sketchy|rough|ghetto|hood|inner[- ]city|urban|bad part|bad area|high crime|crime|quiet|nice (?:area|part|families|people|neighbou?rhood))\b`,
    ),
  ],
  [
    'values',
    one(
      String.raw`\b(?:values|traditional|wholesome|family values|culture|cultural|heritage|background|our community|good families|nice families|the right)\b`,
    ),
  ],
  [
    'diverse',
    one(
      String.raw`\b(?:diverse|diversity|mixed|international|colorful|colourful|ethnic|exotic|foreign|accent\w*|speak english|english[- ]speaking|american)\b`,
    ),
  ],
  [
    'quiet',
    one(
      String.raw`\b(?:quiet|peaceful|no noise|noisy|loud|mature|adult|young professionals?|empty nest\w*|retirees?|seniors?)\b`,
    ),
  ],
  [
    'body',
    one(
      String.raw`\b(?:stairs|able[- ]bodied|healthy|independent\w*|take care of (?:it|the|them)|handle|keep up|maintain|liability|insurance)\b`,
    ),
  ],
];

const NEGATION = one(
  String.raw`\b(?:not|no|never|don'?t|doesn'?t|won'?t|can'?t|cannot|isn'?t|aren'?t|nothing|without)\b`,
);

/** Normalized text; Spanish read through its English gloss. */
function readable(text: string): string {
  return normalizeForJudgement(looksSpanish(text) ? glossSpanish(text) : text);
}

/** Whose the trait at [start, end) is: the nearest owner marker within a few words before it, else after it. */
function ownerOf(t: string, start: number, end: number): string {
  const before = t.slice(Math.max(0, start - 40), start);
  const after = t.slice(end, end + 30);
  const near = (re: RegExp): boolean => re.test(before) || re.test(after);
  if (OTHERS.test(before)) return 'other';
  if (OWN.test(before)) return 'own';
  if (CLIENT.test(before)) return 'client';
  if (near(OTHERS)) return 'other';
  if (near(OWN)) return 'own';
  if (near(CLIENT)) return 'client';
  return 'none';
}

/** The atomic structural features of a text. */
export function atomicFeatures(text: string): string[] {
  const t = readable(text);
  const out = new Set<string>();
  for (const [cls, re] of CLASS_RE) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const owner = ownerOf(t, m.index, m.index + m[0].length);
      out.add(`c:${cls}`).add(`o:${owner}`).add(`c:${cls}|o:${owner}`).add('c:any');
    }
  }
  for (const [name, re] of ACTS) if (re.test(t)) out.add(`a:${name}`);
  for (const [name, re] of PROXIES) if (re.test(t)) out.add(`p:${name}`);
  if (NEGATION.test(t)) out.add('neg');
  if (/\?\s*$/.test(t)) out.add('endq');
  if (t.length > 160) out.add('long');
  return [...out];
}

/** Atomic features, their pairs, and the speaker crossed with each (presence, deduplicated, sorted). */
export function structuralFeatures(text: string, speaker: Speaker): string[] {
  const atoms = atomicFeatures(text).sort();
  const out = new Set<string>([`s:${speaker}`]);
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i] ?? '';
    out.add(a).add(`${speaker}&${a}`);
    for (let j = i + 1; j < atoms.length; j++) {
      const pair = `${a}&${atoms[j] ?? ''}`;
      out.add(pair).add(`${speaker}&${pair}`);
    }
  }
  return [...out];
}
