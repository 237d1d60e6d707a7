/**
 * Commercial real estate: office, retail, industrial and flex space for lease or sale. The space is qualified by
 * use, square footage and lease term before price; returns and cap rates are never promised.
 */
import { AgentRole, HintCategory, Vertical } from '../../../../core/vocabulary';
import { formatAreas } from '../../coach/qualification';
import type { Slots } from '../../coach/types';
import { moneyAfter, squareFeet, termMonths } from '../extract';
import type { VerticalTemplate } from '../types';

const USES: [RegExp, string][] = [
  [/\b(?:restaurant|caf[eé]|bar|kitchen)\b/i, 'RESTAURANT'],
  [/\b(?:medical|clinic|dental|dentist)\b/i, 'MEDICAL'],
  [/\b(?:warehouse|industrial|manufacturing|distribution|logistics)\b/i, 'INDUSTRIAL'],
  [/\b(?:retail|storefront|shop|boutique|showroom)\b/i, 'RETAIL'],
  [/\bflex(?: space)?\b/i, 'FLEX'],
  [/\b(?:office|headquarters|hq|coworking)\b/i, 'OFFICE'],
];

const where = (s: Slots): string => (s.areas?.length ? ` in ${formatAreas(s.areas)}` : '');

export const commercial: VerticalTemplate = {
  code: Vertical.COMMERCIAL,
  label: 'Commercial real estate',
  summary:
    'Brokers leasing and selling office, retail, industrial and flex space to businesses and investors.',
  slots: {
    [AgentRole.BUYER_AGENT]: [
      {
        key: 'spaceUse',
        weight: 25,
        label: 'use of the space',
        question: (s) =>
          `What will the space be used for${where(s)} — office, retail, industrial, medical? Zoning and build-out depend on it.`,
      },
      {
        key: 'squareFeet',
        weight: 25,
        label: 'square footage',
        question: () => 'Roughly how many square feet do you need today, and how much room to grow?',
      },
      {
        key: 'leaseTermMonths',
        weight: 20,
        label: 'lease term',
        question: () =>
          'What lease term are you considering — three, five, ten years — or would you rather buy?',
      },
      {
        key: 'budget',
        weight: 15,
        label: 'budget (rent per square foot or price)',
        question: () =>
          'What budget are you working with — a rent per square foot, a monthly figure or a purchase price?',
      },
      {
        key: 'areas',
        weight: 15,
        label: 'submarket',
        question: () =>
          'Which submarkets work for your customers and staff — downtown, a corridor, near the highway?',
      },
    ],
    [AgentRole.LISTING_AGENT]: [
      {
        key: 'squareFeet',
        weight: 25,
        label: 'square footage',
        question: () => 'How many rentable square feet is the property, and how is it divided today?',
      },
      {
        key: 'spaceUse',
        weight: 25,
        label: 'use and zoning',
        question: () => 'How is the property zoned and used today — office, retail, industrial?',
      },
      {
        key: 'priceExpectation',
        weight: 25,
        label: 'price or asking rent',
        question: () => 'What price or asking rent do you have in mind, and what is the current NOI?',
      },
      {
        key: 'timelineMonths',
        weight: 25,
        label: 'timeline',
        question: () =>
          'When do you want it leased or sold — are there leases expiring we should plan around?',
      },
    ],
  },
  hintCategories: [
    HintCategory.QUALIFYING_QUESTION,
    HintCategory.NEXT_STEP,
    HintCategory.INFORMATION,
    HintCategory.OBJECTION_HANDLING,
    HintCategory.COMPLIANCE_WARNING,
  ],
  vocabulary: [
    'NOI',
    'cap rate',
    'NNN',
    'tenant improvements (TI)',
    'LOI',
    'zoning',
    'rentable square feet',
    'build-out',
  ],
  tips: {
    default: 'Talk like a commercial broker: use, square footage, term, NOI and zoning — not bedrooms.',
    [HintCategory.OBJECTION_HANDLING]:
      'Answer price in commercial terms: rent per square foot, TI allowance, free rent and term trade-offs.',
  },
  compliance: [
    {
      id: 'COMMERCIAL_NO_RETURN_PROMISES',
      summary:
        'Never guarantee returns, cap rates, income or appreciation; give documented figures and assumptions.',
      patterns: [
        /\bguarantee\w*\b(?:[^.?!]|\.(?=\d))*\b(?:returns?|cap rate|noi|income|cash ?flow|appreciat\w*|yield)\b/i,
        /\b(?:returns?|cap rate|noi|income|cash ?flow|yield)\b(?:[^.?!]|\.(?=\d))*\bguaranteed\b/i,
      ],
      parts: {
        cue: 'No return promises: share the rent roll and NOI with their assumptions — never a guaranteed return.',
        line: "I can't promise a return, but I'll send the rent roll, operating statements and comparable cap rates so you can underwrite it with your own assumptions.",
        why: 'A guaranteed return or cap rate is a misrepresentation risk; documented figures let the client decide and protect you.',
      },
    },
  ],
  promptGuidance:
    'Commercial real estate: qualify the use of the space, square footage, lease term (or purchase), budget per square foot and submarket; speak in NOI, cap rate, NNN, TI and LOI terms; never guarantee returns or cap rates.',
  extract(text) {
    const out: Partial<Slots> = {};
    const sf = squareFeet(text);
    if (sf !== null) out.squareFeet = sf;
    const use = USES.find(([re]) => re.test(text));
    if (use) out.spaceUse = use[1];
    const term = termMonths(text);
    if (term !== null) out.leaseTermMonths = term;
    const budget = moneyAfter(text, /\b(?:budget|rent|up to|under|around|about)\b/i);
    if (budget !== null && out.squareFeet !== budget) out.budget = budget;
    return out;
  },
  parts: {
    [HintCategory.NEXT_STEP]: (_ctx, base) => ({
      ...base,
      cue: 'Book site tours of a short list and outline an LOI; confirm zoning for their use.',
      line: "I'll put together a short list that fits your use and size, we can tour them this week, and I'll sketch the LOI terms — rent, TI allowance and term — so you can move quickly on the right one.",
      why: 'Commercial deals move on a short list and a clear LOI; confirming zoning early avoids losing weeks on a space that cannot be used.',
    }),
  },
};
