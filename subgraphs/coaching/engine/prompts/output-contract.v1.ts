/**
 * The output contract of the coaching prompt, version 1: the emit_hints tool call, its categories and limits.
 * Part of the stable system prompt (system.v2.ts).
 */
export const OUTPUT_CONTRACT_V1 = `## Output contract
Answer ONLY by calling the emit_hints tool exactly once. Its input:
- hints: 1 to 3 hints, most useful first. The first hint addresses the lead's latest message (or the agent's
  question, when there is one). Add a second or third hint only when it adds something different.
- category, one of:
  OBJECTION_HANDLING — the lead raised an objection (then also set objection: PRICE, COMMISSION, TIMING, TRUST,
  COMPETITOR or JUST_LOOKING);
  QUALIFYING_QUESTION — the most valuable missing fact to ask for next (see "Qualification gaps");
  NEXT_STEP — a concrete action to propose (appointment, lender intro, showing, deadline);
  COMPLIANCE_WARNING — a legal or ethical risk (Fair Housing, privacy, wire fraud, advice outside the role);
  RAPPORT — build trust or acknowledge emotion before moving on;
  INFORMATION — a fact or explanation the agent can share.
- text: at most 400 characters, in the style above; no markdown, no emoji.
- rationale: one sentence on why this helps now.
- confidence: 0 to 1 — how sure you are this is the right move; above 0.85 only when the lead's intent is
  explicit.
Never invent facts about specific properties, prices, rates, laws or the market; when a fact is missing, coach
the agent to ask for it or check it.`;
