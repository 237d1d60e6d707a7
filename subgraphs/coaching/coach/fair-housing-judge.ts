/**
 * The one Fair Housing judgement, for a lead's words, an agent's words and the model's output alike.
 * Steering = a protected-class word (fair-housing-lexicon.ts) about the people who live somewhere, or about a
 * party to the deal in a frame that chooses, avoids, ranks, asks about or describes them by it
 * (fair-housing-frames.ts), or a code word that does the same without naming a class. Not steering: the
 * speaker's (or the client's) own need ("we attend St. Mary's", "I use a wheelchair", "we just had a baby"),
 * a class word on a cuisine or a shop, a neutral fact, and a clause that declines to steer or states the rule.
 *
 * Judged sentence by sentence (a sentence ends at . ! ? ; or a line break); inside a sentence, clause groups
 * split at "but"/"however" so "I can't tell you who lives there, but I can send school ratings" is judged
 * by its parts. One carry-over across sentences: a party named by class in one sentence and turned away in
 * the next ("The buyer is deaf; let's not bother with the showing").
 * Structural frames: choosing among people (-selection), whose need it is (-presumed-need), lawful (-lawful).
 */
import {
  CODE_WORDS,
  EXCLUDE,
  FIT,
  INQUIRY,
  isCompliance,
  PREFER,
  PREFER_AREA,
  SUGGEST_AREA,
  WHERE_QUESTION,
  type Speaker,
} from './fair-housing-frames';
import { alt, PLACE_NOUN, type FhClass } from './fair-housing-lexicon';
import { findMentions, type Mention } from './fair-housing-mentions';
import { toldToDecider } from './fair-housing-disclosure';
import { NEW_SUBJECT, OWN_REQUEST_BETWEEN, ownWantBefore } from './fair-housing-roles';
import { ADVERTISING, ADVISOR_FIT } from './fair-housing-signals';
import { glossSpanish, looksSpanish } from './fair-housing-spanish';
import { findWorship, NOT_THAT_PLACE, WORSHIP_PARTY } from './fair-housing-worship';
import { blankPlaceNames, placeNamesMarked } from './fair-housing-place-names';
import { rawSeen } from './fair-housing-origin-winks';
import { adOutletSteering, OFFER_OF, SELECT_AMONG, turnsToOther } from './fair-housing-selection';
import {
  INSTITUTION_WANTS,
  lawfulAboutResidents,
  OTHERS_TREATED_AFTER,
  OWN_MISTREATMENT,
  PREDICATE_BEFORE,
  AND_THEN,
  STATUS_RESIDENT,
} from './fair-housing-lawful';
import { blankReported, parts, REPORTED_WISH, sentences, warnsElsewhere } from './fair-housing-clauses';
import { CLIENT_SAID, CLIENT_STATED_WANT, NARROWS, PARTY_WANTS } from './fair-housing-presumed-need';
import { FLAG_AT, learnedClass, learnedSteering, VETO_BELOW } from './fair-housing-model';
import { normalizeForJudgement } from './fair-housing-normalize';

export type { FhClass, Speaker };
export { normalizeForJudgement };

export interface FairHousingJudgement {
  steering: boolean;
  /** The class steered by; absent for a code word that names none ("people like us"). */
  protectedClass?: FhClass;
  /** Which construction fired, in words (never the text itself). */
  reason?: string;
  /** Where the steering starts in the text: its sentence's first class or frame word (0 when unknown). */
  start?: number;
}

const CLEAN: FairHousingJudgement = { steering: false };

/** Housing for older persons (55+/62+) is exempt from the familial-status rules. */
const SENIOR_EXEMPT =
  /\b(?:55\s*\+|62\s*\+|55 and (?:over|older|up)|55-and-(?:over|older)|62 and (?:over|older)|senior (?:living|communit(?:y|ies)|housing)|age[- ]restricted|active adult)/i;

const PLACE_WORD = new RegExp(
  `\\b(?:${PLACE_NOUN}|safe|nice|good|quiet|better|place|somewhere|feels? like|(?:further |farther |more )?(?:north|south|east|west)(?:ern)?)\\b`,
  'i',
);
const PERSON_AFTER_EXCLUDE = new RegExp(
  String.raw`\b(?:${alt('buyers?', 'tenants?', 'renters?', 'applicants?', 'offers?', 'him', 'her', 'them', 'showing', 'anyone', 'someone', 'people', 'families', 'family', 'couple', 'guy', 'man', 'woman', 'unit')})\b`,
  'i',
);

const PLACE_AFTER_EXCLUDE = new RegExp(
  String.raw`^\S+(?:\s+\S+)?\s+(?:[\w'-]+\s+){0,3}?(?:(?:${PLACE_NOUN})\b|<place>)`,
  'i',
);

/** Wanting to be spoken to in a language is the party's own need, not a preference about people. */
const OWN_COMMUNICATION =
  /\b(?:prefer\w*|likes?|wants?|needs?|would like)\s+(?:to\s+)?(?:communicate|speak|talk|text|email|correspond|chat|read|sign|get|receive|be (?:contacted|called|texted|emailed))\b/g;

/** A client's disability or children make an area suggestion a need met, not steering, when said apart. */
const CLIENT_NEEDS = new Set<FhClass>(['DISABILITY', 'FAMILIAL_STATUS']);

interface Frames {
  exclude: boolean;
  excludePerson: boolean;
  /** A yes/no question about the client's own ("is your husband also Black?"). */
  askClient: boolean;
  /** Where the exclusion word is (-1 when none). */
  excludeAt: number;
  /** Keeping away from an area, a building or a named place ("I'd skip the complexes by campus"). */
  excludePlace: boolean;
  prefer: boolean;
  /** Where the first preference word is (a party's own want follows the party: "the buyer has … and wants"). */
  preferAt: number;
  fit: boolean;
  area: boolean;
  inquiry: boolean;
  /** Picking among offers or buyers ("take the other offer", "one offer over another's"). */
  select: boolean;
}

function framesOf(part: string, original: string, speaker: Speaker): Frames {
  const ex = EXCLUDE.exec(part);
  const properPlace = placeNamesMarked(original);
  const advisorPicksArea = speaker !== 'LEAD' && PREFER_AREA.test(properPlace);
  // An ad instruction prefers whoever it names; a party's own household named before it is not in the ad.
  const preferAt =
    ADVERTISING.exec(part)?.index ??
    PREFER.exec(
      part
        .replace(OWN_COMMUNICATION, (w) => ' '.repeat(w.length))
        .replace(INSTITUTION_WANTS, (w) => ' '.repeat(w.length)),
    )?.index ??
    -1;
  return {
    exclude: ex !== null,
    excludePerson: ex !== null && PERSON_AFTER_EXCLUDE.test(part.slice(ex.index)),
    excludeAt: ex?.index ?? -1,
    askClient: /^\s*(?:but\s+)?(?:are|is|was|were)\s+(?:you|your|their)\b[^?]*\?/.test(part),
    excludePlace: ex !== null && PLACE_AFTER_EXCLUDE.test(properPlace.slice(properPlace.indexOf(ex[0]))),
    prefer: preferAt >= 0,
    preferAt,
    fit: FIT.test(part) || (speaker !== 'LEAD' && ADVISOR_FIT.test(part)),
    area: SUGGEST_AREA.test(properPlace) || WHERE_QUESTION.test(part) || advisorPicksArea,
    inquiry: INQUIRY.test(part),
    select: SELECT_AMONG.test(part),
  };
}

/** The party itself asks for what is excluded: "the tenant with the service dog asked to move to another unit". */
function ownRequest(between: string): boolean {
  const m = OWN_REQUEST_BETWEEN.exec(between);
  if (!m) return false;
  const subjectsBefore = between.replace(
    /\b(?:asked|asks|wants?|wanted|needs?|needed|prefers?|preferred|would (?:like|prefer|rather)|requested|requests|plans?|hopes?)\b[\s\S]*$/,
    '',
  );
  return !NEW_SUBJECT.test(subjectsBefore);
}

/** "my tenant who's blind …": the class said of the party in a relative clause, so the verb after is theirs. */
const RELATIVE_BEFORE = /\b(?:who'?s|who is|who are|that is|that's|who has|who uses)\s+(?:[\w'-]+\s+)?$/;

interface Context {
  whole: string;
  speaker: Speaker;
}

const anyFrame = (f: Frames): boolean => f.exclude || f.prefer || f.fit || f.area || f.inquiry || f.select;

/** An advisor narrowing the search on a disability or children the client never asked about. */
function presumesNeed(m: Mention, part: string, ctx: Context): boolean {
  const narrow = NARROWS.exec(part);
  if (ctx.speaker === 'LEAD' || !CLIENT_NEEDS.has(m.cls) || !narrow || CLIENT_SAID.test(ctx.whole))
    return false;
  // The party's own wish ("the buyer in the wheelchair wants to skip the second showing") is theirs.
  return !PARTY_WANTS.test(part.slice(m.end, Math.max(m.end, narrow.index)));
}

/** Whether a mention, in its frames, steers — and why. */
function steers(m: Mention, f: Frames, part: string, ctx: Context): string | null {
  if (m.counted) return 'counts or characterizes a group by';
  if (f.select && OFFER_OF.test(part.slice(m.end))) return 'chooses among offers by';
  if (
    (m.role === 'PARTY' || m.role === 'CLIENT') &&
    toldToDecider(part.slice(Math.max(0, m.start - 80), m.start), m.cls)
  )
    return "tells whoever decides a party's";
  switch (m.role) {
    case 'RESIDENT':
      // "a permanent resident from India" is an immigration status: a party, judged as one.
      if (STATUS_RESIDENT.test(part.slice(Math.max(0, m.start - 30), m.start)))
        return steers({ ...m, role: 'PARTY' }, f, part, ctx);
      return !anyFrame(f) && lawfulAboutResidents(ctx.whole, part)
        ? null
        : 'describes who lives somewhere by';
    case 'PARTY':
      if (f.exclude && !ownRequest(part.slice(m.end, f.excludeAt))) return 'turns a party away by';
      if (f.select) return 'chooses among offers by';
      if (presumesNeed(m, part, ctx)) return 'narrows the search on a need presumed from a party’s';
      // The party's own want about their own household ("she wants a yard for her kids") asks nothing of them.
      if (ownWantBefore(part.slice(0, m.start))) return null;
      // The party's own want ("the buyers are relocating from Germany and want …", "my tenant who's blind wants
      // to put in grab bars"), unless someone else wants.
      if (
        f.prefer &&
        !(
          (m.partyOwn ||
            RELATIVE_BEFORE.test(part.slice(Math.max(0, m.start - 25), m.start)) ||
            (PREDICATE_BEFORE.test(part.slice(Math.max(0, m.start - 40), m.start)) &&
              AND_THEN.test(part.slice(m.end, f.preferAt)))) &&
          f.preferAt > m.start &&
          !NEW_SUBJECT.test(part.slice(m.end, f.preferAt))
        )
      )
        return 'prefers a party by';
      if (f.inquiry) return 'asks about a party by';
      if (f.fit || f.area) return 'chooses an area by';
      return null;
    case 'CLIENT':
      if (f.excludePerson || turnsToOther(part)) return 'turns a party away by';
      // Narrowing the search on a need the advisor presumes, not one the client stated.
      if (presumesNeed(m, part, ctx)) return 'narrows the search on a need presumed from the client’s';
      if (f.askClient && !CLIENT_NEEDS.has(m.cls)) return "asks about the client's";
      // An advisor keeping the client away from an area by the client's class (a disability's needs excepted).
      if (f.excludePlace && m.cls !== 'DISABILITY') return 'keeps the client away from an area by';
      // Meeting a want the client stated ("since you said you'd feel safer with a doorman") steers no one.
      if (!f.fit && CLIENT_STATED_WANT.test(part)) return null;
      return f.fit || f.area ? 'chooses an area for the client by' : null;
    case 'OWN':
      // Where the speaker was mistreated ("weird about showing me homes in Naperville") is no area chosen.
      if (!f.fit && OWN_MISTREATMENT.test(part)) return null;
      // Children or a disability make an area question a need ("we have 2 kids, which areas have the best
      // schools?"); fitting in by them, or any other class, asks to be steered.
      if (f.fit || (f.area && !CLIENT_NEEDS.has(m.cls))) return "chooses an area by the speaker's own";
      return null;
    default:
      return null;
  }
}

function codeWord(part: string, raw: string, whole: string, speaker: Speaker): FairHousingJudgement | null {
  for (const c of CODE_WORDS) {
    if (c.advisorOnly && speaker === 'LEAD') continue;
    const on = c.onRaw ? rawSeen(raw, part) : c.onWhole ? whole : part;
    const m = c.re.exec(on);
    // "the agent made me show ID while other folks walked right in": others named by how they were treated.
    if (m && OWN_MISTREATMENT.test(whole) && OTHERS_TREATED_AFTER.test(on.slice(m.index + m[0].length)))
      continue;
    // A place is a place word, or a name ("out in Castle Rock than Montbello, if you know what I mean").
    if (!m || (c.withPlace && !PLACE_WORD.test(whole) && !placeNamesMarked(raw).includes('<place>')))
      continue;
    return {
      steering: true,
      ...(c.cls ? { protectedClass: c.cls } : {}),
      reason: 'code word',
      start: m.index,
    };
  }
  return null;
}

interface PartResult {
  judgement: FairHousingJudgement | null;
  /** A party or client named by class with no frame yet: the next sentence may turn them away. */
  pending?: FhClass;
  /** The pending mention is the advisor's client ("You're Muslim."): an area picked next steers too. */
  client?: boolean;
}

function judgePart(raw: string, original: string, speaker: Speaker, whole: string): PartResult {
  const part = blankReported(raw, speaker);
  if (isCompliance(part, speaker)) return { judgement: null };
  const code = codeWord(part, original, whole, speaker);
  // A code word that names a class decides; one that names none yields to a class word that also steers.
  if (code?.protectedClass) return { judgement: code };
  const senior = SENIOR_EXEMPT.test(part);
  const mentions = findMentions(part, speaker, ADVERTISING.test(part)).filter(
    (m) => !(senior && m.cls === 'FAMILIAL_STATUS'),
  );
  const frames = framesOf(part, original, speaker);
  const outlet = adOutletSteering(part);
  if (outlet)
    return {
      judgement: { steering: true, protectedClass: outlet, reason: `advertises by ${label(outlet)}` },
    };
  for (const m of mentions.sort((a, b) => a.start - b.start)) {
    const why = steers(m, frames, part, { whole, speaker });
    if (why)
      return {
        judgement: {
          steering: true,
          protectedClass: m.cls,
          reason: `${why} ${label(m.cls)}`,
          start: Math.min(m.start, code?.start ?? m.start),
        },
      };
  }
  // A party named by its congregation, turned away or passed over ("slow-walk the family from the mosque").
  const worshipParty = WORSHIP_PARTY.exec(part);
  if (worshipParty && (frames.exclude || frames.select))
    return {
      judgement: {
        steering: true,
        protectedClass: 'RELIGION',
        reason: 'turns a party away by religion',
        start: worshipParty.index,
      },
    };
  for (const w of findWorship(part)) {
    if (!w.own && (w.counted || frames.exclude || NOT_THAT_PLACE.test(part)))
      return {
        judgement: {
          steering: true,
          protectedClass: 'RELIGION',
          reason: 'avoids or counts places of worship',
          start: w.start,
        },
      };
  }
  if (code) return { judgement: code };
  const party = mentions.find((m) => m.role === 'PARTY' || m.role === 'CLIENT');
  if (!party && WORSHIP_PARTY.test(part)) return { judgement: null, pending: 'RELIGION' };
  return {
    judgement: null,
    ...(party ? { pending: party.cls, client: party.role === 'CLIENT' } : {}),
  };
}

const label = (cls: FhClass): string => cls.toLowerCase().replace(/_/g, ' ');

function judgeEnglish(original: string, speaker: Speaker): FairHousingJudgement {
  const text = normalizeForJudgement(original);
  let pending: FhClass | undefined;
  let pendingClient = false;
  // A party named by class stays named for two more sentences ("they're from Nigeria. honestly makes me nervous.
  // can we back out and take the backup offer instead").
  let pendingAge = 0;
  for (const sentence of sentences(text)) {
    let next: FhClass | undefined;
    let nextClient = false;
    for (const part of parts(sentence)) {
      const raw = original.slice(part.start, part.start + part.text.length);
      const { judgement, pending: p, client } = judgePart(part.text, raw, speaker, text);
      // An advisor reporting a party's wish ("the seller wants to reject …") and warning against it elsewhere.
      if (judgement && !(speaker !== 'LEAD' && REPORTED_WISH.test(part.text) && warnsElsewhere(text, part)))
        return { ...judgement, start: part.start + (judgement.start ?? 0) };
      // A party named in an earlier sentence, or in an earlier clause of this one ("…, but …").
      const named = pending ?? next;
      const namedClient = pending ? pendingClient : nextClient;
      if (!next && p) [next, nextClient] = [p, client === true];
      const steeredTo =
        named && namedClient && speaker !== 'LEAD' && !CLIENT_NEEDS.has(named)
          ? (SUGGEST_AREA.exec(placeNamesMarked(raw)) ?? FIT.exec(part.text))
          : null;
      // Two sentences on, only choosing someone else turns the party away ("… take the backup offer instead").
      const farBack = pending !== undefined && pendingAge > 0 && !next;
      const turnedAway =
        named && !isCompliance(part.text, speaker)
          ? farBack
            ? turnsToOther(part.text)
            : (EXCLUDE.exec(part.text) ?? turnsToOther(part.text) ?? steeredTo)
          : null;
      if (named && turnedAway)
        return {
          steering: true,
          protectedClass: named,
          reason: `turns a party away by ${label(named)}`,
          start: part.start + turnedAway.index,
        };
    }
    if (next) [pending, pendingClient, pendingAge] = [next, nextClient, 0];
    else if (pending && pendingAge < 1) pendingAge += 1;
    else [pending, pendingClient] = [undefined, false];
  }
  return CLEAN;
}

/**
 * Whether `text` steers by a protected class, the rules joined with the learned judge by the policy fixed
 * before its scoring (fair-housing-model.ts): a rule hit stands unless the model's p < 0.02; without one, the
 * text is flagged when p >= 0.98 (naming the class the model's features found). `speaker` decides whose needs
 * count as "own": a lead's I/we, an agent's client (you), the model's client (they, the buyer).
 */
export function judgeFairHousing(said: string, opts: { speaker: Speaker }): FairHousingJudgement {
  const rules = judgeByRules(said, opts);
  const { p, features } = learnedSteering(said, opts.speaker);
  if (rules.steering) return p < VETO_BELOW ? CLEAN : rules;
  if (p < FLAG_AT) return CLEAN;
  const cls = learnedClass(features);
  return { steering: true, protectedClass: cls, reason: `learned judge: steers by ${label(cls)}`, start: 0 };
}

/** The rules alone (the learned judge's tooling compares against them). */
export function judgeByRules(said: string, opts: { speaker: Speaker }): FairHousingJudgement {
  const text = blankPlaceNames(said);
  const english = judgeEnglish(text, opts.speaker);
  if (!looksSpanish(text)) return english;
  const glossed = glossSpanish(text);
  const gloss = judgeEnglish(glossed, opts.speaker);
  // Code-switched: "tengo un emotional support animal …" — the English pass cannot read the Spanish first
  // person; when the gloss does, finds the class the speaker's own and nothing else steering, it decides.
  if (english.steering && !gloss.steering && ownInGloss(glossed, english.protectedClass, opts.speaker))
    return CLEAN;
  if (english.steering) return english;
  return gloss.steering ? { ...gloss, start: 0 } : CLEAN;
}

function ownInGloss(glossed: string, cls: FhClass | undefined, speaker: Speaker): boolean {
  const mentions = findMentions(normalizeForJudgement(glossed), speaker);
  return cls !== undefined && mentions.some((m) => m.cls === cls && m.role === 'OWN');
}
