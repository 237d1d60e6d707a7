/**
 * The transaction coordinator's plays: deadlines, documents and title/escrow/lender coordination; price and
 * commission questions go to the agent; never prospecting (playbook.ts).
 */
import { HintCategory, ObjectionType } from '../../../core/vocabulary';
import type { RolePlays } from './playbook';

export const TC_PLAYS: RolePlays = {
  [ObjectionType.PRICE]: {
    steps: [
      "Acknowledge the concern; don't negotiate it yourself",
      'List the contract dates that matter (appraisal, contingency deadlines)',
      'Escalate to the agent today with those dates',
    ],
    strategy:
      'Price belongs to the agent: escalate the same day with the appraisal and contingency deadlines in hand.',
    risks: ['giving a negotiation opinion', 'a contingency deadline passing while everyone waits'],
  },
  [ObjectionType.COMMISSION]: {
    steps: [
      'Point to the signed agreements and the settlement statement lines',
      "Don't change or justify fees yourself",
      'Loop in the agent to explain',
    ],
    strategy:
      'Show where each fee appears on the settlement statement; commission questions go to the agent.',
    risks: ['negotiating commission', "settlement figures that don't match the signed agreements"],
  },
  [ObjectionType.TIMING]: {
    steps: [
      'Name the date at risk and who owns it',
      'Call the lender and title for status today',
      'Send a written update with the next date',
    ],
    strategy: 'Protect the deadline: get the extension addendum signed before the date passes, not after.',
    risks: ['a lapsed contingency', 'a verbal-only extension'],
  },
  [ObjectionType.TRUST]: {
    steps: [
      'Send the checklist: done, pending, next date',
      'Remind them to verify wiring instructions by phone',
      "Say when they'll hear from you next",
    ],
    strategy: 'Predictability builds trust: a documented checklist and status updates at set times.',
    risks: ['wire fraud through spoofed email', 'going silent for days'],
  },
  [ObjectionType.COMPETITOR]: {
    steps: [
      'Stay neutral about other parties',
      'Keep the file moving on schedule',
      'Route the concern to the agent',
    ],
    strategy: 'Stay neutral and keep the timeline; relationship questions belong to the agent.',
    risks: ['commenting on another agent or party', 'a stalled file while the concern is open'],
  },
  [ObjectionType.JUST_LOOKING]: {
    steps: [
      'Acknowledge it without selling',
      'Send the status checklist anyway',
      'Tell the agent the client sounds unsure',
    ],
    strategy: 'A hesitant client under contract is a deal risk: flag it to the agent today.',
    risks: ['ignoring cold feet until a deadline', 'selling instead of coordinating'],
  },
  [HintCategory.QUALIFYING_QUESTION]: {
    steps: [
      'Ask for the missing document or date',
      'Confirm who sends it (lender, title, HOA, insurer)',
      'Log the due date and remind before it',
    ],
    strategy: "Close the file's gaps: documents, signatures and dates, each with an owner.",
    risks: ['an undated open item', 'a missing signature at closing'],
  },
  [HintCategory.NEXT_STEP]: {
    steps: [
      'Confirm the date and time with every party',
      'Send one written confirmation with what to bring',
      'Confirm funds will be wired on phone-verified instructions',
    ],
    strategy: 'One confirmed schedule for all parties; funds and IDs settled before closing day.',
    risks: ['a party missing from the schedule', 'wire instructions received by email'],
  },
  [HintCategory.INFORMATION]: {
    steps: [
      'Answer the process question plainly',
      'Route legal, lending and tax questions to attorney, lender or CPA',
      "Say when you'll follow up",
    ],
    strategy: 'Answer process, not advice; connect the right professional the same day.',
    risks: ['interpreting the contract', 'giving lending or tax advice'],
  },
  [HintCategory.RAPPORT]: {
    steps: [
      'Acknowledge how they feel first',
      'Take tasks off their plate',
      'Only bring them what truly needs them',
    ],
    strategy: 'Absorb the logistics so the client only handles what needs their signature.',
    risks: ['piling tasks on a stressed client', 'congratulating someone who is upset'],
  },
  [HintCategory.COMPLIANCE_WARNING]: {
    steps: ["Don't act on it", 'Keep every party on the same process', 'Loop in the broker and document it'],
    strategy: 'Same process for every party; escalate to the broker and document.',
    risks: ['acting on a protected characteristic', 'undocumented escalations'],
  },
};
