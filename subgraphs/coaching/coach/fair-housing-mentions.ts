/**
 * Finds the protected-class words of one clause group and whose they are: the speaker's own ("we're Muslim",
 * "our kids", "my synagogue"), the client's when an agent or the model speaks ("you're Catholic", "the buyer
 * uses a wheelchair"), a party to the deal ("the Hispanic applicant", "his service dog"), or the people who
 * live somewhere ("Muslim families", "the neighbors are Filipino", "a Jewish neighborhood"). A class word on
 * a cuisine, shop, school or house ("Korean grocery", "white cabinets") names no one.
 */
import {
  alt,
  AMENITY_NOUN,
  CLASS_ADJECTIVES,
  CLASS_PEOPLE,
  CLASS_TRAITS,
  HOUSE_NOUN,
  PARTY_NOUN,
  PLACE_NOUN,
  RESIDENT_NOUN,
  WEAK_COLOR,
  WORSHIP,
  type FhClass,
} from './fair-housing-lexicon';
import { FEATURE_AFTER } from './fair-housing-conditions';
import { settleRoles } from './fair-housing-self';
import { QUANTIFIER, type Speaker } from './fair-housing-frames';
import {
  HOUSEHOLD_BEFORE,
  LANGUAGE_USE,
  LEADING_WITH,
  LIMIT_BEFORE,
  NEXT_FUNCTION,
  NUMBER_BEFORE,
  OWN_MAIN,
  OWN_KIND_QUESTION,
  OWN_NEED_AFTER,
  OWN_NONE_AFTER,
  PAINT_AFTER,
  BARE_PERSON,
  PARTY_HAS_BEFORE,
  possessives,
  pronouns,
  PLACE_NAME_BEFORE,
  PROVIDER,
  RELATIVE,
  SPEAKS,
  STEREOTYPE_AFTER,
} from './fair-housing-roles';

export type Role = 'OWN' | 'CLIENT' | 'PARTY' | 'RESIDENT' | 'NONE';

export interface Mention {
  cls: FhClass;
  start: number;
  end: number;
  role: Role;
  /** Counted or characterized: "mostly white", "no kids", "a big Muslim population". */
  counted: boolean;
  /** A party's own ("the buyer has a newborn"): what that party wants is their own need, not a preference. */
  partyOwn?: boolean;
}

const CLASSES = Object.keys(CLASS_ADJECTIVES) as FhClass[];
const g = (source: string): RegExp => new RegExp(source, 'gi');
const at = (source: string): RegExp => new RegExp(`^\\s*(?:${source})\\b`, 'i');

const ADJECTIVES = CLASSES.map((cls) => [cls, g(`\\b${CLASS_ADJECTIVES[cls]}\\b`)] as const);
const PEOPLE = CLASSES.map((cls) => [cls, g(`\\b${CLASS_PEOPLE[cls]}\\b`)] as const);
const TRAITS = CLASSES.map((cls) => [cls, g(`\\b${CLASS_TRAITS[cls]}\\b`)] as const);
const WEAK = g(`\\b${WEAK_COLOR}\\b`);

const NEXT_RESIDENT = at(RESIDENT_NOUN);
const NEXT_PARTY = at(`${PARTY_NOUN}|professionals?|applicants?`);
const NEXT_PLACE = at(PLACE_NOUN);
const NEXT_AMENITY = at(AMENITY_NOUN);
const NEXT_HOUSE = at(HOUSE_NOUN);
const NEXT_CLASS = new RegExp(`^\\s*(?:${CLASSES.map((c) => CLASS_ADJECTIVES[c]).join('|')})\\b`, 'i');

const PARTY_COPULA = new RegExp(
  String.raw`\b(?:${PARTY_NOUN}|he|she)\s+(?:is|are|was|were|'s|'re|(?:not |n't |never )?be|is ?n'?t|are ?n'?t)\s+(?:an?\s+)?(?:[\w'-]+\s+)?$`,
  'i',
);
/** "a Catholic parish community": the head noun is the people, not the amenity before it. */
const AMENITY_THEN_PEOPLE = new RegExp(`^\\s*(?:${AMENITY_NOUN})\\s+(?:${RESIDENT_NOUN})\\b`, 'i');
/** Children said of the neighbours: "the neighbors don't have kids", "a street where families with kids live". */
const NEIGHBOURS = new RegExp(`\\b(?:${RESIDENT_NOUN}|${PLACE_NOUN})\\b`, 'i');
/** Words after "we have" before the class word: not a preposition ("we had bad luck with Hispanic tenants"). */
const HAD_FILL = String.raw`(?:(?!(?:about|of|from|to|near|around|by|against|than|like)\b)[\w'-]+\s+){0,4}`;
/** Words between a copula and the class word ("we're a devout Catholic ..."), not a verb ("we're looking for a"). */
const COPULA_FILL = String.raw`(?:(?!(?:\w+ing|for|to|in|near|with|at|by|around|among)\b)[\w'-]+\s+){0,3}`;
/** A nationality word used as an adjective ("Chinese New Year", "Vietnamese-speaking"), not as a plural noun. */
const ADJECTIVE_USE = new RegExp(
  `^(?:-\\w|\\s+(?:${RESIDENT_NOUN}|${PARTY_NOUN}|${PLACE_NOUN}|${AMENITY_NOUN}|${HOUSE_NOUN}|new|american|speaking|food|style)\\b)`,
  'i',
);
const QUANT_BEFORE = new RegExp(`\\b(?:${QUANTIFIER})\\s+(?:[\\w'-]+\\s+){0,2}$`, 'i');
const ANY_NOUN = new RegExp(
  `\\b(?:${RESIDENT_NOUN}|${PLACE_NOUN}|${PARTY_NOUN}|applicants?|professionals)\\b`,
  'i',
);
const OWN_FAMILY = String.raw`(?:son|daughter|kids?|children|child|wife|husband|partner|mom|mother|dad|father|parents?|brother|sister|grand\w+|family|household|toddler|baby|girlfriend|boyfriend|spouse|(?:father|mother|brother|sister|son|daughter)-in-law|in-laws?|twins|abuel[oa]s?|abuelit[oa]s?|suegr[oa]s?|t[ií][oa]s?|hij[oa]s?|espos[oa]|mam[aá]|pap[aá])`;
/** Kin called by what the family calls them ("grandma has dementia"): always someone's own. */
const KIN_NAME = String.raw`(?:grandma|grandpa|granny|nana|mom|dad|mama|papa|mommy|daddy|abuela|abuelo|abuelita|abuelito)`;
const OWN_FAMILY_NOUN = new RegExp(`^${OWN_FAMILY}$`);
const OWN_FAMILY_WORD = new RegExp(`\\b${OWN_FAMILY}\\b`, 'gi');
const OWN_FAMILY_PHRASE = new RegExp(`\\b(?:my|our|your|their)\\s+(?:[\\w'-]+\\s+)?${OWN_FAMILY}\\b`, 'gi');
const OWN_VERB = String.raw`(?:have|has|had|got|(?:just )?(?:moved|came|relocated|immigrated|emigrated)(?: here| over)?|us(?:e|es|ing)|needs?|adopting|adopt(?:ed)?|foster(?:ing)?|expecting|raising|attends?|go(?:es)? to|prays? at|volunteers? at|belongs? to|loves?|speaks?|miss(?:es)?|am|are|is|'m|'re|was|were|lives? with|cares? for|tak(?:e|es|ing)|(?<=(?:'m|'re|\bam|\bare|\bis)\s+)(?:in|on))`;

/** The start of the clause `index` is in (after , ; : or a clause-opening conjunction). */
export function clauseBefore(text: string, index: number): string {
  const head = text.slice(0, index);
  const ends = [
    head.lastIndexOf(',') + 1,
    head.lastIndexOf(':') + 1,
    head.lastIndexOf('(') + 1,
    ...[...head.matchAll(CLAUSE_OPENER)].map((m) => (m.index ?? 0) + m[0].length),
  ];
  const cut = Math.max(0, ...ends);
  const clause = head.slice(cut);
  // "my kids are biracial and light-skinned": a bare second adjective shares the clause before "and".
  if (/^\s*$/.test(clause) && /\b(?:and|or)\s*$/.test(head.slice(0, cut)))
    return clauseBefore(text, cut - (/\b(?:and|or)\s*$/.exec(head.slice(0, cut))?.[0].length ?? 0));
  // "I have MS and use a cane": a clause that opens on a verb keeps the subject of the one before.
  const subject = VERB_FIRST.test(clause) ? LAST_SUBJECT.exec(head.slice(0, cut)) : null;
  return subject ? `${subject[1]} ${clause.trimStart()}` : clause;
}

const CLAUSE_OPENER = /\b(?:and|but|so|because|since|while|although|though|if|or|when|unless)\b/gi;
const VERB_FIRST = /^\s*(?:also\s+)?(?:use|uses|need|needs|have|has|am|are|is|attend|go|pray|love)\b/;
const LAST_SUBJECT =
  /\b(i|we|you|they|the (?:client|buyer)s?|(?:my|our) (?:mother|mom|father|dad|son|daughter|wife|husband|partner|parents?|child|kid|grand\w+|abuel[oa]|suegr[oa]|mam[aá]|pap[aá]))\s+(?:[\w'-]+\s+){0,5}(?:and|,)\s*$/;

/**
 * Whether the words before a mention make it the speaker's (or the client's). `copulaOnly` for a class word
 * on a people noun: "we're a Black family" is the speaker's own, "we've had trouble with Black families" not.
 */
function ownerOf(before: string, speaker: Speaker, copulaOnly = false): 'OWN' | 'CLIENT' | null {
  const p = pronouns(speaker);
  const poss = possessives(speaker);
  const tests: ['OWN' | 'CLIENT', string | undefined, string | undefined][] = [
    ['OWN', p.own, poss.own],
    ['CLIENT', p.client, poss.client],
  ];
  for (const [role, subj, pos] of tests) {
    if (!subj || !pos) continue;
    const copula = new RegExp(
      String.raw`(?:^|\b)(?:(?:${subj})\s+(?:[\w'-]+\s+){0,2}?(?:am|are|is|was|were)|${role === 'CLIENT' ? "you're|they're" : speaker === 'LEAD' ? "i'?m|we're|you're|they're" : "i'?m|we're"}|${(role === 'OWN') === (speaker === 'LEAD') ? 'as(?: an?)?|being an?|' : ''}(?:${pos})\s+${OWN_FAMILY}\s+(?:[\w'-]+\s+){0,2}?(?:is|are|has|have|uses|needs))\s+${COPULA_FILL}$`,
      'i',
    );
    const possessive = new RegExp(String.raw`\b(?:${pos})\s+(?:[\w'-]+\s+){0,2}$`, 'i');
    // "I'm a single dad with joint custody", "we're a family with three kids": the speaker's own household.
    const contracted = subj.split('|').filter((w) => /'\??(?:m|re)$/.test(w));
    const copulaWith = new RegExp(
      String.raw`\b(?:(?:${subj})\s+(?:am|are|is)|(?:${pos})\s+${OWN_FAMILY}\s+(?:is|are|has|have)|${contracted.join('|') || '(?!)'})\s+${COPULA_FILL}with\s+(?:[\w'-]+\s+){0,2}$`,
      'i',
    );
    const cw = copulaWith.exec(before);
    if (cw && !ANY_NOUN.test(before.slice(cw.index).replace(/^.*?\bwith\b/, ''))) return role;
    const had = new RegExp(
      String.raw`\b(?:(?:${subj})|(?:${pos})\s+${OWN_FAMILY}|${KIN_NAME})\s+(?:(?!(?:that|which|where|who|if|whether|can'?t|cannot|won'?t|he|she|they|it|he's|she's|rather|prefer\w*|want\w*|wanna|would|looking|hoping|hope)\b)[\w'-]+\s+){0,2}?${OWN_VERB}\s+${HAD_FILL}$`,
      'i',
    );
    for (const r of copulaOnly ? [copula] : [copula, possessive, had]) {
      const m = r.exec(before);
      if (!m) continue;
      const between = before
        .slice(m.index)
        .replace(OWN_FAMILY_PHRASE, '')
        .replace(OWN_FAMILY_WORD, '')
        .replace(new RegExp(`^\\s*(?:${subj}|${pos})\\b`, 'i'), '');
      if (!ANY_NOUN.test(between)) return role;
    }
  }
  return null;
}

/** The subject a predicate adjective or trait is said of: the nearest noun or pronoun before it. */
function subjectRole(before: string, speaker: Speaker): Role {
  const owner = ownerOf(before, speaker);
  if (owner) return owner;
  if (/\b(?:i|we|i'?m|we're)\s+(?:also\s+|only\s+|mostly\s+|just\s+)?$/.test(before)) return 'OWN';
  // "where they speak …", "where people go to …": the people who live there.
  if (/\b(?:where|in which)\s+(?:they|people|folks|everyone|everybody|most)\s+(?:[\w'-]+\s+)?$/.test(before))
    return 'RESIDENT';
  const words = before
    .toLowerCase()
    .split(/[^\w'-]+/)
    .filter(Boolean)
    .reverse();
  if (words.length > 1 && RELATIVE.test(words[0]!)) words.shift();
  for (const [i, w] of words.entries()) {
    // "my kids range from light to dark skin": the speaker's own family is the subject.
    if (OWN_FAMILY_NOUN.test(w) && /^(?:my|our)$/.test(words[i + 1] ?? '')) return 'OWN';
    if (PROVIDER.test(w)) return 'NONE';
    if (
      new RegExp(
        `^(?:${RESIDENT_NOUN}|${PLACE_NOUN}|it|that|this|there|it's|that's|its|thats|most|many|all)$`,
      ).test(w)
    )
      return 'RESIDENT';
    if (new RegExp(`^(?:${PARTY_NOUN}|he|she|him|her|his|they|them|their|applicants|professionals)$`).test(w))
      return speaker === 'MODEL' && /^(?:they|them|their)$/.test(w) ? 'CLIENT' : 'PARTY';
  }
  return 'PARTY';
}

/** The role of a class adjective at [start, end): by the noun after it, or as a predicate. */
function adjectiveRole(text: string, start: number, end: number, speaker: Speaker, ad: boolean): Role {
  let rest = text.slice(end).replace(/^-\w+/, '');
  while (NEXT_CLASS.test(rest)) rest = rest.replace(NEXT_CLASS, '');
  const before = clauseBefore(text, start);
  if ((LANGUAGE_USE.test(before) || SPEAKS.test(before)) && NEXT_FUNCTION.test(rest)) return 'NONE';
  // In an ad or listing, a class word on the home itself ("a Christian home") tells buyers who is wanted.
  if (ad && NEXT_HOUSE.test(rest) && !NEXT_AMENITY.test(rest)) return 'PARTY';
  if (NEXT_AMENITY.test(rest) && AMENITY_THEN_PEOPLE.test(rest)) return 'RESIDENT';
  // "the buyers are a same-sex couple": says who a party is, not who lives somewhere.
  if (NEXT_RESIDENT.test(rest) && PARTY_COPULA.test(before)) return 'PARTY';
  const people = NEXT_RESIDENT.test(rest) || NEXT_PARTY.test(rest);
  const owner = ownerOf(before, speaker, people);
  if (NEXT_AMENITY.test(rest) || NEXT_HOUSE.test(rest) || NEXT_AMENITY_GAP.test(rest)) return 'NONE';
  if (NEXT_PLACE.test(rest) && !NEXT_RESIDENT.test(rest)) return 'RESIDENT';
  if (owner) return owner;
  if (NEXT_RESIDENT.test(rest)) return 'RESIDENT';
  if (NEXT_PARTY.test(rest)) return 'PARTY';
  if (NEXT_FUNCTION.test(rest)) return QUANT_BEFORE.test(before) ? 'RESIDENT' : subjectRole(before, speaker);
  // A class word on an unknown noun: most likely a person ("female students"); a frame must still make it steer.
  // Unless it is inside a place's name ("in lehi or american fork").
  if (PLACE_NAME_BEFORE.test(text.slice(0, start))) return 'NONE';
  return /^\s+[a-z]/.test(rest) ? 'PARTY' : 'NONE';
}

const RESIDENTS_COPULA = new RegExp(
  String.raw`\b(?:(?:are|were|is|was) (?:the|those|these|any of the|all the|both) (?:${RESIDENT_NOUN})(?: (?!(?:house|home|yard|fence|car|door|roof|trim|paint)\b)[\w'-]+){0,3}|(?:${RESIDENT_NOUN}) (?:are|were|'re) (?:all |mostly |also )?)\s*$`,
  'i',
);

/** A colour word names people only before a people or place noun, or counted ("mostly white"). */
function weakColorRole(text: string, start: number, end: number, speaker: Speaker): Role {
  const rest = text.slice(end);
  if (NEXT_HOUSE.test(rest) || NEXT_AMENITY.test(rest) || PAINT_AFTER.test(rest)) return 'NONE';
  const before = clauseBefore(text, start);
  if (NEXT_PLACE.test(rest) && !NEXT_RESIDENT.test(rest)) return 'RESIDENT';
  if (NEXT_RESIDENT.test(rest)) return ownerOf(before, speaker) ?? 'RESIDENT';
  if (NEXT_PARTY.test(rest)) return ownerOf(before, speaker) ?? 'PARTY';
  if (QUANT_BEFORE.test(before) && NEXT_FUNCTION.test(rest)) return subjectRole(before, speaker);
  if (/(?:^|\s)(?:i'?m|we're|i am|we are)\s+$/.test(before)) return 'OWN';
  // "are the neighbors on either side white or not?", "the neighbors are white".
  if (NEXT_FUNCTION.test(rest) && RESIDENTS_COPULA.test(before)) return 'RESIDENT';
  if (
    /\b(?:my|our) (?:wife|husband|partner|spouse|son|daughter|kids|children|mom|mother|dad|father|parents|family|fianc\w*|boyfriend|girlfriend) (?:is|are) (?:also |both |half )?$/.test(
      before,
    )
  )
    return 'OWN';
  // "is your husband also Black?": a colour said of the client's family.
  if (/\b(?:is|are) (?:your|their) \w+ (?:also |really |even )?$/.test(before))
    return ownerOf(before, speaker) ?? 'PARTY';
  // "the buyers are Black and …": a colour said of a party.
  if (PARTY_COPULA.test(before) && NEXT_FUNCTION.test(rest)) return 'PARTY';
  return 'NONE';
}

/**
 * Whose a class plural is when nothing says: others who live somewhere ("Muslims"), except children, who are
 * usually someone's household — "the kids" in a lead's words are theirs, "2 kids" a household; counted
 * ("lots of kids") or turned away ("no kids") they steer all the same.
 */
function defaultPeopleRole(cls: FhClass, before: string, speaker: Speaker): Role {
  // "a school for the kids": a lead's own children, whatever place comes before.
  if (cls === 'FAMILIAL_STATUS' && speaker === 'LEAD' && /\bfor the\s+$/.test(before)) return 'OWN';
  if (cls !== 'FAMILIAL_STATUS' || NEIGHBOURS.test(before)) return 'RESIDENT';
  if (/\bthe\s+$/.test(before)) return speaker === 'LEAD' ? 'OWN' : 'CLIENT';
  return 'PARTY';
}

/** "Vietnamese pho places": one or two unknown words before the amenity they name. */
const NEXT_AMENITY_GAP = new RegExp(
  `^\\s*(?:(?!(?:${RESIDENT_NOUN}|${PARTY_NOUN}|${PLACE_NOUN}|at|in|on|the|a|an|of|from|to|near|by|around|with|and|or)\\b)[\\w'-]+\\s+){1,2}(?:${AMENITY_NOUN})\\b`,
  'i',
);

function push(
  out: Mention[],
  text: string,
  cls: FhClass,
  m: RegExpExecArray,
  role: Role,
  partyOwn = false,
): void {
  const start = m.index;
  const before = clauseBefore(text, start);
  const other = role !== 'OWN' && role !== 'CLIENT' && role !== 'NONE';
  const counted =
    other &&
    ((QUANT_BEFORE.test(before) && !NUMBER_BEFORE.test(before)) ||
      STEREOTYPE_AFTER.test(text.slice(start + m[0].length)));
  out.push({ cls, start, end: start + m[0].length, role, counted, ...(partyOwn ? { partyOwn } : {}) });
}

/** Every class mention in `text` (normalized) with its role. */
export function findMentions(text: string, speaker: Speaker, ad = false): Mention[] {
  const out: Mention[] = [];
  for (const [cls, r] of PEOPLE) {
    for (const m of text.matchAll(r)) {
      const exec = m as RegExpExecArray;
      const before = clauseBefore(text, exec.index);
      const after = text.slice(exec.index + m[0].length);
      if (NEXT_AMENITY.test(after) || NEXT_HOUSE.test(after) || ADJECTIVE_USE.test(after)) continue;
      if (NEXT_AMENITY_GAP.test(after)) continue;
      if ((LANGUAGE_USE.test(before) || SPEAKS.test(before)) && NEXT_FUNCTION.test(after)) continue;
      const household =
        /^\s+(?:do |does |did )?(?:you|they|we|i|he|she) (?:have|has|got|had)\b|^\s+(?:yet|so far|for now|right now|at the moment)\b/i.test(
          after,
        );
      const partyOwn = PARTY_HAS_BEFORE.test(before) || HOUSEHOLD_BEFORE.test(before);
      const owner = household
        ? 'CLIENT'
        : LEADING_WITH.test(text.slice(0, exec.index)) && OWN_MAIN.test(after)
          ? 'OWN'
          : ownerOf(before, speaker);
      const ownHousehold =
        speaker === 'LEAD' &&
        cls === 'FAMILIAL_STATUS' &&
        ((NUMBER_BEFORE.test(before) && !LIMIT_BEFORE.test(before)) ||
          (/\bno\s+$/.test(before) && OWN_NONE_AFTER.test(after)) ||
          (/^\s*$/.test(before) && OWN_NEED_AFTER.test(after)));
      const role =
        owner ?? (partyOwn ? 'PARTY' : ownHousehold ? 'OWN' : defaultPeopleRole(cls, before, speaker));
      push(out, text, cls, exec, role, partyOwn && role === 'PARTY');
    }
  }
  for (const [cls, r] of ADJECTIVES) {
    for (const m of text.matchAll(r)) {
      const exec = m as RegExpExecArray;
      // "Korean-American": the second half of a hyphenated class word is the same mention.
      if (/[a-z]-$/.test(text.slice(Math.max(0, exec.index - 2), exec.index))) continue;
      const end = exec.index + m[0].length;
      // "no kids, no pets, just me and my boyfriend": the lead's own household.
      const noneOwn =
        speaker === 'LEAD' && /^no[- ]kids?$/.test(m[0]) && OWN_NONE_AFTER.test(text.slice(end));
      push(out, text, cls, exec, noneOwn ? 'OWN' : adjectiveRole(text, exec.index, end, speaker, ad));
    }
  }
  for (const [cls, r] of TRAITS) {
    for (const m of text.matchAll(r)) {
      const exec = m as RegExpExecArray;
      const rest = text.slice(exec.index + m[0].length);
      if (NEXT_AMENITY.test(rest) && cls !== 'DISABILITY') continue;
      if (cls === 'DISABILITY' && FEATURE_AFTER.test(rest)) continue;
      if (out.some((o) => o.role !== 'NONE' && o.start <= exec.index && exec.index < o.end)) continue;
      const before = clauseBefore(text, exec.index);
      const partyOwn = HOUSEHOLD_BEFORE.test(before) || PARTY_HAS_BEFORE.test(before);
      // "until after the baby comes": the lead's own baby, as "the kids" is.
      const theirs =
        cls === 'FAMILIAL_STATUS' &&
        ((/^the /.test(m[0]) && !NEIGHBOURS.test(before)) ||
          OWN_KIND_QUESTION.test(text.slice(0, exec.index)));
      const said = theirs && speaker === 'LEAD' ? 'OWN' : subjectRole(before, speaker);
      const role = partyOwn && said === 'RESIDENT' ? 'PARTY' : said;
      push(out, text, cls, exec, role, partyOwn && role === 'PARTY');
    }
  }
  for (const m of text.matchAll(WEAK)) {
    const exec = m as RegExpExecArray;
    const role = weakColorRole(text, exec.index, exec.index + m[0].length, speaker);
    const cls: FhClass = /^(?:white|black)$/i.test(m[0]) ? 'RACE' : 'COLOR';
    push(out, text, cls, exec, role);
  }
  const named = settleRoles(text, out, speaker);
  // "a guy who is in rehab": the clause after a bare person noun says why he is chosen, not his sex.
  return named.filter(
    (m) =>
      !(
        m.cls === 'SEX' &&
        BARE_PERSON.test(text.slice(m.start, m.end)) &&
        /^\s+(?:who|that|with)\b/.test(text.slice(m.end)) &&
        named.some((o) => o.start > m.end)
      ),
  );
}

/** All class words at all (a lexicon hit, whatever its role): the lead-in a streamed clause waits on. */
export const ANY_CLASS_WORD = new RegExp(
  `\\b(?:${[
    ...CLASSES.map((c) => CLASS_ADJECTIVES[c]),
    ...CLASSES.map((c) => CLASS_PEOPLE[c]),
    ...CLASSES.map((c) => CLASS_TRAITS[c]),
    WORSHIP,
  ].join('|')})\\b|\\b${alt(WEAK_COLOR)}\\b`,
  'i',
);
