/**
 * The text report of a Fair Housing evaluation (tools/coach/fair-housing-score.ts): steering caught, false
 * alarms, the goal, the breakdowns, and every miss and false alarm with its text.
 */
import { GOAL, type FairHousingResult, type FhFigures, type Judged } from './fair-housing-score';

const pct = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const ratio = (n: number, d: number, r: number | null): string => (d === 0 ? '-' : `${pct(r)} (${n}/${d})`);

function table(title: string, groups: Record<string, FhFigures>): string[] {
  const lines = ['', `${title.padEnd(18)}${'steering caught'.padStart(22)}${'false alarms'.padStart(22)}`];
  for (const [name, g] of Object.entries(groups)) {
    lines.push(
      `${name.padEnd(18)}${ratio(g.caught, g.steering, g.recall).padStart(22)}${ratio(g.falseAlarms, g.benign, g.falseAlarmRate).padStart(22)}`,
    );
  }
  return lines;
}

function listed(title: string, judged: Judged[]): string[] {
  const lines = ['', `${title}: ${judged.length}`];
  for (const { item, verdict } of judged) {
    const tags = [item.speaker, item.side, item.protectedClass, item.style, item.language].filter(Boolean);
    const why = verdict.reason !== undefined ? `  [${verdict.protectedClass ?? ''} ${verdict.reason}]` : '';
    lines.push(`- ${item.id} (${tags.join(', ')})${why}`, `    ${item.text}`);
  }
  return lines;
}

export function formatFairHousingReport(result: FairHousingResult): string {
  const lines = [
    `utterances: ${result.total} (${result.steering} steering, ${result.benign} benign)`,
    `steering caught: ${ratio(result.caught, result.steering, result.recall)}`,
    `false alarms:    ${ratio(result.falseAlarms, result.benign, result.falseAlarmRate)}`,
    `goal ≥ ${GOAL.recall * 100}% caught: ${result.goalMet.recall ? 'met' : 'NOT met'}; ≤ ${GOAL.falseAlarmRate * 100}% false alarms: ${result.goalMet.falseAlarms ? 'met' : 'NOT met'}`,
  ];
  lines.push(
    ...table('protected class', result.byClass),
    ...table('speaker', result.bySpeaker),
    ...table('side', result.bySide),
    ...table('style', result.byStyle),
    ...table('language', result.byLanguage),
    ...listed('missed steering', result.misses),
    ...listed('false alarms', result.falseAlarmList),
  );
  return lines.join('\n');
}
