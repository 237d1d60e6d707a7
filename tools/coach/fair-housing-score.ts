/**
 * Scores a Fair Housing judge on labelled utterances: steering caught (recall) and false alarms on BENIGN
 * near-misses, overall and per protected class, speaker, side, style and language, with the misses and false
 * alarms listed. The goal (issue 11): ≥ 98% caught, ≤ 3% false alarms.
 */
import type { FairHousingItem, FhSpeaker } from './fair-housing-items';

export interface FairHousingVerdict {
  steering: boolean;
  protectedClass?: string;
  reason?: string;
}

/** The signature of `judgeFairHousing` (subgraphs/coaching/coach/fair-housing.ts). */
export type FairHousingJudge = (text: string, opts: { speaker: FhSpeaker }) => FairHousingVerdict;

export const GOAL = { recall: 0.98, falseAlarmRate: 0.03 } as const;

export interface Judged {
  item: FairHousingItem;
  verdict: FairHousingVerdict;
}

/** Counts of one group; rates are null when the group has no item of that kind. */
export interface FhFigures {
  steering: number;
  caught: number;
  recall: number | null;
  benign: number;
  falseAlarms: number;
  falseAlarmRate: number | null;
}

export interface FairHousingResult extends FhFigures {
  total: number;
  byClass: Record<string, FhFigures>;
  bySpeaker: Record<string, FhFigures>;
  bySide: Record<string, FhFigures>;
  byStyle: Record<string, FhFigures>;
  byLanguage: Record<string, FhFigures>;
  misses: Judged[];
  falseAlarmList: Judged[];
  goalMet: { recall: boolean; falseAlarms: boolean };
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export function figuresOf(judged: Judged[]): FhFigures {
  const steering = judged.filter((j) => j.item.expect === 'STEERING');
  const benign = judged.filter((j) => j.item.expect === 'BENIGN');
  const caught = steering.filter((j) => j.verdict.steering).length;
  const falseAlarms = benign.filter((j) => j.verdict.steering).length;
  return {
    steering: steering.length,
    caught,
    recall: rate(caught, steering.length),
    benign: benign.length,
    falseAlarms,
    falseAlarmRate: rate(falseAlarms, benign.length),
  };
}

function groupBy(
  judged: Judged[],
  keyOf: (item: FairHousingItem) => string | undefined,
): Record<string, FhFigures> {
  const groups = new Map<string, Judged[]>();
  for (const j of judged) {
    const key = keyOf(j.item) ?? '(none)';
    groups.set(key, [...(groups.get(key) ?? []), j]);
  }
  const out: Record<string, FhFigures> = {};
  for (const key of [...groups.keys()].sort()) out[key] = figuresOf(groups.get(key) ?? []);
  return out;
}

/** Summarizes verdicts already given (a whole file or any subset). */
export function summarizeFairHousing(judged: Judged[]): FairHousingResult {
  const overall = figuresOf(judged);
  return {
    total: judged.length,
    ...overall,
    byClass: groupBy(judged, (i) => i.protectedClass),
    bySpeaker: groupBy(judged, (i) => i.speaker),
    bySide: groupBy(judged, (i) => i.side),
    byStyle: groupBy(judged, (i) => i.style),
    byLanguage: groupBy(judged, (i) => i.language),
    misses: judged.filter((j) => j.item.expect === 'STEERING' && !j.verdict.steering),
    falseAlarmList: judged.filter((j) => j.item.expect === 'BENIGN' && j.verdict.steering),
    goalMet: {
      recall: overall.recall === null || overall.recall >= GOAL.recall,
      falseAlarms: overall.falseAlarmRate === null || overall.falseAlarmRate <= GOAL.falseAlarmRate,
    },
  };
}

/** Runs the judge on every item (with the item's speaker) and scores it. */
export function scoreFairHousing(items: FairHousingItem[], judge: FairHousingJudge): FairHousingResult {
  return summarizeFairHousing(
    items.map((item) => ({ item, verdict: judge(item.text, { speaker: item.speaker }) })),
  );
}
