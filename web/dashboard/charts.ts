/**
 * Time-series charts drawn with uPlot from `analytics(granularity: DAY)` points, exactly as the API
 * returned them (days without coaching have no point). Each chart is a <figure> with a caption, an
 * aria-label summary on the plot and the same numbers as a data table, so it reads without sight. The
 * arrays handed to uPlot are mirrored in `data-plotted` (what is drawn, for tests and debugging).
 */
import uPlot from 'uplot';
import { day, el, int, ms, pct, table } from './dom';
import type { Point } from './queries';

const COLORS = ['#1f5fbf', '#b3261e', '#2e7d32'];

interface SeriesSpec {
  label: string;
  values: (number | null)[];
  scale: string;
  format: (v: number | null) => string;
  /** Drawn as bars (counts) rather than a line with points. */
  bars?: boolean;
}

interface ChartSpec {
  id: string;
  title: string;
  series: SeriesSpec[];
  axes: { scale: string; label: string; side: 1 | 3 }[];
}

function seconds(points: Point[]): number[] {
  return points.map((p) => Date.parse(p.start) / 1000);
}

function summary(spec: ChartSpec, points: Point[]): string {
  if (points.length === 0) return `${spec.title}: no data in this period.`;
  const parts = spec.series.map((s) => {
    const known = s.values.filter((v): v is number => v !== null);
    if (known.length === 0) return `${s.label}: no values`;
    return `${s.label} from ${s.format(Math.min(...known))} to ${s.format(Math.max(...known))}`;
  });
  const span = `${day(points[0]!.start)} to ${day(points[points.length - 1]!.start)}`;
  return `${spec.title}, ${points.length} day${points.length === 1 ? '' : 's'} with data, ${span}: ${parts.join('; ')}.`;
}

/** The period on the x axis, in seconds: a day of margin before the first day's start and after the last's. */
export interface Period {
  from: string;
  to: string;
}

function xRange(period: Period): [number, number] {
  return [Date.parse(period.from) / 1000 - 86_400, Date.parse(period.to) / 1000];
}

function plotOptions(spec: ChartSpec, width: number, period: Period): uPlot.Options {
  return {
    width,
    height: 240,
    legend: { show: false },
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: {
      x: { time: true, range: () => xRange(period) },
      // counts and latencies from zero, rates on 0–100 %: no exaggerated slopes
      n: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.15] },
      ms: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.15] },
      '%': { range: [0, 100] },
    },
    series: [
      {},
      ...spec.series.map((s, i) => ({
        label: s.label,
        scale: s.scale,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        ...(s.bars
          ? {
              fill: `${COLORS[i % COLORS.length]}66`,
              paths: uPlot.paths.bars?.({ size: [0.6, 16] }),
              points: { show: false },
            }
          : { points: { show: true, size: 8 } }),
      })),
    ],
    axes: [
      {},
      ...spec.axes.map((a) => ({
        scale: a.scale,
        label: a.label,
        side: a.side,
        grid: { show: a.side === 3 },
      })),
    ],
  };
}

function legend(spec: ChartSpec): HTMLElement {
  return el(
    'ul',
    { class: 'legend' },
    ...spec.series.map((s, i) =>
      el(
        'li',
        {},
        el('span', { class: 'swatch', style: `background:${COLORS[i % COLORS.length]}` }),
        s.label,
      ),
    ),
  );
}

/** One chart: the figure, its uPlot canvas (when there is data) and its data table. */
export function chartFigure(spec: ChartSpec, points: Point[], width: number, period: Period): HTMLElement {
  const text = summary(spec, points);
  const plotBox = el('div', { class: 'plot', role: 'img', 'aria-label': text });
  const figure = el(
    'figure',
    { id: spec.id, 'data-points': String(points.length) },
    el('figcaption', {}, el('h3', {}, spec.title), legend(spec)),
    plotBox,
  );
  if (points.length > 0) {
    const data: uPlot.AlignedData = [seconds(points), ...spec.series.map((s) => s.values)];
    const plot = new uPlot(plotOptions(spec, width, period), data, plotBox);
    figure.setAttribute('data-plotted', JSON.stringify(plot.data));
  } else {
    plotBox.append(el('p', {}, text));
    figure.setAttribute('data-plotted', '[]');
  }
  const rows = points.map((p, i) => [day(p.start), ...spec.series.map((s) => s.format(s.values[i] ?? null))]);
  figure.append(
    el(
      'details',
      {},
      el('summary', {}, `Data table: ${spec.title}`),
      table(spec.title, ['Day (UTC)', ...spec.series.map((s) => s.label)], rows, { class: 'data' }),
    ),
  );
  return figure;
}

const nz = (v: number | null | undefined): number | null => (v === undefined ? null : v);

export function chartSpecs(points: Point[]): ChartSpec[] {
  return [
    {
      id: 'chart-hints',
      title: 'Hints delivered and acceptance rate per day',
      series: [
        {
          label: 'Hints delivered',
          values: points.map((p) => p.hintsDelivered),
          scale: 'n',
          format: (v) => (v === null ? '—' : int(v)),
          bars: true,
        },
        {
          label: 'Acceptance rate (%)',
          values: points.map((p) =>
            p.acceptanceRate === null ? null : Math.round(p.acceptanceRate * 1000) / 10,
          ),
          scale: '%',
          format: (v) => (v === null ? '—' : pct(v / 100)),
        },
      ],
      axes: [
        { scale: 'n', label: 'Hints', side: 3 },
        { scale: '%', label: 'Acceptance %', side: 1 },
      ],
    },
    {
      id: 'chart-latency',
      title: 'Hint latency per day (p50 and p95)',
      series: [
        { label: 'Latency p50 (ms)', values: points.map((p) => nz(p.latencyP50Ms)), scale: 'ms', format: ms },
        { label: 'Latency p95 (ms)', values: points.map((p) => nz(p.latencyP95Ms)), scale: 'ms', format: ms },
      ],
      axes: [{ scale: 'ms', label: 'Milliseconds', side: 3 }],
    },
  ];
}
