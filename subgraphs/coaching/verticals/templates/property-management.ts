/**
 * Property management: managers winning rental owners (units, rent, property type) and placing tenants. Tenant
 * screening follows Fair Housing: the same written criteria for every applicant, no preference by familial
 * status, disability, religion, national origin — and no blanket refusals that act the same way.
 */
import { AgentRole, HintCategory, Vertical } from '../../../../core/vocabulary';
import { formatAreas } from '../../coach/qualification';
import type { Slots } from '../../coach/types';
import { countBefore, monthlyAmount } from '../extract';
import type { VerticalTemplate } from '../types';

const PLEX: [RegExp, number][] = [
  [/\bduplex\b/i, 2],
  [/\btriplex\b/i, 3],
  [/\b(?:fourplex|quadplex|4-plex)\b/i, 4],
];

export const propertyManagement: VerticalTemplate = {
  code: Vertical.PROPERTY_MANAGEMENT,
  label: 'Property management',
  summary: 'Property managers winning rental owners and placing and screening tenants.',
  slots: {
    [AgentRole.BUYER_AGENT]: [
      {
        key: 'units',
        weight: 30,
        label: 'number of units',
        question: (s) =>
          `How many rental units do you have${s.areas?.length ? ` in ${formatAreas(s.areas)}` : ''}, and are they occupied today?`,
      },
      {
        key: 'monthlyRent',
        weight: 25,
        label: 'current rent',
        question: () => 'What are the units renting for now, and when do the current leases end?',
      },
      {
        key: 'propertyType',
        weight: 15,
        label: 'property type',
        question: () => 'Are they single-family homes, a small multifamily, or condos with an HOA?',
      },
      {
        key: 'areas',
        weight: 15,
        label: 'location',
        question: () => 'Where are the properties located?',
      },
      {
        key: 'timelineMonths',
        weight: 15,
        label: 'start date',
        question: () =>
          'When would you like us to take over — is there a vacancy or a lease renewal coming up?',
      },
    ],
  },
  hintCategories: [
    HintCategory.QUALIFYING_QUESTION,
    HintCategory.COMPLIANCE_WARNING,
    HintCategory.NEXT_STEP,
    HintCategory.INFORMATION,
    HintCategory.OBJECTION_HANDLING,
  ],
  vocabulary: [
    'rent roll',
    'occupancy',
    'management fee',
    'tenant screening criteria',
    'security deposit',
    'turnover',
    'vacancy',
  ],
  tips: {
    default:
      'Owners buy peace of mind: talk occupancy, rent collection and written, uniform screening criteria.',
    [HintCategory.OBJECTION_HANDLING]:
      'Answer the fee with net numbers: vacancy days saved, rent collected and turnover cost avoided.',
  },
  compliance: [
    {
      id: 'PM_FAIR_HOUSING_SCREENING',
      summary:
        'Tenant screening: the same written criteria for every applicant — no preference by familial status, disability, religion, national origin, race or sex (Fair Housing Act), nor by source of income where the law protects it.',
      patterns: [
        /\bno (?:kids|children|families|section 8|vouchers?|wheelchairs?|foreigners|immigrants)\b/i,
        /\b(?:adults?|singles?|couples?|christians?|professionals?) only\b/i,
        /\b(?:prefer|rather have|only want|don'?t want|won'?t rent to)\b(?:[^.?!]|\.(?=\d))*\b(?:tenants?|renters?|applicants?|famil\w*|kids|children|couples?|people)\b(?:[^.?!]|\.(?=\d))*\b(?:young|married|single|christian|muslim|jewish|american|kids|children|famil\w*|wheelchair|disab\w*|vouchers?|section 8)\b/i,
        /\b(?:screen(?:ing)? out|turn (?:down|away)|reject)\b(?:[^.?!]|\.(?=\d))*\b(?:famil\w*|kids|children|vouchers?|section 8|disab\w*|immigrants?)\b/i,
      ],
      parts: {
        cue: 'Fair Housing in tenant screening: one written set of criteria (income, credit, rental history) for every applicant — no preferences about who the tenant is.',
        line: 'We screen every applicant with the same written criteria — income, rental history and credit — so we can not prefer or exclude families, people with disabilities or voucher holders. That consistency is also what protects you from a complaint.',
        why: 'The Fair Housing Act covers renting: statements or screening by familial status, disability or another protected class are illegal, and many states also protect source of income.',
      },
    },
  ],
  promptGuidance:
    'Property management: qualify the owner by number of units, current rent and leases, property type, location and start date; speak in rent roll, occupancy, management fee and screening-criteria terms; tenant screening must apply one written set of criteria to every applicant (Fair Housing: no preference by familial status, disability, religion, national origin, race, sex or — where protected — source of income).',
  extract(text) {
    const out: Partial<Slots> = {};
    const units =
      countBefore(text, /units?|doors|rentals?|rental (?:homes|properties)|apartments/) ??
      PLEX.find(([re]) => re.test(text))?.[1] ??
      null;
    if (units !== null && units > 0) out.units = units;
    const rent = monthlyAmount(text);
    if (rent !== null) out.monthlyRent = rent;
    return out;
  },
  parts: {
    [HintCategory.NEXT_STEP]: (ctx, base) => ({
      ...base,
      cue: 'Offer a free rental analysis and send the management agreement.',
      line: `I'll run a rental analysis${ctx.slots.monthlyRent ? ` against your current $${ctx.slots.monthlyRent.toLocaleString('en-US')} a month` : ''} and send our management agreement and fee schedule so you can see exactly what we handle.`,
      why: 'A rental analysis with the agreement in hand turns a curious owner into a signed management contract.',
    }),
  },
};
