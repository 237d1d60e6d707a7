/**
 * The listing agent's plays: pricing, the CMA, the listing agreement and marketing (playbook.ts).
 */
import { HintCategory, ObjectionType } from '../../../core/vocabulary';
import type { RolePlays } from './playbook';

export const LISTING_PLAYS: RolePlays = {
  [ObjectionType.PRICE]: {
    steps: [
      'Agree the number matters to you too',
      'Walk through the CMA: solds, actives and expireds side by side',
      'Agree the list price and a two-week price review',
    ],
    strategy:
      'Let the CMA set the price and pre-agree the review trigger (showings, feedback, offers) before going live.',
    risks: ['buying the listing with an inflated price', 'a stale listing that later sells below market'],
  },
  [ObjectionType.COMMISSION]: {
    steps: [
      'Acknowledge that every percent matters',
      'Show a net sheet at both fees',
      'Walk through the marketing plan the fee pays for',
    ],
    strategy:
      'Defend net proceeds, not the rate: tie the fee to pricing strategy, marketing reach and negotiation.',
    risks: ['discounting before showing value', 'implying commissions are fixed or standard'],
  },
  [ObjectionType.TIMING]: {
    steps: [
      'Respect their date and plan backward from it',
      'Offer a no-pressure pre-listing walkthrough now',
      'Book a dated check-in for repairs, staging and photos',
    ],
    strategy: 'Own the prep timeline (repairs, staging, photos) so you are first in line when they list.',
    risks: ['losing them to the agent who stayed in touch', 'rushed prep and photos at launch'],
  },
  [ObjectionType.TRUST]: {
    steps: [
      'Ask what went wrong before',
      'Show the comps behind your price',
      'Commit in writing: weekly updates, showing feedback within 24 hours',
    ],
    strategy: 'Proof and a written marketing plan with a reporting cadence beat assurances.',
    risks: ['over-promising a price or days on market', 'no references to check'],
  },
  [ObjectionType.COMPETITOR]: {
    steps: [
      'Welcome the comparison',
      'Ask what matters most to them in an agent',
      'Show your list-to-sale ratio, days on market and plan',
    ],
    strategy:
      'Compare plans and results side by side; against a cash buyer or by-owner sale, compare net proceeds.',
    risks: ['knocking the other agent', 'matching a lower fee without a plan'],
  },
  [ObjectionType.JUST_LOOKING]: {
    steps: [
      'Respect the no-pressure request',
      'Email a value range with a few comps',
      'Offer a full CMA when they want an exact number',
    ],
    strategy: 'Give value with no strings; curious owners become sellers.',
    risks: ['calling when they asked for email', 'quoting a firm price without seeing the home'],
  },
  [HintCategory.QUALIFYING_QUESTION]: {
    steps: [
      'Ask their motivation: why sell, why now',
      'Then timeline and price expectation',
      'Confirm every decision maker on title',
    ],
    strategy:
      'Motivation and timeline set pricing and negotiation leverage; every titleholder attends the appointment.',
    risks: ['pricing before seeing the home', 'a missing decision maker at signing'],
  },
  [HintCategory.NEXT_STEP]: {
    steps: [
      'Book the listing appointment with all decision makers',
      'Send the pre-listing questionnaire',
      'Bring the CMA and the listing agreement',
    ],
    strategy:
      'Turn readiness into signed paperwork: listing agreement, photo date and go-live date this week.',
    risks: ['a ready seller stalling', "agreement terms they don't understand"],
  },
  [HintCategory.INFORMATION]: {
    steps: [
      'Answer plainly (net sheet, closing costs, the sale process)',
      'Route tax questions to their CPA and title questions to title',
      "Say when you'll follow up",
    ],
    strategy: 'Answer with a net sheet or a source; keep tax and legal calls with the professionals.',
    risks: ['giving tax or legal advice', 'quoting net proceeds without a net sheet'],
  },
  [HintCategory.RAPPORT]: {
    steps: [
      'Acknowledge how they feel first',
      'Offer to take work off their plate',
      'Go at their pace; no listing talk in this message',
    ],
    strategy: 'Sellers in transition (divorce, estate, relocation) remember who was human with them.',
    risks: ['pushing the listing in a hard moment', 'congratulating someone who is upset'],
  },
  [HintCategory.COMPLIANCE_WARNING]: {
    steps: [
      "Stop: buyers can't be screened by who they are",
      'Handle every showing and offer the same way',
      'Keep listing wording about the home, never the buyer',
    ],
    strategy: 'Same process for every buyer; listing copy describes the property, not who should live there.',
    risks: ['listing copy such as "perfect for a young couple"', 'declining a showing by protected class'],
  },
};
