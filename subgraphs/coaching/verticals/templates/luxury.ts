/**
 * Luxury residential: high-net-worth buyers and sellers. Proof of funds matters more than pre-approval,
 * discretion is part of the service, and an anonymous all-cash purchase through an entity is a reporting
 * matter, not a favour.
 */
import { AgentRole, HintCategory, Vertical } from '../../../../core/vocabulary';
import { formatAreas, formatMoney } from '../../coach/qualification';
import type { VerticalTemplate } from '../types';

const where = (areas: string[] | undefined): string => (areas?.length ? ` in ${formatAreas(areas)}` : '');

export const luxury: VerticalTemplate = {
  code: Vertical.LUXURY,
  label: 'Luxury residential',
  summary: 'Agents serving high-net-worth buyers and sellers of luxury homes, where discretion is expected.',
  slots: {
    [AgentRole.BUYER_AGENT]: [
      {
        key: 'budget',
        weight: 25,
        label: 'price range',
        question: (s) =>
          `To curate the right homes${where(s.areas)}, what price range should I focus on — including off-market options?`,
      },
      {
        key: 'proofOfFunds',
        weight: 25,
        label: 'proof of funds',
        question: (s) =>
          `Will you be purchasing with cash or financing${s.budget ? ` at ${formatMoney(s.budget)}` : ''}? Sellers at this level ask for proof of funds or a private-bank letter before a showing.`,
      },
      {
        key: 'areas',
        weight: 20,
        label: 'neighbourhoods',
        question: () =>
          'Which neighbourhoods or settings appeal most — waterfront, gated, close to the city?',
      },
      {
        key: 'timelineMonths',
        weight: 15,
        label: 'timeline',
        question: () => 'Is there a date you would like to be in by — a season, a school year, an event?',
      },
      {
        key: 'propertyType',
        weight: 15,
        label: 'property style',
        question: () =>
          'Are you picturing an estate, a penthouse or a newer build — and which amenities are essential?',
      },
    ],
    [AgentRole.LISTING_AGENT]: [
      {
        key: 'priceExpectation',
        weight: 30,
        label: 'price expectation',
        question: () => 'What figure would make this sale a success for you?',
      },
      {
        key: 'timelineMonths',
        weight: 25,
        label: 'timeline',
        question: () =>
          'Is there a date you are working toward, and would you consider a private, off-market sale?',
      },
      {
        key: 'motivation',
        weight: 25,
        label: 'motivation and privacy',
        question: () =>
          'What is prompting the sale, and how much privacy do you want around it — public marketing or qualified buyers only?',
      },
      {
        key: 'areas',
        weight: 20,
        label: 'next home',
        question: () => 'Where are you headed next — can I help with that purchase too?',
      },
    ],
  },
  hintCategories: [
    HintCategory.QUALIFYING_QUESTION,
    HintCategory.NEXT_STEP,
    HintCategory.OBJECTION_HANDLING,
    HintCategory.RAPPORT,
    HintCategory.INFORMATION,
    HintCategory.COMPLIANCE_WARNING,
  ],
  vocabulary: [
    'proof of funds',
    'off-market',
    'private showing',
    'white-glove',
    'NDA',
    'estate',
    'concierge',
  ],
  tips: {
    default:
      'Luxury clients expect discretion: offer a private showing and off-market options, never a discount.',
    [HintCategory.QUALIFYING_QUESTION]:
      'At this level ask for proof of funds rather than a pre-approval, and keep the client’s identity private.',
    [HintCategory.NEXT_STEP]:
      'Confirm every detail personally; have the NDA and proof of funds ready before the showing.',
  },
  compliance: [
    {
      id: 'LUXURY_CONFIDENTIALITY',
      summary: "Never disclose a client's identity, address or finances without written consent.",
      patterns: [
        /\b(?:who(?:'s| is) the (?:seller|owner|buyer)|(?:seller|owner|buyer)'?s (?:name|identity))\b/i,
        /\b(?:celebrity|famous)\b(?:[^.?!]|\.(?=\d))*\b(?:owns?|selling|lives?)\b/i,
      ],
      parts: {
        cue: 'Confidentiality: do not name or hint at the other party; offer an introduction under NDA instead.',
        line: "I keep every client's identity private, and I'd do the same for you. If it helps, I can arrange a meeting under an NDA once you're ready to move forward.",
        why: 'Luxury sellers and buyers rely on discretion; disclosing identity or finances without consent breaches your duty to your client.',
      },
    },
    {
      id: 'LUXURY_ANONYMOUS_CASH',
      summary:
        'All-cash purchases through an LLC or trust can trigger beneficial-ownership reporting: never help hide the buyer.',
      patterns: [
        /\b(?:llc|shell|trust|offshore|anonymous(?:ly)?)\b(?:[^.?!]|\.(?=\d))*\b(?:cash|wire|buy|purchase)\b/i,
      ],
      parts: {
        cue: 'Anti-money-laundering: an entity buying all cash may be reportable — loop in title early; never help hide the buyer.',
        line: "Buying through an entity is common at this level. Title will ask who the beneficial owners are for the reporting rules, so let's get that paperwork started early so nothing delays closing.",
        why: 'FinCEN reporting covers all-cash entity purchases of residential property; helping conceal the owner exposes you and the client.',
      },
    },
  ],
  promptGuidance:
    'Luxury residential: speak with discretion and concierge-level service; qualify price range, proof of funds (not just pre-approval), neighbourhoods and timeline; offer private showings and off-market options; never discount-first; keep client identities confidential.',
  extract(text) {
    const out: Partial<{ proofOfFunds: boolean }> = {};
    if (/\b(?:all[- ]cash|cash buyers?|paying (?:all )?cash|pay (?:in )?cash|proof of funds)\b/i.test(text))
      out.proofOfFunds = true;
    return out;
  },
  parts: {
    [HintCategory.NEXT_STEP]: (ctx, base) => ({
      ...base,
      cue: 'Offer a private showing; ask for proof of funds and confirm the details personally.',
      line:
        ctx.slots.proofOfFunds === true
          ? "Wonderful — I'll arrange a private showing at a time that suits you and handle the details personally."
          : "I'd be glad to arrange a private showing. The sellers ask for proof of funds or a bank letter beforehand — could you have that sent over?",
    }),
  },
};
