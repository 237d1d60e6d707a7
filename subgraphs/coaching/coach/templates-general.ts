/**
 * Hint templates for rapport, information, next steps and qualifying questions, per agent role.
 */
import { AgentRole } from '../../../core/vocabulary';
import type { HintParts } from './format';
import { describeWant, formatMoney } from './qualification';
import type { TemplateContext } from './templates';

export function rapportParts(ctx: TemplateContext): HintParts {
  const hardship = ctx.signals.some((s) =>
    /^emotion:(?:illness_or_loss|loss|divorce|job_loss|stress|emotional_weight|apology)$/.test(s),
  );
  if (hardship) {
    const offload =
      ctx.role === AgentRole.TRANSACTION_COORDINATOR
        ? "I'll keep the closing moving and only bring you what truly needs you."
        : ctx.role === AgentRole.LISTING_AGENT
          ? "We'll go at whatever pace works for you, and I'll take as much off your plate as I can."
          : "There's no rush on our side — we'll pick things back up whenever you're ready.";
    return {
      cue: 'Pause the business: acknowledge the feeling, no apology needed, offer flexibility.',
      line: `I'm really sorry you're going through this, and please don't apologize. ${offload}`,
      why: 'People remember who was human with them in a hard moment; pushing the deal now would cost trust that is hard to win back.',
    };
  }
  const baby = ctx.signals.includes('emotion:life_event');
  if (celebrating(ctx)) {
    return {
      cue: baby
        ? 'Celebrate the news first; the search can wait a message.'
        : 'Celebrate with them and make it personal; save logistics for the next message.',
      line: baby
        ? 'Congratulations!! That is the best news — I am so happy for you both. Enjoy every minute, and we will make sure the next place has room for everyone.'
        : 'Congratulations!! You earned this and I am so happy for you. Enjoy the moment tonight — I will send over the little next items tomorrow.',
      why: 'Shared celebrations build loyalty and referrals; a personal note now is worth more than a checklist.',
    };
  }
  if (ctx.signals.some((s) => THANKS.has(s))) {
    return {
      cue: 'Take the thanks warmly and keep the door open; no new ask in this message.',
      line: "Thank you — that really means a lot. I'm glad I could help, and I'm here whenever you need anything.",
      why: 'Gratitude answered warmly turns a client into a referral source; a sales ask now would cheapen it.',
    };
  }
  if (UPSET.test(ctx.lead)) {
    return {
      cue: 'Acknowledge the feeling in their words first; fix the problem in the next message.',
      line: "I hear you, and I'm sorry this has been frustrating. Let me take a look at what's going on and come back to you with a clear plan today.",
      why: 'An upset client needs to feel heard before any fix lands; empathy first keeps the relationship.',
    };
  }
  return {
    cue: 'Acknowledge what they shared in their own words; keep it personal, no new ask in this message.',
    line: "Thanks for telling me — that's really helpful to know. I'm here for whatever you need next.",
    why: 'Acknowledging what a client shares, without turning it into a pitch, builds the trust the next step needs.',
  };
}

/** Signals of good news the lead shares (a celebration), as classify.ts names them. */
const CELEBRATION = new Set([
  'emotion:celebration',
  'emotion:excitement',
  'emotion:milestone',
  'emotion:life_event',
]);
const THANKS = new Set(['emotion:gratitude', 'emotion:appreciation', 'emotion:compliment']);

/**
 * Words of displeasure about the deal or the agent's work (a frustrated or upset lead is never congratulated,
 * whatever else the turn holds).
 */
const UPSET =
  /\b(?:frustrat\w*|upset|annoy\w*|angry|furious|fed up|sick of|tired of|disappoint\w*|unacceptable|ridiculous|a joke|nightmare|worst|terrible|awful|horrible|mess|ignored|ghost\w*|no one (?:called|answered)|nobody (?:called|answered))\b/i;

function celebrating(ctx: TemplateContext): boolean {
  return ctx.signals.some((s) => CELEBRATION.has(s)) && !UPSET.test(ctx.lead);
}

interface Topic {
  re: RegExp;
  fact: string;
}

/** Short, generally-true answers; the agent confirms specifics with the right professional. */
const TOPICS: Topic[] = [
  {
    re: /\bcapital gains?\b|\btax(?:es)? on (?:the )?(?:sale|profit)\b/i,
    fact: 'for a primary residence lived in 2 of the last 5 years, up to $250k of gain ($500k if married filing jointly) is usually excluded — their CPA should confirm',
  },
  {
    re: /\bescrow\b|\bearnest money\b/i,
    fact: 'earnest money sits with the neutral escrow or title company named in the contract and is credited toward their costs at closing; the contract deadlines decide when it is at risk',
  },
  {
    re: /\bprorat\w*|\bproperty tax(?:es)?\b/i,
    fact: 'property taxes are normally prorated at closing so each side pays only for the days they own the home; it shows on the settlement statement',
  },
  {
    re: /\btitle insurance\b|\bowner'?s (?:policy|title)\b|\blender'?s (?:policy|title)\b/i,
    fact: "the lender's policy protects the lender and is required with a loan; the owner's policy protects their equity, is optional, and is usually recommended",
  },
  {
    re: /\bclosing costs?\b/i,
    fact: 'buyers typically set aside about 2–5% of the price for closing costs, and sellers often 1–3% plus commission; a lender estimate or seller net sheet gives the exact figure',
  },
  {
    re: /\binsurance\b/i,
    fact: 'the lender wants the homeowners policy bound and paid before closing, ideally a week or two ahead so it does not delay funding',
  },
  {
    re: /\bremote(?:ly)?\b|\bmail[- ]?away\b|\bpower of attorney\b|\bsign\b[^.?!]*\bout of town\b/i,
    fact: 'many title companies offer mail-away or remote online notarization; it needs to be arranged with title several days ahead',
  },
  {
    re: /\binspect\w*|\brepairs?\b/i,
    fact: 'repairs after inspection are negotiable — they can ask for fixes, a credit or a price change, and the inspection period deadline in the contract controls their options',
  },
  {
    re: /\bhoa\b/i,
    fact: 'dues and what they cover (water, trash, insurance, reserves) are in the HOA documents; pull them before any offer',
  },
  {
    re: /\bschools?\b|\bzoned\b/i,
    fact: 'school assignments should be verified with the district’s official boundary lookup, since zoning changes',
  },
  {
    re: /\bcommute\b|\brush hour\b|\bdrive to\b/i,
    fact: 'a map check at the actual rush-hour time gives a realistic commute',
  },
  {
    re: /\bshowings?\b/i,
    fact: 'most sellers step out during showings; we can set showing windows and a plan for pets',
  },
  {
    re: /\bappraisal\b/i,
    fact: 'if the appraisal comes in low the contract usually allows renegotiating, covering the gap, or using the appraisal contingency',
  },
  {
    re: /\bshort sale\b|\bforeclos\w*/i,
    fact: 'in a short sale the lender agrees to accept less than the loan balance before a sale; foreclosure is the lender taking the home after default — the credit and timing impacts differ a lot',
  },
];

export function informationParts(ctx: TemplateContext): HintParts {
  const topic = TOPICS.find((t) => t.re.test(ctx.lead));
  const who =
    ctx.role === AgentRole.TRANSACTION_COORDINATOR
      ? 'the title company or lender'
      : ctx.role === AgentRole.LISTING_AGENT
        ? 'your title company or CPA'
        : 'your lender or the listing agent';
  if (topic) {
    return {
      cue: `Answer directly: ${topic.fact.split(';')[0]}.`,
      line: `Great question — ${topic.fact}. I'll confirm the specifics for your situation with ${who} and get back to you today.`,
      why: 'A clear, honest answer with a follow-up commitment positions you as the expert without overstepping into tax or legal advice.',
    };
  }
  return {
    cue: `Answer what you know now, then commit to confirming the rest with ${who} by a set time.`,
    line: `Good question — here's what I know right now, and I'll confirm the details with ${who} and get back to you by end of day.`,
    why: 'Fast, accurate answers build credibility; a committed follow-up time beats a guess.',
  };
}

export function nextStepParts(ctx: TemplateContext): HintParts {
  const s = ctx.signals;
  const offer =
    /\boffer\b/i.test(ctx.lead) &&
    s.some((x) => x === 'buying_signal:commitment' || x === 'buying_signal:next_step_request');
  const sign = /\bsign\b|\blist (?:it|the|our)\b|\blet'?s list\b/i.test(ctx.lead);
  if (ctx.role === AgentRole.TRANSACTION_COORDINATOR) return coordinatorNextStep(ctx);
  if (ctx.role === AgentRole.LISTING_AGENT) {
    if (sign)
      return {
        cue: 'Strike now: send the paperwork for e-signature today and lock in photos and the go-live date.',
        line: "Love it — I'll send everything for e-signature within the hour, with a short note on what each document is. Then let's lock in photos and a go-live date.",
        why: 'Momentum matters; a same-day, easy-to-sign packet keeps a ready seller from stalling.',
      };
    return {
      cue: 'Confirm the appointment and send a short pre-listing packet and questionnaire.',
      line: "Perfect, I'll put that on the calendar and confirm the day before. I'll also send a short questionnaire about updates you've made so I can bring accurate pricing.",
      why: 'A confirmed appointment plus a little homework makes the listing presentation about their home, not a generic pitch.',
    };
  }
  if (offer)
    return {
      cue: 'Move to the offer: pull comps tonight, confirm pre-approval, and agree on price, terms and deadlines.',
      line: "Let's do it! I'll pull the recent sales tonight so we pick a strong number, and we'll walk through earnest money, inspection and closing date together. Can you send me your updated pre-approval letter?",
      why: 'A confident, structured offer process keeps motivated buyers from losing the house to a faster competitor.',
    };
  const ready =
    ctx.slots.preApproved === true
      ? ''
      : ' Have you got a pre-approval letter handy in case we want to move fast?';
  return {
    cue: `Lock in the tour time and confirm the details; have the pre-approval ready for a ${describeWant(ctx.slots)}.`,
    line: `Perfect — I'll get that set up and confirm with the listing agents, then send you the addresses and times.${ready}`,
    why: 'Buyers who are ready to tour are at peak motivation; making it happen quickly earns loyalty.',
  };
}

/** What a scheduling request names (a time, a day, the walkthrough, the closing or signing appointment). */
const SCHEDULING =
  /\b(?:walk-?through|closing (?:day|date|time|appointment)|sign(?:ing)?\b|schedul\w*|appointment|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|\d{1,2}(?::\d{2})?\s?(?:am|pm)|morning|afternoon)\b/i;
const DOCUMENTS =
  /\b(?:documents?|paperwork|forms?|statements?|pay ?stubs?|w-?2s?|disclosures?|addend\w*|binder|hoa docs?)\b/i;

/** A transaction coordinator's next step: schedule, documents, or the status of every open date. */
function coordinatorNextStep(ctx: TemplateContext): HintParts {
  if (SCHEDULING.test(ctx.lead))
    return {
      cue: 'Confirm the time with every party and send one calendar invite with what to bring.',
      line: "That works — I'll confirm with everyone and send you a calendar invite with the address and what to bring (photo ID and anything the lender still needs).",
      why: 'Closing-week logistics fail on small details; one confirmed invite prevents last-minute surprises.',
    };
  if (DOCUMENTS.test(ctx.lead))
    return {
      cue: 'Name the exact document, who it goes to and the due date; track it to receipt.',
      line: "Thanks — here's exactly what's still needed, who it goes to and by when. Send it through the secure portal and I'll confirm the moment the lender and title have it.",
      why: 'Missing documents are the most common cause of a late closing; one clear list with owners and dates prevents it.',
    };
  return {
    cue: 'Send a status summary: each open item, its owner and its deadline; escalate anything at risk to the agent.',
    line: "Here's where everything stands: what's done, what's open with the lender and title, and the next deadline for each. If anything is at risk I'll have your agent call you today.",
    why: 'Clients under contract worry about what they cannot see; a dated status list and a clear escalation keep the deal calm and on time.',
  };
}

/** A transaction coordinator qualifies nobody: the gap to close is the file's (a document, a date, a signature). */
function coordinatorFileGap(): HintParts {
  return {
    cue: "Close the file's gaps: ask for the missing document, date or signature and who sends it; route anything else to the agent.",
    line: "Thanks — I'll pass that to your agent today. On our file, is there any document, signature or date you're still waiting on from the lender, title or HOA?",
    why: 'A coordinator keeps the closing on schedule; new searches or prices are the agent’s conversation, open file items are yours.',
  };
}

const GAP_LABELS: Record<string, string> = {
  budget: 'budget (monthly comfort)',
  preApproved: 'financing (pre-approval)',
  areas: 'areas and why',
  timelineMonths: 'timeline',
  bedrooms: 'bedrooms and must-haves',
  propertyType: 'property type',
  priceExpectation: 'price expectation (net needed)',
  motivation: 'motivation for moving',
};

export function qualifyingParts(ctx: TemplateContext): HintParts {
  if (ctx.role === AgentRole.TRANSACTION_COORDINATOR) return coordinatorFileGap();
  const question = ctx.nextQuestion ?? 'What would the perfect outcome look like for you?';
  const { slots } = ctx;
  const inventory = ctx.signals.includes('buying_signal:inventory_request')
    ? " I'll pull a few options for you today."
    : '';
  const ack =
    ctx.role === AgentRole.LISTING_AGENT
      ? slots.priceExpectation !== undefined
        ? `Thanks — ${formatMoney(slots.priceExpectation)} is a helpful starting point.`
        : "Thanks for reaching out — I'd love to help."
      : slots.areas && slots.areas.length > 0
        ? `Love it — a ${describeWant(slots)} is a great place to start.`
        : "I'd be happy to help you find the right place.";
  const first = ctx.missing[0];
  const label = first !== undefined ? (GAP_LABELS[first] ?? first) : 'their goals';
  return {
    cue: `Qualify ${label} next, before you ${ctx.role === AgentRole.LISTING_AGENT ? 'price' : 'show homes'}.`,
    line: ctx.secondary ? question : `${ack}${inventory} ${question}`,
    why:
      ctx.role === AgentRole.LISTING_AGENT
        ? 'Timeline, motivation and the number they need shape the pricing and marketing plan; asking before you price shows you are listening.'
        : 'Budget, financing, areas and timeline decide which homes are worth their time; a pre-approved buyer with clear criteria is ready to tour.',
  };
}
