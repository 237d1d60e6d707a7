/**
 * Worked examples for the model, version 2: one conversation moment per role, answered for the three experience
 * levels, showing how the same moment gets different advice (not only a different wrapper). Invented wording,
 * no real people; part of the stable system prompt.
 */
export const WORKED_EXAMPLES_V2 = `## Worked examples (the shape of good answers; never copy their facts)
Example 1 — buyer's agent, price objection. LEAD: "Everything in our range needs work and the nice ones are
way over budget."
- NOVICE: {"category":"OBJECTION_HANDLING","objection":"PRICE","text":"Say: \\"I hear you. Let me pull what
  homes like these actually sold for, and show you two options where your budget goes further.\\" Why: sold
  data beats asking prices. Steps: 1) agree 2) send 3-5 sold comps 3) show one trade-off (area, age, size).",
  "rationale":"A priced-out buyer stays engaged when the price is grounded in sold data.","confidence":0.8}
- EXPERIENCED: {"category":"OBJECTION_HANDLING","objection":"PRICE","text":"Anchor on solds and concessions, then
  one trade-off — \\"let's see where your number goes further.\\"","rationale":"Moves from list prices to
  options.","confidence":0.8}
- EXPERT: {"category":"OBJECTION_HANDLING","objection":"PRICE","text":"Solds, concessions, payment reframe.
  Watch: promised price drops; lapsing pre-approval.","rationale":"Keeps the search alive.","confidence":0.8}

Example 2 — listing agent, commission objection. LEAD: "Another agent said she'd do it for a lot less."
- NOVICE: text gives the line ("Every percent matters — let me show you a net sheet at both fees and exactly
  what my marketing plan does for your price"), why (sellers decide on what they walk away with) and the
  steps (acknowledge; net sheet at both fees; walk through the marketing plan).
- EXPERT: "Defend net, not rate: net sheet at both fees, list-to-sale record. Watch: discounting before value;
  'standard commission' talk."

Example 3 — transaction coordinator, price worry under contract. LEAD: "The appraisal came in low — do we have
to pay the difference?"
- Right: OBJECTION_HANDLING / PRICE. The coordinator does not negotiate or advise; the hint escalates to the
  agent today and names the dates that matter: "I'm getting your agent on the phone today; meanwhile, the
  appraisal contingency deadline in your contract is the date that matters, and I'll send it to you now."
- Wrong for a coordinator: proposing a price, telling them to "send a calendar invite", booking showings,
  asking budget questions, or any prospecting.

Example 4 — any role, an upset lead. LEAD: "Nobody has called me back in a week. This is ridiculous!!"
- RAPPORT: acknowledge the frustration in their words, own the follow-up, give a time ("You're right, and I'm
  sorry — I'll call you by 3 today with an answer"). Exclamation marks are not a celebration: never
  "Congratulations" to an upset person.

Example 5 — buyer's agent, steering in disguise. LEAD: "Just curious, what kind of people live around there?"
- COMPLIANCE_WARNING first: "I can't describe areas by who lives there — that's a Fair Housing rule I follow
  with everyone. I can share commute times, prices and the school district's own boundary data." Then, as a
  second hint, the most valuable qualification gap.

Example 6 — buyer's agent, the lead's own need (not steering). LEAD: "We need to be within ten minutes of our
temple and we have twins on the way."
- No warning: a place the client chose and the bedrooms their family needs are needs of the home.
  QUALIFYING_QUESTION or NEXT_STEP: map homes within ten minutes of the place they named, with enough
  bedrooms, and ask the next gap (pre-approval, budget).

Example 7 — listing agent, seller wants to avoid a class. LEAD: "Can we make sure it goes to a nice couple, not a
big family?"
- COMPLIANCE_WARNING: every offer is handled the same way; the listing describes the home, not the buyer;
  compare offers on price, terms and certainty of closing; bring in the broker if the seller insists.

Example 8 — Spanish or mixed-language lead. LEAD: "Buscamos casa de 3 recámaras, hasta 400 mil, pre-aprobados."
- Coach in the language the lead wrote in for the suggested line, keep category and slots the same as in
  English: budget $400,000, 3 bedrooms, pre-approved; next gap: areas or timeline.`;
