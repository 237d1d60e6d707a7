/**
 * Slot extraction from the LEAD's turns only (facts said only by the agent are not slots).
 * Every pattern is general (money cues, duration phrases, bedroom counts, property words, place patterns);
 * nothing is tied to a particular city, number or sentence.
 */
import { AgentRole, PropertyType, Speaker } from '../../../core/vocabulary';
import { extractAreasFromText, withoutStates } from './areas';
import { toSlotText } from './language';
import { normalizeNumberWords } from './numbers';
import { answeredSlots, otherMoneyAnswers } from './slots-answers';
import { extractMoney } from './slots-money';
import { coordinatorPlanText } from './slots-coordinator';
import { extractTimeline } from './slots-timeline';
import type { ExtractOptions, Motivation, Slots, Turn } from './types';

const BED_RE =
  /\b(\d{1,2})\s*\+?\s*(?:(?:-|–|to|or|\/)\s*(\d{1,2})\s*)?-?\s*(?:bed(?:room)?s?|bdrms?|bdr|bds?|brs?|bd)\b/gi;
const BED_WORD_BEFORE = /\b(?:bedrooms?|beds?)\s*(?::|=)\s*(\d{1,2})\b/gi;
/** "a 3/2" is 3 bedrooms and 2 baths (a date like "closing 3/2" has no article). */
const BED_SLASH = /(?:\b(?:a|an|the)\s+|(?:^|,)\s*)(\d)\s*\/\s*\d(?:\.5)?(?![\d/])(?=\s*(?:,|$|[a-z]))/gi;

/** A bed count describing the home the lead has now: a fact only when no wanted count is stated. */
const CURRENT_HOME_BEDS =
  /\b(?:we'?re|we are|i'?m|i am|we live|i live|living|currently|stuck|cramped)\s+(?:have\s+|own\s+|rent\s+|got\s+)?(?:in\s+)?(?:a|an|our|my|the)\s+(?:tiny\s+|small\s+|little\s+)?$/i;
/** A bed count describing a listing being priced ("550 for a 2 bed"), not the lead's need. */
const PRICED_LISTING_BEDS = /\d\s*k?\s+for\s+(?:a|an|the|this|that|only\s+a)\s+$/i;

function extractBedrooms(texts: string[]): number | undefined {
  let best: number | undefined;
  let fallback: number | undefined;
  for (const text of texts) {
    for (const re of [BED_RE, BED_WORD_BEFORE, BED_SLASH]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const a = Number(m[1]);
        const b = m[2] !== undefined ? Number(m[2]) : a;
        const min = Math.min(a, b);
        if (min < 0 || min > 12) continue;
        const before = text.slice(Math.max(0, m.index - 40), m.index);
        if (PRICED_LISTING_BEDS.test(before)) continue;
        if (CURRENT_HOME_BEDS.test(before)) {
          if (fallback === undefined || min < fallback) fallback = min;
          continue;
        }
        if (best === undefined || min < best) best = min;
      }
    }
  }
  return best ?? fallback;
}

/** True when the sentence holding position `at` is a question. */
function isQuestionAt(text: string, at: number): boolean {
  const end = text.slice(at).search(/[.!?\n]/);
  return end >= 0 && text[at + end] === '?';
}

/** A short yes/no reply to the agent asking about pre-approval is a stated fact. */
function preApprovalAnswer(turns: Turn[]): boolean | undefined {
  let value: boolean | undefined;
  turns.forEach((turn, i) => {
    const prev = turns[i - 1];
    if (turn.speaker !== Speaker.LEAD || !prev || prev.speaker !== Speaker.AGENT) return;
    if (
      !/\bpre[- ]?approv|\bapproved\b|\btalked (?:to|with) a lender\b/i.test(prev.text) ||
      !prev.text.includes('?')
    )
      return;
    if (/\bpre[- ]?approv|\bapproved\b/i.test(turn.text)) return; // answered in full; the main rule handles it
    if (/^\s*(?:yes|yep|yeah|yup|we are|i am|sure are|already|absolutely|definitely)\b/i.test(turn.text))
      value = true;
    else if (/^\s*(?:no|nope|nah|not yet|haven'?t|have not|not really|working on it)\b/i.test(turn.text))
      value = false;
  });
  return value;
}

/** "we haven't talked to a lender yet": no pre-approval, said without the word. */
function noLenderYet(texts: string[]): false | undefined {
  const re =
    /\b(?:haven'?t|havent|have not|not yet|never|didn'?t|did not)\s+(?:\w+\s+)?(?:talked|spoken|gone|reached out|applied|been)\s+(?:to|with)\s+(?:a|any|the)\s+(?:lender|bank|loan officer|mortgage broker)/i;
  return texts.some((t) => re.test(t)) ? false : undefined;
}

function extractPreApproved(texts: string[]): boolean | undefined {
  let value: boolean | undefined;
  for (const text of texts) {
    const t = text.toLowerCase();
    const re =
      /\bpre[- ]?approv(?:ed|al)\b|\bapproved (?:for|up to|through|thru|with)\b|\bapproval letter\b/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) {
      // "only allow pre-approved buyers" is about other people, not the lead.
      if (/^\s*(?:buyers?|offers?|people|folks|only|showings?)\b/.test(t.slice(m.index + m[0].length)))
        continue;
      const before = t.slice(Math.max(0, m.index - 45), m.index);
      const negated =
        /(?:\bnot|n't|\bnever|\bno|\bwithout|\byet to|\bneed to|needs to|have to|has to|going to|gonna|want to|plan to|planning to|trying to|try to|\bworking on|\bstart|\bstarted|\bget|\bgetting|\bhow (?:do|can) (?:we|i))\b(?:\s+\w+){0,3}\s*$/.test(
          before,
        ) && !/\b(?:just|already|finally)\s+(?:got|gotten|get)\b(?:\s+\w+){0,3}\s*$/.test(before);
      const asserted = /\b(?:we'?re|we are|i'?m|i am|we have|i have|we'?ve|i'?ve|got|already|just)\b/.test(
        before,
      );
      if (!negated && isQuestionAt(t, m.index) && !asserted) continue; // "what's a pre-approval?"
      if (!negated) value = true;
      else if (!isQuestionAt(t, m.index)) value = false;
    }
  }
  return value;
}

const TYPE_PATTERNS: [PropertyType, RegExp][] = [
  [
    PropertyType.MULTI_FAMILY,
    /\b(?:duplex(?:es)?|triplex(?:es)?|fourplex(?:es)?|quadplex(?:es)?|4-?plex|multi[- ]?family|multifamily|multi[- ]unit|up[/-]?(?:and[- ])?down double|side[- ]by[- ]side double|[2-4][- ]unit|two[- ]unit|[2-4]\s*(?:-|–|to)\s*[2-9]\s*units|(?:two|three|four|[2-4]) units|(?:two|three|four|[2-4])[- ]?(?:family|fam)(?!\s+(?:members?|households?|friends?|vacations?|reunions?))|(?:two|three|four|[2-4])-flat|(?<=\b(?:a|an|un|una|the|our|my|el|her|his)\s+)(?:two|three|four|[2-4]) flat)\b/i,
  ],
  [PropertyType.TOWNHOUSE, /\b(?:town\s?houses?|town\s?homes?|rowhouses?|row homes?|row houses?)\b/i],
  [PropertyType.CONDO, /\b(?:condos?|condominiums?|condo unit)\b/i],
  [PropertyType.SINGLE_FAMILY, /\b(?:single[- ]family|sfh|sfr|detached (?:house|home))\b/i],
  [
    PropertyType.LAND,
    /\b(?:(?:\d+|several|a couple of|a few)\s+(?:\w+\s+)?(?:lots|parcels|acres of (?:\w+\s+)?(?:land|farmland|pasture|woods|timber|ground))|farmland|ranch ?land|timberland|pasture ?land|home ?sites?|building sites?)\b/i,
  ],
  [
    PropertyType.LAND,
    /\b(?:buy|buying|purchase|purchasing|looking at|find|want|need)\s+(?:a|an|some|the|\d+(?:\.\d+)?)\s+(?:\w+\s+)?(?:lot|acres?|parcel)\b(?!\s+of\b)[^.!?]{0,40}\bbuild/i,
  ],
  [
    // "inherited 40 acres", "5+ acres outside town": acres as the thing itself, not a house "on 2 acres".
    PropertyType.LAND,
    /(?<!\b(?:on|with|has|have|sits on|and|plus)\s+)(?<!\b(?:on|with|has|have)\s+(?:about|over|almost|nearly)\s+)\b\d+(?:\.\d+)?\+?\s*acres\b(?!\s+(?:lot|of|parcel|tract)\b)/i,
  ],
  [
    PropertyType.LAND,
    /\b(?:\d+(?:\.\d+)?\s*-?\s*acres?\s+(?:lot|parcel|of land|tract)|(?:vacant|empty|buildable|raw|wooded)\s+(?:lot|land|parcel)|acreage|(?:own|owns|selling|sell|have|has|bought|inherited)\s+(?:a|an|the|our|my)\s+(?:\w+\s+)?(?:lot|parcel)\b(?!\s+(?:of|going|to do|more|less|on (?:my|our|his|her) (?:plate|mind))\b)|(?:some|the|our|my|of|for|buy|sell|own|vacant|raw)\s+land\b|(?:piece|plot)s? of land|land to build|lot to build)\b/i,
  ],
  [
    // A seller's own acreage: "we have 40 acres, mostly timber" (not "the house has 2 acres with it").
    PropertyType.LAND,
    /\b(?:we|i|they|my (?:dad|mom|family|parents)|our family)\s+(?:have|own|got|inherited|are selling)\s+(?:about\s+|over\s+|almost\s+|nearly\s+)?\d+(?:\.\d+)?\+?\s*acres\b(?!\s+(?:with|and)\s+(?:a|the|our)\s+(?:house|home))/i,
  ],
];

/** A home standing on the land ("the farmhouse and the 10 acres", "a mobile home on its own land"): not LAND. */
const DWELLING =
  /\b(?:farm ?house|house|home|cabin|adobe|cottage|villa|ranch house|mobile|manufactured|double ?wide|single ?wide|trailer|casa|traila)\b/i;
/** …unless it is still to be put there ("a lot for a tiny home", "build a cabin") or is none ("no house on it"). */
const TO_BE_BUILT =
  /\b(?:build|building|put|putting|poner|place|placing)\s+(?:a|an|my|our|the)?\s*(?:\w+\s+){0,2}$|\b(?:lot|land|acres?|acreage|parcel)\s+for\s+(?:a|an)\s+(?:\w+\s+)?$|\b(?:no|without)\s+(?:\w+\s+)?$/i;

function landWithHome(text: string, at: number): boolean {
  const start = Math.max(0, text.slice(0, at).search(/[^.!?\n]*$/));
  const endRel = text.slice(at).search(/[.!?\n]/);
  const sentence = text.slice(start, endRel < 0 ? text.length : at + endRel);
  const m = DWELLING.exec(sentence);
  if (m === null || TO_BE_BUILT.test(sentence.slice(0, m.index))) return false;
  // "the house burned down years ago": a home no longer there.
  return !/^\s*(?:\w+\s+)?(?:burn(?:ed|t)|torn|tore|gone|collapsed|demolished)\b/i.test(
    sentence.slice(m.index + m[0].length),
  );
}

/** A home the lead had or has and leaves ("our old rowhouse", "owned a condo years ago"). */
const HELD_BEFORE =
  /\b(?:(?:our|my|the)\s+(?:old|current|previous|last|first|former)|(?:owned|sold|had|rented|lived in|grew up in)\s+(?:a|an|our|my|the)|(?:owner|landlord|lease)\s+of\s+(?:the|our|my)|hand(?:ed|ing)?\s+(?:over|back|in)\s+(?:the|our|my)|(?:move|moving|moved|leave|leaving|left)\s+(?:out\s+of\s+)?(?:the|our|my))\s+(?:\w+\s+)?$/i;
/** A property word naming papers or a body, not a home ("the condominium documents", "condo fees"). */
const PAPERS_AFTER =
  /^\s*(?:documents?|docs|association|board|fees?|questionnaire|certificate|bylaws|budget|dues|rules|master policy|resale)\b/i;

/** The property word at `at` is a home held before or a modifier of papers, not the type the lead wants. */
function notWanted(text: string, at: number, length: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  return HELD_BEFORE.test(before) || PAPERS_AFTER.test(text.slice(at + length));
}

function extractPropertyType(texts: string[]): PropertyType | undefined {
  let best: { type: PropertyType; turn: number; pos: number } | undefined;
  texts.forEach((text, turn) => {
    for (const [type, re] of TYPE_PATTERNS) {
      const m = re.exec(text);
      if (!m) continue;
      const before = text.slice(Math.max(0, m.index - 25), m.index).toLowerCase();
      if (/\b(?:not|no|never|don'?t want|rather not|instead of)\s+(?:a\s+|an\s+|the\s+)?$/.test(before))
        continue;
      if (/(?:a lot of|a lot)\s*$/.test(before)) continue;
      if (notWanted(text, m.index, m[0].length)) continue;
      if (type === PropertyType.LAND && landWithHome(text, m.index)) continue;
      if (!best || turn < best.turn || (turn === best.turn && m.index < best.pos))
        best = { type, turn, pos: m.index };
    }
  });
  return best?.type;
}

const MOTIVATIONS: [Motivation, RegExp][] = [
  ['DIVORCE', /\b(?:divorc\w*|separat(?:ed|ing|ion)|settlement)\b/i],
  ['ESTATE', /\b(?:inherit\w*|estate|passed away|memory care|assisted living|nursing home)\b/i],
  [
    'RELOCATION',
    /\b(?:relocat\w*|job (?:out of state|in|offer)|transferr?\w*|new job|moving (?:out of state|for work|across))\b/i,
  ],
  ['DOWNSIZING', /\b(?:downsiz\w*|something smaller|empty nest\w*|too big for us)\b/i],
  [
    'UPSIZING',
    /\b(?:upsiz\w*|something bigger|outgrown|out of room|need more (?:space|room)|bigger (?:place|house|home|yard))\b/i,
  ],
  ['RETIREMENT', /\b(?:retir\w*)\b/i],
  [
    'FINANCIAL',
    /\b(?:laid off|lost (?:my|our) job|can'?t afford|behind on (?:the )?(?:mortgage|payments)|foreclos\w*)\b/i,
  ],
  ['INVESTMENT', /\b(?:rental|investment property|house hack\w*|cash flow|rent (?:it )?out)\b/i],
];

function extractMotivation(texts: string[]): Motivation | undefined {
  for (const [motivation, re] of MOTIVATIONS) if (texts.some((t) => re.test(t))) return motivation;
  return undefined;
}

/** A message saying the lead is not shopping at all: the places in it are admired, not wanted. */
const NOT_SHOPPING =
  /\b(?:(?:we'?re|i'?m|we are|i am) not (?:really |actually )?(?:buying|shopping|in the market)|not (?:buying|looking to buy) anything|just (?:dreaming|browsing))\b(?! (?:until|till|before|yet|right now|for now|this year))/i;

/** Extracts normalized slots from the lead's turns only. */
export function extractSlots(turns: Turn[], options: ExtractOptions = {}): Slots {
  const leads = turns.filter((t) => t.speaker === Speaker.LEAD);
  const texts = leads.map((t) => normalizeNumberWords(toSlotText(t.text)));
  const slots: Slots = {};
  const otherMoney = otherMoneyAnswers(turns);
  const money = extractMoney(
    texts.filter((_, i) => !otherMoney.has(leads[i] as Turn)),
    options.role,
  );
  if (money.budget !== undefined) slots.budget = money.budget;
  if (money.priceExpectation !== undefined) slots.priceExpectation = money.priceExpectation;
  // A coordinator's lead speaks of the deal under contract: only a new plan of theirs gives a timeline or an area.
  const coordinator = options.role === AgentRole.TRANSACTION_COORDINATOR;
  const planTexts = coordinator ? texts.map(coordinatorPlanText) : texts;
  const timeline = extractTimeline(planTexts, options.now ?? new Date());
  if (timeline !== undefined) slots.timelineMonths = timeline;
  const pre = extractPreApproved(texts) ?? preApprovalAnswer(turns) ?? noLenderYet(texts);
  if (pre !== undefined) slots.preApproved = pre;
  const beds = extractBedrooms(texts);
  if (beds !== undefined) slots.bedrooms = beds;
  const type = extractPropertyType(texts);
  if (type !== undefined) slots.propertyType = type;
  const areas: string[] = [];
  const seller = options.role === AgentRole.LISTING_AGENT;
  for (const t of planTexts) {
    if (NOT_SHOPPING.test(t)) continue; // "we're not buying anything, I just love the houses in X"
    for (const a of extractAreasFromText(t, { seller })) if (!areas.includes(a)) areas.push(a);
  }
  if (areas.length > 0) slots.areas = withoutStates(areas);
  const motivation = extractMotivation(texts);
  if (motivation !== undefined) slots.motivation = motivation;
  // A short answer to the agent's question fills what the lead's own sentences left open.
  const answered: Slots = answeredSlots(turns, options.role);
  for (const key of Object.keys(answered) as (keyof Slots)[]) {
    if (slots[key] === undefined) Object.assign(slots, { [key]: answered[key] });
  }
  return slots;
}
