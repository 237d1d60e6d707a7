/**
 * Roles settled by how a class is referred to, after fair-housing-mentions.ts has found them: the speaker's own
 * class ("people with darker skin like me", a baby "on the way", a lead's telegraphic "single mom w 2 toddlers,
 * need …"), and the people who lived in a home before ("the previous owners were a Korean family"), who say
 * nothing of who may live there now.
 */
import type { Speaker } from './fair-housing-frames';
import { AMENITY_NOUN } from './fair-housing-lexicon';
import type { Mention } from './fair-housing-mentions';
import { sharesOwnHome } from './fair-housing-shared-living';

/** "a school for the deaf", "services for Korean speakers": a place or service named for a class, no one's neighbours. */
const SERVES = new RegExp(
  `\\b(?:${AMENITY_NOUN}|schools?|programs?|services?|clinics?|cent(?:er|re)s?)\\s+(?:for|serving)\\s+(?:the\\s+)?$`,
  'i',
);

/** "people with darker skin like me", "Muslims such as ourselves": the class is the speaker's own. */
const LIKE_SELF = /^\s*(?:[\w'-]+\s+){0,2}?(?:like|such as|same as|just like) (?:me|us|myself|ourselves)\b/;
const GENERIC_BEARER =
  /(?:^|[.,;:!?]\s*|\b(?:and|but|because|since|as|cause|cuz)\s+)(?:people|folks|anyone|someone|somebody|those|we|us)\s+(?:with|who (?:have|are)|that (?:have|are))\s+(?:[\w'-]+\s+)?$/;
const FORMER_OCCUPANT =
  /\b(?:previous|former|prior|last|old|original) (?:owners?|tenants?|residents?|occupants?|sellers?|renters?|landlords?)\b(?:,\s*|\s+(?:were|was|are|is)\s+)(?:[\w'-]+\s+){0,3}$/;
/** "people like me with a wheelchair …": the class of people like the speaker. */
const SELF_LIKE_BEARER =
  /\b(?:people|folks|anyone|someone|somebody|those|families) (?:like|such as) (?:me|us|myself|ourselves),?\s+(?:with|who (?:have|are|use)|that (?:have|are|use))\s+(?:[\w'-]+\s+){0,2}$/;
/** "baby #3 on the way", "our second is due in May": a pregnancy in the household. */
const ON_THE_WAY =
  /^\s*(?:#\s?\d+|number \w+|no\.? ?\d+)?\s*(?:is |are )?(?:on the way|due (?:in|next|this|any|soon|around)|coming (?:soon|this|next|in))\b/;
/** A lead's telegraphic opening about themselves: "single mom w 2 toddlers, need …", "wheelchair user here". */
const OPENING_SELF = /^\s*(?:(?:w\/?|with|of \d+|\+)\s|here\b)/;
/** "single mom with 3 kids applied": the household is someone else, who acts. */
const OTHER_ACTS =
  /^[^.,;!?]*?\b(?:applied|applies|called|came by|toured|submitted|inquired|reached out|showed up|is interested|wants to (?:rent|buy|see|apply))\b/;

/** The speaker's kin named before a pronoun: "my parents will live with us, they only speak Korean". */
const OWN_KIN_THEN_PRONOUN =
  /\b(?:my|our) (?:[\w'-]+ )?(?:parents|mom|mother|dad|father|in-laws|mother-in-law|father-in-law|grand(?:ma|pa|mother|father|parents)|son|daughter|kids|children|wife|husband|partner|family)\b(?:(?!\b(?:buyers?|sellers?|tenants?|renters?|applicants?|neighbou?rs|residents|people|folks|landlord|owners?|agent)\b)[^.?!;])*\b(?:they|he|she)(?:'re|'s| are| is| were| was| will| would)?\s+(?:[\w'-]+\s+){0,3}$/;

/** "just me and my partner, no kids", "retired couple, no kids": "no kids" listed after the speaker's household. */
const HOUSEHOLD_THEN_NONE =
  /(?:\b(?:me|us|myself|we|i)\b|\b(?:my|our) (?:wife|husband|partner|boyfriend|girlfriend|fianc\w*|spouse|dog|cats?)|\bcouple|\bthe (?:two|three) of us)\s*[,;+&/]\s*(?:no[- ])?$/;

/** "the down payment is being wired from Japan": money from a country, not a person from it. */
const FUNDS_BEFORE =
  /(?:\b(?:funds?|money|payment|deposit|gift|savings|accounts?|bank|assets|income|salary|pension|wire|check|cash)\b(?:(?!\b(?:they|they're|theyre|he|she|we|i|buyers?|tenants?|renters?|family|people|applicants?)\b)[^.?!;,]){0,40}|\b(?:wired|wiring|sent|transferr\w*|paid|coming)\s+(?:over\s+|in\s+)?)$/;
/** "an agent comfortable working with an interracial couple", said after "I'm white and my husband is Black". */
const AS_A_HOUSEHOLD_BEFORE = /\b(?:with|as|for|being|like) an? (?:[\w'-]+ )?$/;

/** "can I ask applicants if they're on any psych meds": the "they" asked about is the party, not the lead's own. */
const ASKED_OF_PARTY =
  /\b(?:ask|asking|find out|check|screen|know)\s+(?:the\s+|my\s+|our\s+)?(?:applicants?|tenants?|renters?|buyers?|them|him|her|people|anyone|renters)\s+(?:if|whether)\s+(?:they|he|she)(?:'re|'s| are| is| have| has| use| take)\s+(?:[\w'-]+\s+){0,3}$/;

/** "my daughter and her baby are moving in with me": the kin's own child is the lead's household too. */
const KIN_AND_THEIRS =
  /\b(?:my|our) (?:[\w'-]+ )?(?:daughter|son|sister|brother|mom|mother|dad|father|parents|kids|children|niece|nephew|cousin|grand\w+|in-laws?)\s+(?:and|with|plus|\+|&)\s+(?:her|his|their)\s+(?:[\w'-]+\s+)?$/;

/** Whether a mention is the speaker's own class by how it is referred to (a lead's own household, themselves). */
function selfReferred(text: string, m: Mention, speaker: Speaker): boolean {
  if (m.role === 'OWN' || m.role === 'NONE' || m.partyOwn) return false;
  const after = text.slice(m.end);
  // Only of people in general ("people with darker skin like me get …"), not of neighbours wanted like us.
  if (LIKE_SELF.test(after) && GENERIC_BEARER.test(text.slice(0, m.start))) return true;
  if (SELF_LIKE_BEARER.test(text.slice(0, m.start))) return true;
  if (speaker !== 'LEAD') return false;
  if (m.cls === 'FAMILIAL_STATUS' && ON_THE_WAY.test(after)) return true;
  if (KIN_AND_THEIRS.test(text.slice(Math.max(0, m.start - 60), m.start))) return true;
  const lead = text.slice(Math.max(0, m.start - 60), m.start);
  const none = /\bno[- ]$/.test(lead) || /^no\b/.test(text.slice(m.start));
  if (m.cls === 'FAMILIAL_STATUS' && none && HOUSEHOLD_THEN_NONE.test(lead)) return true;
  if (m.role === 'PARTY' && OWN_KIN_THEN_PRONOUN.test(text.slice(Math.max(0, m.start - 120), m.start)))
    return true;
  return (
    /^\s*(?:(?:a|an|im a|i'm a|i am a)\s+)?$/.test(text.slice(0, m.start)) &&
    OPENING_SELF.test(after) &&
    !OTHER_ACTS.test(after)
  );
}

const FORMER_OCCUPANT_WINDOW = 80;
/** "… so I'd prefer someone different this time": the former occupants' class is the reason for the next choice. */
const CHOOSE_UNLIKE =
  /\b(?:someone|somebody|people|tenants?|renters?|buyers?|folks|a family|a couple) (?:different|else|new|of a different|not like (?:them|that|those))\b|\bnot like (?:them|those|that) (?:again|this time)\b/;
/** A cheap test before SERVES, which tries every amenity noun at every position. */
const FOR_AT_END = /\s(?:for|serving)\s+(?:the\s+)?$/;
/** "the owner accepts vouchers and service animals": a policy that lets a disability in, with no negation before it. */
const POLICY_ALLOWS =
  /^(?!.*\b(?:not|no|never|n't|wo ?n'?t|do ?n'?t|does ?n'?t|ca ?n'?t|refus\w*|reject\w*|stop\w*|ban\w*)\b).*\b(?:accepts?|allows?|permits?|welcomes?|accommodates?)\s+(?:[\w'-]+\s+){0,4}$/;

/** The mentions with those roles settled, those that name no one dropped. */
export function settleRoles(text: string, mentions: Mention[], speaker: Speaker): Mention[] {
  const ownClasses = new Set(mentions.filter((m) => m.role === 'OWN').map((m) => m.cls));
  return mentions
    .map((m): Mention => {
      if (
        m.cls === 'NATIONAL_ORIGIN' &&
        /^from\b/.test(text.slice(m.start)) &&
        FUNDS_BEFORE.test(text.slice(0, m.start))
      )
        return { ...m, role: 'NONE' };
      // The household the lead has just described, named again as "a … couple / family".
      if (
        speaker === 'LEAD' &&
        ownClasses.has(m.cls) &&
        AS_A_HOUSEHOLD_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) &&
        /^\s*(?:couple|family|household)\b/.test(text.slice(m.end))
      )
        return { ...m, role: 'OWN', counted: false };
      const before = text.slice(Math.max(0, m.start - FORMER_OCCUPANT_WINDOW), m.start);
      const other = m.role === 'RESIDENT' || m.role === 'PARTY';
      if (
        other &&
        !m.counted &&
        ((FORMER_OCCUPANT.test(before) && !CHOOSE_UNLIKE.test(text.slice(m.end))) ||
          (FOR_AT_END.test(before) && SERVES.test(before)))
      )
        return { ...m, role: 'NONE' };
      // A policy that lets a disability in ("allows service animals in all common areas"), however worded after.
      if (other && m.cls === 'DISABILITY' && POLICY_ALLOWS.test(before)) return { ...m, role: 'NONE' };
      // A roommate of one sex for the home the speaker lives in: shared living, where the preference is allowed.
      if (m.cls === 'SEX' && other && sharesOwnHome(text)) return { ...m, role: 'NONE' };
      if (m.role === 'OWN' && ASKED_OF_PARTY.test(text.slice(Math.max(0, m.start - 80), m.start)))
        return { ...m, role: 'PARTY' };
      return selfReferred(text, m, speaker) ? { ...m, role: 'OWN', counted: false } : m;
    })
    .filter((m) => m.role !== 'NONE');
}
