/**
 * Mortgage lending: loan officers qualifying borrowers. The borrower is qualified by loan amount, credit and
 * down payment; a rate or an approval is never guaranteed before underwriting and a lock, and credit decisions
 * never turn on a protected characteristic (ECOA).
 */
import { AgentRole, HintCategory, Vertical } from '../../../../core/vocabulary';
import { formatMoney } from '../../coach/qualification';
import type { Slots } from '../../coach/types';
import { moneyAfter, moneyBefore, percentBefore } from '../extract';
import type { VerticalTemplate } from '../types';

const CREDIT = /\b(?:credit(?: score)?|fico|score)\b[^.?!\d]{0,20}(\d{3})\b|\b(\d{3})\s*(?:credit|fico)\b/i;

export const mortgage: VerticalTemplate = {
  code: Vertical.MORTGAGE,
  label: 'Mortgage lending',
  summary: 'Loan officers pre-qualifying and guiding borrowers through a purchase or refinance loan.',
  slots: {
    [AgentRole.BUYER_AGENT]: [
      {
        key: 'loanAmount',
        weight: 25,
        label: 'loan amount',
        question: (s) =>
          s.budget !== undefined
            ? `On a ${formatMoney(s.budget)} purchase, how much are you looking to borrow?`
            : 'Roughly how much are you looking to borrow, and what purchase price are you targeting?',
      },
      {
        key: 'creditScore',
        weight: 25,
        label: 'credit',
        question: () =>
          'Do you have a sense of where your credit score is? A ballpark is fine — it decides which programs fit.',
      },
      {
        key: 'downPayment',
        weight: 20,
        label: 'down payment',
        question: () => 'How much are you planning to put down — and is any of it a gift?',
      },
      {
        key: 'timelineMonths',
        weight: 15,
        label: 'closing timeline',
        question: () => 'When would you like to close — do you have a contract or a target date yet?',
      },
      {
        key: 'propertyType',
        weight: 15,
        label: 'property and occupancy',
        question: () =>
          'Will it be your primary home, a second home or an investment, and what type of property?',
      },
    ],
  },
  hintCategories: [
    HintCategory.QUALIFYING_QUESTION,
    HintCategory.INFORMATION,
    HintCategory.NEXT_STEP,
    HintCategory.OBJECTION_HANDLING,
    HintCategory.COMPLIANCE_WARNING,
  ],
  vocabulary: [
    'pre-qualification',
    'pre-approval',
    'loan estimate',
    'rate lock',
    'DTI',
    'LTV',
    'points',
    'underwriting',
  ],
  tips: {
    default:
      'Speak in loan terms: loan amount, down payment, DTI and a loan estimate — rates only as of today, never promised.',
    [HintCategory.OBJECTION_HANDLING]:
      'Compare loan estimates line by line (rate, points, fees) rather than promising to beat a rate.',
  },
  compliance: [
    {
      id: 'MORTGAGE_NO_RATE_GUARANTEE',
      summary: 'Never guarantee a rate, a payment or an approval before underwriting and a rate lock.',
      patterns: [
        /\bguarantee\w*\b(?:[^.?!]|\.(?=\d))*\b(?:rates?|apr|approv\w*|payments?|qualif\w*)\b/i,
        /\b(?:rates?|apr|approval|payment)\b(?:[^.?!]|\.(?=\d))*\bguaranteed\b/i,
        /\b(?:promise|lock you in)\b(?:[^.?!]|\.(?=\d))*\b\d(?:\.\d+)?\s?%/i,
      ],
      parts: {
        cue: 'No rate or approval guarantees: quote today’s rate with its assumptions and offer a loan estimate.',
        line: "I can't guarantee a rate or an approval before underwriting, but I can show you today's rate for your scenario and send a Loan Estimate — once you're under contract we can lock it.",
        why: 'A promised rate or approval before underwriting and a lock is a deceptive-advertising and TILA/Reg Z risk; the Loan Estimate is the accurate, compliant answer.',
      },
    },
    {
      id: 'MORTGAGE_ECOA',
      summary:
        'Credit decisions never turn on race, religion, sex, marital status, age or public-assistance income (ECOA).',
      patterns: [
        /\b(?:because|since) (?:you(?:'re| are)|she(?:'s| is)|he(?:'s| is)) (?:single|divorced|pregnant|on maternity|too old|retired)\b/i,
        /\b(?:public assistance|alimony|child support|disability income)\b(?:[^.?!]|\.(?=\d))*\b(?:doesn'?t|won'?t|can'?t) count\b/i,
      ],
      parts: {
        cue: 'ECOA: evaluate income and credit the same way for everyone — no assumptions from marital status, age or benefits.',
        line: "Every source of reliable income counts the same way in the application, so let's list all of it and let underwriting evaluate it.",
        why: 'The Equal Credit Opportunity Act forbids discouraging or treating applicants differently by protected characteristics or public-assistance income.',
      },
    },
  ],
  promptGuidance:
    'Mortgage lending (the agent is a loan officer): qualify loan amount, credit score, down payment, closing timeline and occupancy; speak in pre-approval, loan estimate, rate lock, DTI and LTV terms; never guarantee a rate, payment or approval (TILA/Reg Z) and never treat applicants differently by protected characteristics (ECOA).',
  extract(text) {
    const out: Partial<Slots> = {};
    const loan = moneyAfter(
      text,
      /\b(?:borrow(?:ing)?|loan(?: amount)?(?: of)?|financ(?:e|ing)|mortgage(?: of)?)\b/i,
    );
    if (loan !== null) out.loanAmount = loan;
    const c = CREDIT.exec(text);
    const score = Number(c?.[1] ?? c?.[2] ?? NaN);
    if (score >= 300 && score <= 850) out.creditScore = score;
    const pct = percentBefore(text, /^\s*(?:down\b|as (?:a )?down)/i);
    if (pct !== null) out.downPaymentPercent = pct;
    const down = moneyBefore(text, /^\s*(?:down\b|saved for (?:the |a )?down|for (?:the |a )?down)/i);
    if (down !== null) out.downPayment = down;
    return out;
  },
  parts: {
    [HintCategory.NEXT_STEP]: (ctx, base) => ({
      ...base,
      cue: 'Start the pre-approval: send the document checklist and a Loan Estimate for their scenario.',
      line: `Let's get you pre-approved so you can shop with confidence${ctx.slots.loanAmount ? ` at ${formatMoney(ctx.slots.loanAmount)}` : ''}. I'll send a short document checklist — pay stubs, W-2s and two months of bank statements — and a Loan Estimate for your scenario.`,
      why: 'A pre-approval with a Loan Estimate turns interest into an application and lets the borrower compare offers accurately.',
    }),
  },
};
