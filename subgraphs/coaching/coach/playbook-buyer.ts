/**
 * The buyer's agent's plays: showings, offers, pre-approval and the written buyer agreement (playbook.ts).
 */
import { HintCategory, ObjectionType } from '../../../core/vocabulary';
import type { RolePlays } from './playbook';

export const BUYER_PLAYS: RolePlays = {
  [ObjectionType.PRICE]: {
    steps: [
      "Agree prices feel high; don't argue the market",
      'Pull 3–5 recent sold comps for the areas they like',
      'Show what their budget buys with one trade-off (area, age or size)',
    ],
    strategy:
      'Anchor on sold data, days on market and seller concessions; reframe to the monthly payment and one trade-off.',
    risks: ["promising a price drop you can't control", 'letting the pre-approval lapse while they wait'],
  },
  [ObjectionType.COMMISSION]: {
    steps: [
      "Explain how you're paid in plain words",
      "Show it's set in the written buyer agreement and negotiable",
      'List what they get: access, pricing advice, negotiation, inspection help',
    ],
    strategy:
      'Make compensation transparent before the first tour and plan to ask for seller-paid concessions in the offer.',
    risks: [
      'touring before a signed written agreement (post-2024 settlement practice)',
      'implying the seller always pays',
    ],
  },
  [ObjectionType.TIMING]: {
    steps: [
      'Respect their date; no pressure',
      "Get the pre-approval done now so they're ready",
      'Set a saved search and a dated check-in',
    ],
    strategy:
      'Keep them ready, not pushed: pre-approval now, a rate-watch with the lender and a dated check-in.',
    risks: ['pressure that sends them to another agent', 'a stale pre-approval when the right home appears'],
  },
  [ObjectionType.TRUST]: {
    steps: [
      'Ask what happened before, and listen',
      'Say what you will never do (waive inspections under pressure)',
      'Offer two past clients as references',
    ],
    strategy:
      'Replace reassurance with checkable commitments: criteria agreed in writing, the buyer sets the pace.',
    risks: ['defending the last agent or the industry', 'vague promises with no follow-up date'],
  },
  [ObjectionType.COMPETITOR]: {
    steps: [
      'Ask what they like about the other option',
      'Explain the listing agent represents the seller',
      'Offer a 15-minute consult to compare',
    ],
    strategy: 'Differentiate on representation and negotiation for the buyer; stay gracious and useful.',
    risks: ['knocking another agent', 'a buyer negotiating through the seller’s agent unrepresented'],
  },
  [ObjectionType.JUST_LOOKING]: {
    steps: [
      'Keep it light; no call request',
      'Offer a saved search with instant alerts',
      'Suggest one low-commitment step, like an open house',
    ],
    strategy: 'Earn the relationship with value now; convert when a listing makes them act.',
    risks: ['pushing for a call too early', 'letting the lead go cold with no alert set'],
  },
  [HintCategory.QUALIFYING_QUESTION]: {
    steps: [
      'Ask one question at a time',
      'Financing first: pre-approved or paying cash?',
      'Then budget, timeline, must-haves and areas',
    ],
    strategy: 'Close the most valuable gap first; pre-approval decides which homes are real.',
    risks: ['touring before financing is known', 'qualifying on anything but money, timing and the home'],
  },
  [HintCategory.NEXT_STEP]: {
    steps: [
      'Confirm the pre-approval letter is current',
      'Book 3–5 showings in one trip',
      'Sign the buyer agreement before the first tour',
    ],
    strategy: 'Turn momentum into a dated action: a showing tour, or an offer plan built on comps.',
    risks: ['touring without a signed buyer agreement', 'writing an offer without pre-approval or comps'],
  },
  [HintCategory.INFORMATION]: {
    steps: [
      'Answer what you know in one or two sentences',
      'Name who confirms the details (lender, inspector, attorney)',
      "Say when you'll follow up",
    ],
    strategy:
      'Be fast and accurate; route tax, legal and lending specifics to the professional who owns them.',
    risks: ['giving tax or legal advice', 'guessing a number instead of checking it'],
  },
  [HintCategory.RAPPORT]: {
    steps: [
      'Acknowledge how they feel first',
      'Match their tone: celebrate good news, slow down for bad news',
      'Leave logistics for the next message',
    ],
    strategy: 'Bank trust now; the search resumes when they are ready.',
    risks: ['jumping to logistics in an emotional moment', 'congratulating someone who is upset'],
  },
  [HintCategory.COMPLIANCE_WARNING]: {
    steps: [
      "Don't answer who lives there or where they'd fit in",
      "Say it's a Fair Housing rule you follow with everyone",
      'Redirect to budget, commute, features and public data',
    ],
    strategy: 'Decline steering plainly, redirect to objective criteria and document the conversation.',
    risks: ['neighborhood labels that stand in for the residents', 'any hint about where a client belongs'],
  },
};
