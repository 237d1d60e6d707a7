/**
 * Alerts: `alerts(from, to)` polled every 10 seconds (the API has no alert subscription). The first answer
 * fills the list quietly; an alert id not seen before is announced through the assertive live region
 * (#alerts-live) and marked new in the list. With a location chosen, that location's alerts and the
 * tenant-wide ones are listed. Polling stops on sign-out or when the credential is refused.
 */
import { ApiError, type Api } from './api';
import { el, errorNote, fill, int, microsToDollars, ms, pct, table, when } from './dom';
import { ALERTS, type AlertRow } from './queries';

export const ALERT_POLL_MS = 10_000;

const KIND_LABEL: Record<AlertRow['kind'], string> = {
  P95_LATENCY: 'Hint latency p95 above threshold',
  DAILY_COST: 'Daily model cost above threshold',
  ACCEPTANCE_DROP: 'Acceptance rate dropped',
};

function figure(a: AlertRow, v: number): string {
  if (a.kind === 'P95_LATENCY') return ms(v);
  if (a.kind === 'DAILY_COST') return microsToDollars(v);
  return pct(v);
}

export function describeAlert(a: AlertRow, locations: Map<string, string>): string {
  const where = a.locationId ? (locations.get(a.locationId) ?? 'a location') : 'all locations';
  return `${KIND_LABEL[a.kind]} at ${where}: ${figure(a, a.value)} (threshold ${figure(a, a.threshold)})`;
}

export interface AlertPoller {
  stop(): void;
  /** Polls now, quietly (the period changed); resolves once rendered. */
  refresh(): Promise<void>;
}

export function startAlerts(
  api: Api,
  fromIso: () => string,
  /** The chosen location: its alerts and the tenant-wide ones are listed (a view choice; the API decides what is visible). */
  chosenLocation: () => string | null,
  locations: Map<string, string>,
  onRefused: (err: ApiError) => void,
): AlertPoller {
  const seen = new Set<string>();
  let first = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const render = (alerts: AlertRow[], fresh: Set<string>) => {
    if (alerts.length === 0) {
      fill('alerts', el('p', { id: 'alerts-empty' }, 'No alerts fired in this period.'));
      return;
    }
    const rows = alerts.map((a) => [
      when(a.raisedAt),
      (fresh.has(a.id) ? 'New: ' : '') + KIND_LABEL[a.kind],
      a.locationId ? (locations.get(a.locationId) ?? a.locationId) : 'All locations',
      `${figure(a, a.value)} / ${figure(a, a.threshold)}`,
      `${when(a.windowStart)} – ${when(a.windowEnd)}`,
    ]);
    fill(
      'alerts',
      table(
        `${int(alerts.length)} alerts, newest first`,
        ['Raised', 'Alert', 'Location', 'Value / threshold', 'Window'],
        rows,
        {
          id: 'alerts-table',
        },
      ),
    );
  };

  const poll = async () => {
    try {
      const to = new Date(Date.now() + 3_600_000).toISOString();
      const answer = await api.query<{ alerts: AlertRow[] }>(ALERTS, { from: fromIso(), to });
      const where = chosenLocation();
      const alerts = answer.alerts.filter((a) => !where || a.locationId === null || a.locationId === where);
      alerts.sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
      const fresh = new Set(alerts.filter((a) => !seen.has(a.id)).map((a) => a.id));
      for (const a of alerts) seen.add(a.id);
      if (!stopped) render(alerts, first ? new Set() : fresh);
      if (!first && fresh.size > 0) {
        const news = alerts.filter((a) => fresh.has(a.id)).map((a) => describeAlert(a, locations));
        const live = document.getElementById('alerts-live');
        if (live) live.textContent = `New alert${news.length > 1 ? 's' : ''}: ${news.join('. ')}.`;
      }
      first = false;
    } catch (err) {
      if (err instanceof ApiError && err.refused) return onRefused(err);
      if (!stopped) fill('alerts', errorNote(err instanceof Error ? err.message : String(err)));
    }
  };

  const loop = async () => {
    await poll();
    if (!stopped) timer = setTimeout(() => void loop(), ALERT_POLL_MS);
  };
  void loop();

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    async refresh() {
      first = true; // a wider period lists older alerts: they did not just fire, so stay quiet
      await poll();
    },
  };
}
