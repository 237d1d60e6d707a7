/**
 * Hint templates for compliance warnings and objections, per agent role.
 * Each template returns a terse cue (experts), a ready-to-say line (novices) and the why.
 */
import { AgentRole, ObjectionType } from '../../../core/vocabulary';
import type { HintParts } from './format';
import { describeWant, formatAreas, formatMoney } from './qualification';
import type { Slots } from './types';

export interface TemplateContext {
  role: AgentRole;
  slots: Slots;
  signals: string[];
  lead: string;
  nextQuestion: string | null;
  /** Missing role-relevant slots, most valuable first. */
  missing: string[];
  /** A follow-up hint: skip the pleasantries. */
  secondary?: boolean;
}

const CLASS_WORDS: Record<string, string> = {
  RACE_COLOR: 'race or color',
  RELIGION: 'religion',
  NATIONAL_ORIGIN: 'national origin',
  SEX: 'sex',
  FAMILIAL_STATUS: 'familial status (families with children)',
  DISABILITY: 'disability',
  GENERAL_STEERING: 'who lives there',
};

function protectedClass(signals: string[]): string {
  const s = signals.find((x) => x.startsWith('fair_housing:'));
  return CLASS_WORDS[s?.slice('fair_housing:'.length) ?? ''] ?? 'a protected class';
}

const has = (signals: string[], label: string): boolean => signals.some((s) => s.endsWith(`:${label}`));

export function complianceParts(ctx: TemplateContext): HintParts {
  // The class-specific cue is also what an expert is told: the generic play's strategy would lose the class.
  const parts = roleComplianceParts(ctx);
  return { ...parts, strategy: parts.cue };
}

function roleComplianceParts(ctx: TemplateContext): HintParts {
  const cls = protectedClass(ctx.signals);
  const why =
    `The request turns on ${cls}, a class protected by the Fair Housing Act; steering, screening or advertising by it is illegal for you even when the client asks. ` +
    'Redirect to objective criteria and document the conversation.';
  if (ctx.role === AgentRole.LISTING_AGENT) {
    const disability = ctx.signals.includes('fair_housing:DISABILITY');
    return {
      cue: `Fair Housing stop: you can't screen buyers or word the listing by ${cls} — every showing and offer is handled the same way.`,
      line: disability
        ? "I understand the stairs are a concern, but we have to treat every showing request the same way — it's the buyer's call whether the home works for them, and Fair Housing law doesn't let us decline anyone because of a disability. What I can do is make sure every buyer gets accurate info about the layout."
        : "I have to be upfront: Fair Housing law doesn't allow us to pick buyers or word the listing based on who they are, so every offer gets the same consideration. What I can do is help you compare offers on price, terms and how likely they are to close.",
      why,
    };
  }
  if (ctx.role === AgentRole.TRANSACTION_COORDINATOR) {
    return {
      cue: `Fair Housing: don't act on ${cls}; loop in the broker and keep to the contract.`,
      line: "I'm not able to factor anyone's background into the transaction — every party gets the same process. Let's keep focused on the contract terms and dates, and I'll loop in the agent on anything else.",
      why,
    };
  }
  return {
    cue: `Fair Housing: don't steer by ${cls}; redirect to budget, commute, must-haves and public data.`,
    line: "I can't recommend or rule out neighborhoods based on who lives there — that's a Fair Housing rule I follow with every client. What I can do is show you areas that fit your budget, commute and must-haves, and point you to public sources like school and city data so you can decide for yourselves.",
    why,
  };
}

function areaText(slots: Slots): string {
  return slots.areas && slots.areas.length > 0 ? formatAreas(slots.areas) : 'the areas you like';
}

/** Price objections: validate, ground the number in sold data, offer trade-offs. */
function priceParts(ctx: TemplateContext): HintParts {
  const { role, slots } = ctx;
  const budget = slots.budget !== undefined ? formatMoney(slots.budget) : 'your budget';
  const price = slots.priceExpectation !== undefined ? formatMoney(slots.priceExpectation) : 'your number';
  if (role === AgentRole.LISTING_AGENT)
    return {
      cue: `Validate the goal, then review comps side by side; agree on ${price} with a two-week price-review checkpoint.`,
      line: `I want you to get every dollar too. Let's put the recent sales side by side, including the one you mentioned, and adjust for your updates. If you still want to start at ${price}, let's agree now on what we'll do if showings are slow in the first two weeks.`,
      why: 'Arguing the number makes sellers dig in; letting the data and a pre-agreed review point do the work keeps trust and avoids a stale listing.',
    };
  if (role === AgentRole.TRANSACTION_COORDINATOR)
    return {
      cue: "Don't negotiate price yourself: escalate to the agent today with the appraisal and contingency dates in hand.",
      line: "I understand the number is a concern. Price is your agent's call, so I'm getting them on the phone with you today — and I'll send you the contract dates that matter, like the appraisal and contingency deadlines, so nothing slips meanwhile.",
      why: 'A coordinator keeps the deal on schedule and routes negotiation to the agent; clear deadlines stop a price worry from becoming a missed contingency.',
    };
  return {
    cue: `Agree it's frustrating, show sold comps, then offer trade-offs to find a ${describeWant(slots)}.`,
    line: `I hear you, and I don't want you overpaying either. Let me pull what similar homes actually sold for so we know what's fair, and show you a few options where ${budget} goes further — a nearby area, a newer listing, or one that needs cosmetic work.`,
    why: 'Buyers who feel priced out disengage; agreeing, grounding the price in sold data and offering trade-offs keeps the search alive.',
  };
}

/** Commission objections: explain what the fee buys, or where it comes from. */
function commissionParts(ctx: TemplateContext): HintParts {
  const { role } = ctx;
  if (role === AgentRole.LISTING_AGENT)
    return {
      cue: 'Defend value, not the rate: show net proceeds, the marketing plan and your negotiation results.',
      line: "Totally fair — every percent matters. Let me show you a net sheet: what homes like yours sell for with full marketing and negotiation versus a discount approach, and exactly what my fee covers. If the math doesn't favor you, I'll tell you.",
      why: 'Sellers care about what they walk away with; comparing net proceeds reframes the fee as an investment instead of a cost to cut.',
    };
  if (role === AgentRole.TRANSACTION_COORDINATOR)
    return {
      cue: 'Fees come from the signed agreements — show the settlement line items and loop in the agent.',
      line: "Good question — the fees come from the agreements you signed. Let me walk you through each line on the settlement statement, and I'll have your agent explain anything that looks different than expected.",
      why: 'A TC explains where fees come from; negotiating them belongs to the agent.',
    };
  return {
    cue: 'Explain buyer-agent compensation plainly: negotiable, often paid by the seller, and what they get for it.',
    line: "Totally fair question. The agreement spells out how I'm paid, and it's negotiable — in most cases we ask the seller to cover it as part of the offer, so it often doesn't come out of your pocket. Let me walk you through it line by line before you sign anything.",
    why: 'Since the 2024 NAR settlement buyers sign compensation agreements up front; transparency about who pays and what they get turns surprise into trust.',
  };
}

/** Timing objections: respect the date and stay useful on their timeline. */
function timingParts(ctx: TemplateContext): HintParts {
  const { role, slots } = ctx;
  if (role === AgentRole.TRANSACTION_COORDINATOR)
    return {
      cue: 'Acknowledge the disruption, give the exact status and options, and commit to an update time today.',
      line: "I completely understand — you've planned everything around that date. Here's exactly where things stand. I'm calling the lender and title right now to push for the earliest possible date and to see what options we have, and I'll update you by end of day.",
      why: 'Frustrated parties back out when they feel ignored; concrete status, options and a committed update time keep the deal together.',
    };
  if (role === AgentRole.LISTING_AGENT)
    return {
      cue: 'Respect the date and plan backward from it; offer a no-pressure pre-listing walkthrough now.',
      line: "That timing makes complete sense. Let's plan backward from it — a quick walkthrough now lets you handle small repairs at your own pace, and you'll be ready to list the week you choose. Can I put a check-in on the calendar?",
      why: 'Sellers who wait still need prep time; being the agent with the plan keeps you first in line when they are ready.',
    };
  return {
    cue: 'Agree, then keep them engaged: search alerts, a lender rate-watch and a check-in date.',
    line: `That makes sense, and there's no rush. Want me to set up a search for ${areaText(slots)} so you can watch prices, and have a lender show what a rate drop would do to your payment? Then you'll be ready the moment it makes sense.`,
    why: "Pushing a 'not yet' lead loses them; staying useful on their timeline keeps you their agent when they're ready.",
  };
}

/** Trust objections: proof, a written plan and references instead of reassurance. */
function trustParts(ctx: TemplateContext): HintParts {
  const { role } = ctx;
  if (role === AgentRole.LISTING_AGENT)
    return {
      cue: has(ctx.signals, 'experience_doubt')
        ? 'Own your experience level; sell your focus, your brokerage support and a written plan with references.'
        : 'Show the comps behind your number and a written plan for what happens if the market disagrees.',
      line: has(ctx.signals, 'experience_doubt')
        ? "That's a fair question. I take fewer clients so each one gets my full attention, and my brokerage backs every listing with our marketing team and a senior broker. I'll show you my plan in writing and connect you with sellers I've worked with."
        : "That's a fair worry — I've seen it happen too. Here are the exact sales behind my number, and here's my plan in writing if the market tells us something different, so there are no surprise price drops.",
      why: 'Skeptical sellers need proof, not promises; data, a written plan and references make you the safe choice.',
    };
  if (role === AgentRole.TRANSACTION_COORDINATOR)
    return {
      cue: 'Be transparent: what is done, what is next, and when they will hear from you.',
      line: "I understand. Here's everything completed so far, what's next, and exactly when you'll hear from me — you'll never have to chase me for an update.",
      why: 'Trust in a transaction comes from predictability.',
    };
  return {
    cue: 'Acknowledge the bad experience, state your client-first rules (never waive protections under pressure) and offer references.',
    line: "I'm sorry that happened — that's exactly what an agent shouldn't do. My job is to get you the right house, not just any house: I'll never pressure you to waive protections like an inspection, and I'm happy to connect you with past clients.",
    why: 'Burned buyers need to hear the specific behavior you will not repeat; concrete commitments beat reassurance.',
  };
}

/** Competitor objections: never knock the competitor; compare results or stay helpful. */
function competitorParts(ctx: TemplateContext): HintParts {
  const { role, slots } = ctx;
  if (role === AgentRole.LISTING_AGENT)
    return {
      cue: 'Never knock the competitor; compare net results side by side and show your specific plan.',
      line: has(ctx.signals, 'alternative_to_listing')
        ? "That offer is worth considering. Let's compare the real numbers side by side — what the cash offer nets after its fees and repairs versus what an open-market sale would likely net — so you can decide with everything in front of you."
        : "It's smart to compare. Can I ask what stood out to you about her approach? Here's specifically what I'd do for your home, and I'm happy to put my plan and results side by side with anyone's.",
      why: 'Sellers choose on expected net and confidence in the plan; a calm side-by-side comparison wins more than criticism.',
    };
  return {
    cue: 'Stay gracious; keep adding value (listings, local insight) and leave the door open.',
    line: `That's great that you have someone close to help! I'd love to stay useful either way — I'll keep sending you listings and my notes for ${areaText(slots)}, and if you ever want a second opinion on a house or an offer, I'm a text away.`,
    why: 'Pushing against a friend or relative loses the lead; staying helpful keeps you in the picture if things change.',
  };
}

/** Browsers: low-pressure value now, no calls. */
function justLookingParts(ctx: TemplateContext): HintParts {
  const { role } = ctx;
  if (role === AgentRole.TRANSACTION_COORDINATOR)
    return {
      cue: 'No selling: acknowledge, send the status checklist and tell the agent the client sounds unsure.',
      line: "No problem at all. I'll send you a short status list — what's done and what's next with dates — so you always know where things stand, and your agent is a call away for anything bigger.",
      why: 'A hesitant client under contract is a deal risk for the agent to hear about, not a lead to nurture.',
    };
  if (role === AgentRole.LISTING_AGENT)
    return {
      cue: 'Respect the no-call request; send the value range by text or email with no strings.',
      line: "No problem at all, and I won't call. I'll email you the value range so you have it, and if you ever want a more exact number, just reply — no pressure.",
      why: 'Curious homeowners become sellers later; respecting boundaries now earns the listing later.',
    };
  return {
    cue: 'Keep it light: offer a no-pressure update on the homes they keep looking at.',
    line: 'Ha, totally get it — browsing is half the fun. Want me to send a quick heads-up when something special hits the areas you keep looking at? No calls, just the info.',
    why: 'Browsers buy eventually; low-pressure value keeps you their go-to agent when they get serious.',
  };
}

export function objectionParts(type: ObjectionType, ctx: TemplateContext): HintParts {
  switch (type) {
    case ObjectionType.PRICE:
      return priceParts(ctx);
    case ObjectionType.COMMISSION:
      return commissionParts(ctx);
    case ObjectionType.TIMING:
      return timingParts(ctx);
    case ObjectionType.TRUST:
      return trustParts(ctx);
    case ObjectionType.COMPETITOR:
      return competitorParts(ctx);
    case ObjectionType.JUST_LOOKING:
    default:
      return justLookingParts(ctx);
  }
}
