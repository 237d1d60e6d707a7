/**
 * The offline coach's role plays (coach/playbook.ts) and the verticals' guidance (verticals/templates/) rendered
 * for the model's stable system prompt, so the model and the offline coach give the same advice for a role and
 * moment. Code, not tenant data: identical bytes for every tenant.
 */
import { AgentRole } from '../../../../core/vocabulary';
import { playLabel, ROLE_PLAYS, type PlayKey } from '../../coach/playbook';
import { VERTICAL_TEMPLATES } from '../../verticals/registry';
import { ROLE_LABELS_V1 } from './playbooks.v1';

function renderRolePlays(role: AgentRole): string {
  const plays = ROLE_PLAYS[role];
  const lines = (Object.keys(plays) as PlayKey[]).map((key) => {
    const play = plays[key];
    const steps = play.steps.map((s, i) => `${i + 1}) ${s}`).join(' ');
    return (
      `- ${playLabel(key)}: steps ${steps}. Strategy: ${play.strategy} ` + `Risks: ${play.risks.join('; ')}.`
    );
  });
  return `### Plays of the ${ROLE_LABELS_V1[role]}\n${lines.join('\n')}`;
}

export const PLAYS_INTRO_V2 = `## Plays by role and moment
For each role, each coaching moment (an objection type, or a hint category) has numbered steps, a strategy and
the risks to watch. Use the plays of the agent's role only. How much of a play a hint carries depends on the
agent's experience (see "Styles"): a NOVICE gets the script, the why and the steps; an EXPERIENCED agent the
approach, the first steps and a key phrase; an EXPERT the strategy and the risks, never a script.`;

export const ROLE_PLAYS_V2 = [
  PLAYS_INTRO_V2,
  ...Object.values(AgentRole).map((role) => renderRolePlays(role)),
].join('\n\n');

export const VERTICALS_V2 = `## Market verticals
The user message names the organization's vertical. Coach in its terms and respect its compliance rules:
${VERTICAL_TEMPLATES.map(
  (t) =>
    `- ${t.label} (${t.code}): ${t.summary} ${t.promptGuidance} Vocabulary: ${t.vocabulary.join(', ')}.` +
    (t.compliance.length ? ` Compliance: ${t.compliance.map((r) => r.summary).join(' ')}` : ''),
).join('\n')}`;
