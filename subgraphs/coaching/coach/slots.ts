/**
 * Slot extraction from the LEAD's turns only (facts said only by the agent are not slots).
 * Every pattern is general (money cues, duration phrases, bedroom counts, property words, place patterns);
 * nothing is tied to a particular city, number or sentence.
 */
import { AgentRole, PropertyType, Speaker } from '../../../core/vocabulary';
import { extractAreasFromText } from './areas';
import { durationToMonths, findMoneyMentions, normalizeNumberWords, parseCount } from './numbers';
import type { ExtractOptions, Motivation, Slots, Turn } from './types';

type MoneyKind = 'budget' | 'price' | 'either' | 'none' | 'uncued';

const BUDGET_BEFORE =
  /(?:\b(?:under|below|beneath|max(?:imum)?|up to|upto|no more than|not more than|less than|nothing over|nothing above|budget(?:\s+(?:is|of|at|around|about|=|:|was|will be|would be))?|afford(?:\s+(?:is|about|around|maybe))?|spend(?:\s+(?:is|about|around|up to|maybe))?|(?:spend|pay|go|be)\s+(?:more than|over|above|past|beyond)|top out at|tops out at|cap(?:ped)? (?:at|of)|pre-?approved (?:for|up to|at)|approved (?:for|up to)|qualified (?:for|up to)|price range(?:\s+(?:is|of))?|range(?:\s+(?:is|of))?|looking to spend|stay under|keep it under)\s*[:=~]?\s*(?:of\s+|about\s+|around\s+|roughly\s+|approx(?:\.|imately)?\s+|like\s+|maybe\s+|~)?|[<≤])\s*$/i;
const BUDGET_AFTER =
  /^\s*(?:max\b|maximum|budget|tops?\b|or (?:less|under|below|lower)|and under|(?:is )?(?:our|my) (?:max|budget|limit|ceiling)|to spend|range|(?:is )?all we can|cap\b|limit\b|ceiling)/i;
const PRICE_BEFORE =
  /\b(?:hop(?:e|ing)\s+(?:to\s+get|to\s+sell\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?for|for(?:\s+(?:closer to|around|about|at least))?|to list (?:it |(?:the|our|my)\s+\w+\s+)?(?:at|for))|(?:want|wanting|wanna|would like|'d like|like|love|expect|expecting|need|needing)\s+to\s+(?:get|net|clear|walk away with|list\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?(?:at|for)|sell\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?for)|(?:we|i)\s+(?:expect|think we can get|think it'?s worth)|get(?:ting)?\s+(?:at least|around|about|close to)|sell\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?for|list(?:ing)?\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?(?:at|for)(?:\s+(?:under|less than|below))?|(?:not|won'?t)\s+(?:list|sell|take|accept)\w*\s+(?:it\s+)?(?:for\s+)?(?:under|less than|below)|asking(?:\s+price)?(?:\s+(?:of|is|at))?|worth(?:\s+(?:at least|about|around))?|bottom line(?:\s+is)?|floor(?:\s+is)?|nothing (?:under|less than|below))\s*(?:about|around|roughly|approx(?:\.|imately)?|like|maybe|~)?\s*$/i;
const PRICE_AFTER =
  /^\s*(?:for (?:it|the|our|my|ours)\b|or (?:more|better|higher)|minimum|min\b|at (?:the )?least)/i;
const EITHER_BEFORE =
  /\b(?:around|about|roughly|approx(?:\.|imately)?|between|somewhere|range of|~|in the|closer to|at least|(?:we|i)\s+(?:want|need|were thinking|are thinking)|(?:thinking|figure|figured|guess|guessing)|(?:can|could)\s+do|comfortable(?:\s+(?:with|at|around|up to))?)\s*$/i;
const EITHER_AFTER = /^\s*(?:ish|or so|range)\b/i;
const NOT_SLOT_BEFORE =
  /\b(?:offers?(?:\s+(?:from|of|for|at)\s*\w*)*|paid|pay|paying|sold|bought|owe|owed|listed|priced|taxes|tax|overpriced|appraised|appraisal|commission|fees?|saved|savings|down|deposit|earnest|income|salary|make|makes|made|got|get|by|reduced|cut|drop|dropped|lower|lowered|raise|raised)\s+(?:\w+\s+){0,2}$/i;

function moneyKind(before: string, after: string): MoneyKind {
  const b = before.slice(-90);
  if (PRICE_BEFORE.test(b)) return 'price';
  if (BUDGET_BEFORE.test(b) || BUDGET_AFTER.test(after)) return 'budget';
  if (NOT_SLOT_BEFORE.test(b)) return 'none';
  if (PRICE_AFTER.test(after)) return 'price';
  if (/^\s*(?:for|on)\s+(?:a|an|the|this|that)?\s*\d*\s*(?:sq|square|bed|br|\w+\s+sq)/i.test(after))
    return 'none';
  if (EITHER_BEFORE.test(b) || EITHER_AFTER.test(after)) return 'either';
  if (/^\s*(?:for|on|in|to|per|a|each|over|above|under|below|more|less)\b/i.test(after)) return 'none';
  return 'uncued';
}

/** A bare "$350k" in a list of wants ("preapproved, 350k, 2 bed, in Mesa") reads as the budget/price. */
const SPEC_CONTEXT =
  /\b(?:beds?|bedrooms?|br|bdrms?|condos?|town\s?(?:homes?|houses?)|single[- ]family|duplex|homes?|houses?|places?|preapproved|pre-approved|looking|budget|want|need|range)\b|\b(?:in|near|around)\s+[A-Z]/i;
const FEE_CONTEXT = /%|\bpercent\b|\bcommission\b|\bfees?\b/i;

const SELL_CONTEXT =
  /\b(?:sell|selling|sold|list|listing|our (?:house|home|place|condo|townhouse|townhome)|for ours|on ours)\b/i;
const BUY_CONTEXT =
  /\b(?:buy|buying|looking for|budget|afford|spend|beds?|bedrooms?|br|preapproved|pre-approved)\b/i;

/** Splits a message into sentences, keeping decimals ("1.2m") intact. */
function sentencesOf(text: string): string[] {
  return text.split(/[!?\n;]+|\.(?!\d)(?:\s+|$)/).filter((s) => s.trim().length > 0);
}

interface MoneyFacts {
  budget?: number;
  priceExpectation?: number;
}

/** "pre-approved for 600k" is a ceiling; a budget the lead states ("we'd like to stay under 550") wins over it. */
const APPROVAL_AMOUNT =
  /\b(?:pre-?approved|approved|qualified|qualify)\b(?:\s+\w+){0,3}?\s+(?:for|up to|at)\s*(?:about|around|up to|like)?\s*$/i;

function extractMoney(texts: string[], role: AgentRole | undefined): MoneyFacts {
  const facts: MoneyFacts = {};
  let budgetPriority = 0;
  for (const text of texts) {
    for (const sentence of sentencesOf(text)) {
      const mentions = findMoneyMentions(sentence);
      for (let i = 0; i < mentions.length; i++) {
        const m = mentions[i];
        if (!m) continue;
        const next = mentions[i + 1];
        const between = next ? sentence.slice(m.end, next.start) : '';
        const isRange = next !== undefined && /^\s*(?:-|–|to|and)\s*\$?\s*$/i.test(between);
        const end = isRange && next ? next.end : m.end;
        let kind = moneyKind(sentence.slice(0, m.start), sentence.slice(end));
        if (kind === 'uncued') kind = m.explicit && SPEC_CONTEXT.test(sentence) ? 'either' : 'none';
        if (m.needsCue && m.value >= 1_000_000 && FEE_CONTEXT.test(text)) kind = 'none'; // "worth 2.5?" after "1%"
        if (kind === 'either') {
          if (SELL_CONTEXT.test(sentence)) kind = 'price';
          else if (BUY_CONTEXT.test(sentence)) kind = 'budget';
          else if (role === AgentRole.LISTING_AGENT) kind = 'price';
          else if (role === AgentRole.BUYER_AGENT) kind = 'budget';
          else kind = 'none';
        }
        if (isRange) i++;
        if (kind === 'none') continue;
        const low = m.value;
        const high = isRange && next ? Math.max(next.value, m.value) : m.value;
        if (high < 60_000) continue; // not a home price (fees, credits, repairs)
        const priority = APPROVAL_AMOUNT.test(sentence.slice(0, m.start)) ? 1 : 2;
        if (kind === 'price') facts.priceExpectation = low;
        else if (priority >= budgetPriority) {
          facts.budget = high;
          budgetPriority = priority;
        }
      }
    }
  }
  return facts;
}

const UNIT = '(days?|weeks?|wks?|months?|mos?|years?|yrs?)';
const COUNT = '(\\d+(?:\\.\\d+)?|a|an|one|a couple(?: of)?|couple(?: of)?|a few|few)';

const SEASON_MONTH: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthsUntil(targetMonthIndex: number, now: Date): number {
  const current = now.getMonth();
  let diff = targetMonthIndex - current;
  if (diff <= 0) diff += 12;
  return diff;
}

/** The last timeline the lead stated, in months (rounded up). */
function extractTimeline(texts: string[], now: Date): number | undefined {
  let result: { months: number; pos: number; turn: number } | undefined;
  const consider = (months: number, pos: number, turn: number): void => {
    if (!Number.isFinite(months) || months <= 0 || months > 120) return;
    if (!result || turn > result.turn || (turn === result.turn && pos >= result.pos))
      result = { months, pos, turn };
  };
  texts.forEach((raw, turn) => {
    const text = raw.toLowerCase();
    const patterns: RegExp[] = [
      new RegExp(
        `\\b(?:in|within|inside(?: of)?|in the next|within the next|over the next|the next|next|for another|another|in another|in about another|in less than|less than|under|before)\\s+(?:about|around|roughly|approximately|maybe|like|~|the next|another)?\\s*${COUNT}(?:\\s*(?:-|–|to|or)\\s*(\\d+(?:\\.\\d+)?))?\\s*(?:more\\s+)?${UNIT}\\b(?!\\s+ago)(?:\\s+and\\s+a\\s+half)?`,
        'g',
      ),
      new RegExp(
        `\\b${COUNT}(?:\\s*(?:-|–|to)\\s*(\\d+(?:\\.\\d+)?))?\\s*${UNIT}\\s+(?:away|from now|out)\\b`,
        'g',
      ),
      new RegExp(`\\bfor\\s+(?:at least\\s+)?${COUNT}\\s+more\\s+${UNIT}\\b`, 'g'),
    ];
    for (const re of patterns) {
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const count = parseCount(m[1] ?? '');
        if (count === null) continue;
        // "their agent sold it in a week" describes the past, not the lead's timeline.
        const window = text.slice(Math.max(0, m.index - 50), m.index);
        if (
          /\b(?:sold|bought|closed|took|went|sat|lasted|happened|finished)\b[^.!?]*$/.test(window) &&
          !/\b(?:want|wants|need|needs|hope|hoping|would|'d|like|be|get|have)\b/.test(window)
        ) {
          continue;
        }
        const upper = m[2] !== undefined ? Number(m[2]) : count;
        let amount = Math.max(count, upper);
        if (/and a half$/.test(m[0])) amount += 0.5;
        consider(durationToMonths(amount, m[3] ?? 'month'), m.index, turn);
      }
    }
    const simple: [RegExp, number][] = [
      [/\b(?:next|within (?:a|the next)|in (?:a|the next)|over the next)\s+year\b/g, 12],
      [/\bhalf (?:a|of a) year\b/g, 6],
      [/\b(?:a|one) year and a half\b/g, 18],
      [/\bnext month\b/g, 1],
      [
        /(?<!\b(?:times?|earlier|once|twice|already|per)\s+)\b(?:this|by the end of this|end of this) month\b/g,
        1,
      ],
    ];
    for (const [re, months] of simple) {
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) consider(months, m.index, turn);
    }
    const dated =
      /\b(?:by|before|until|till|in|around|this|next|early|late|end of|end of the)\s+(?:the\s+)?(?:next\s+|this\s+|early\s+|late\s+)?(spring|summer|fall|autumn|winter|january|february|march|april|june|july|august|september|october|november|december)\b/g;
    let d: RegExpExecArray | null;
    while ((d = dated.exec(text)) !== null) {
      const word = d[1] ?? '';
      if (
        /^(?:in|around)\b/.test(d[0]) &&
        /\b(?:got|sold|bought|was|were|did|had|went|listed|closed|paid|moved|last|lost|died|passed|left|came|happened|married|divorced|retired|started|finished|signed|ago)\b[^.!?]*$/.test(
          text.slice(Math.max(0, d.index - 60), d.index),
        )
      )
        continue;
      const season = SEASON_MONTH[word];
      const target = season !== undefined ? season - 1 : MONTHS.indexOf(word);
      if (target < 0) continue;
      consider(monthsUntil(target, now), d.index, turn);
    }
    const yearEnd = /\b(?:by|before)\s+(?:the\s+)?end of (?:the|this) year\b/g;
    while ((d = yearEnd.exec(text)) !== null) consider(Math.max(1, 12 - now.getMonth()), d.index, turn);
  });
  return result?.months;
}

const BED_RE =
  /\b(\d{1,2})\s*\+?\s*(?:(?:-|–|to|or|\/)\s*(\d{1,2})\s*)?-?\s*(?:bed(?:room)?s?|bdrms?|bdr|bds?|brs?|bd)\b/gi;
const BED_WORD_BEFORE = /\b(?:bedrooms?|beds?)\s*(?::|=)\s*(\d{1,2})\b/gi;

/** A bed count describing the home the lead has now: a fact only when no wanted count is stated. */
const CURRENT_HOME_BEDS =
  /\b(?:we'?re|we are|i'?m|i am|we live|i live|living|currently|stuck|cramped)\s+(?:in\s+)?(?:a|an|our|my|the)\s+(?:tiny\s+|small\s+|little\s+)?$/i;
/** A bed count describing a listing being priced ("550 for a 2 bed"), not the lead's need. */
const PRICED_LISTING_BEDS = /\d\s*k?\s+for\s+(?:a|an|the|this|that|only\s+a)\s+$/i;

function extractBedrooms(texts: string[]): number | undefined {
  let best: number | undefined;
  let fallback: number | undefined;
  for (const text of texts) {
    for (const re of [BED_RE, BED_WORD_BEFORE]) {
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

function extractPreApproved(texts: string[]): boolean | undefined {
  let value: boolean | undefined;
  for (const text of texts) {
    const t = text.toLowerCase();
    const re = /\bpre[- ]?approv(?:ed|al)\b|\bapproved for\b|\bapproval letter\b/g;
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
    /\b(?:duplex(?:es)?|triplex(?:es)?|fourplex(?:es)?|quadplex(?:es)?|4-?plex|multi[- ]?family|multifamily|multi[- ]unit|[2-4][- ]unit|two[- ]unit|[2-4]\s*(?:-|–|to)\s*[2-9]\s*units|(?:two|three|four|[2-4]) units)\b/i,
  ],
  [PropertyType.TOWNHOUSE, /\b(?:town\s?houses?|town\s?homes?|rowhouses?|row homes?|row houses?)\b/i],
  [PropertyType.CONDO, /\b(?:condos?|condominiums?|condo unit)\b/i],
  [PropertyType.SINGLE_FAMILY, /\b(?:single[- ]family|sfh|sfr|detached (?:house|home))\b/i],
  [
    PropertyType.LAND,
    /\b(?:\d+(?:\.\d+)?\s*-?\s*acres?\s+(?:lot|parcel|of land|tract)|(?:vacant|empty|buildable|raw|wooded)\s+(?:lot|land|parcel)|acreage|(?:own|owns|selling|sell|have|has|bought|inherited)\s+(?:a|an|the|our|my)\s+(?:\w+\s+)?(?:lot|parcel)\b(?!\s+of\b)|(?:some|the|our|my|of|buy|sell|own|vacant|raw)\s+land\b|(?:piece|plot) of land|land to build|lot to build)\b/i,
  ],
];

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

/** Extracts normalized slots from the lead's turns only. */
export function extractSlots(turns: Turn[], options: ExtractOptions = {}): Slots {
  const texts = turns.filter((t) => t.speaker === Speaker.LEAD).map((t) => normalizeNumberWords(t.text));
  const slots: Slots = {};
  const money = extractMoney(texts, options.role);
  if (money.budget !== undefined) slots.budget = money.budget;
  if (money.priceExpectation !== undefined) slots.priceExpectation = money.priceExpectation;
  const timeline = extractTimeline(texts, options.now ?? new Date());
  if (timeline !== undefined) slots.timelineMonths = timeline;
  const pre = extractPreApproved(texts) ?? preApprovalAnswer(turns);
  if (pre !== undefined) slots.preApproved = pre;
  const beds = extractBedrooms(texts);
  if (beds !== undefined) slots.bedrooms = beds;
  const type = extractPropertyType(texts);
  if (type !== undefined) slots.propertyType = type;
  const areas: string[] = [];
  for (const t of texts) for (const a of extractAreasFromText(t)) if (!areas.includes(a)) areas.push(a);
  if (areas.length > 0) slots.areas = areas;
  const motivation = extractMotivation(texts);
  if (motivation !== undefined) slots.motivation = motivation;
  return slots;
}
