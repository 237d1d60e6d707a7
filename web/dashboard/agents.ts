/**
 * The agents table: every agent the API lists for this credential (and the chosen location), with
 * `Agent.performance(from, to)` from analytics — acceptance rate, p95 hint latency, model cost and
 * qualification completion. Pages of 100 are followed until the API says there are no more. A credential
 * that may list agents but lacks analytics:read still sees them (names, locations), the figures marked as
 * unavailable for that scope.
 */
import { ApiError, type Api } from './api';
import { el, int, microsToDollars, ms, pct, table } from './dom';
import { AGENTS, AGENTS_ONLY, type AgentRow, type AgentsPage } from './queries';

const PAGE = 100;
const MAX_PAGES = 20;

export interface Range {
  from: string;
  to: string;
  locationId: string | null;
}

export interface AgentList {
  rows: AgentRow[];
  total: number;
  /** The scope the figures need and the credential lacks; the rows then carry no performance. */
  figuresMissingScope?: string;
}

async function pages(api: Api, query: string, range: Range, figures: boolean): Promise<AgentList> {
  const rows: AgentRow[] = [];
  let after: string | null = null;
  let total = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: AgentsPage = await api.query<AgentsPage>(query, {
      first: PAGE,
      after,
      filter: range.locationId ? { locationId: range.locationId } : null,
      ...(figures ? { from: range.from, to: range.to } : {}),
    });
    total = data.agents.totalCount;
    rows.push(...data.agents.edges.map((e) => e.node));
    if (!data.agents.pageInfo.hasNextPage) break;
    after = data.agents.pageInfo.endCursor;
  }
  return { rows, total };
}

/** The agents with their figures; without analytics:read, the agents alone (what the credential may see). */
export async function loadAgents(api: Api, range: Range): Promise<AgentList> {
  try {
    return await pages(api, AGENTS, range, true);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'FORBIDDEN' || err.scope !== 'analytics:read') throw err;
    return { ...(await pages(api, AGENTS_ONLY, range, false)), figuresMissingScope: err.scope };
  }
}

function locationName(a: AgentRow): string {
  if (a.sharedPool) return 'Shared pool';
  return a.location?.name ?? 'Not visible';
}

export function agentsTable(
  { rows, total, figuresMissingScope }: AgentList,
  periodLabel: string,
): HTMLElement {
  if (rows.length === 0) return el('p', { id: 'agents-empty' }, 'No agents are visible for this selection.');
  const body = rows.map((a) => {
    const p = a.performance;
    return [
      a.name + (a.active ? '' : ' (inactive)'),
      locationName(a),
      p ? int(p.hintsDelivered) : '—',
      p ? pct(p.acceptanceRate) : '—',
      p ? ms(p.latencyP95Ms) : '—',
      p ? microsToDollars(p.costMicros) : '—',
      p ? pct(p.qualificationCompletion) : '—',
    ];
  });
  const t = table(
    `Agents, ${periodLabel}: ${rows.length} of ${total} shown` +
      (figuresMissingScope ? ` (figures unavailable without ${figuresMissingScope})` : ''),
    [
      'Agent',
      'Location',
      'Hints delivered',
      'Acceptance rate',
      'Hint latency p95',
      'Model cost',
      'Qualification completion',
    ],
    body,
    { id: 'agents-table', 'data-count': String(rows.length) },
  );
  return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Agents table' }, t);
}

/** Totals over the listed agents, shown above the table; or why there are no figures. */
export function agentTotals({ rows, figuresMissingScope }: AgentList): HTMLElement {
  if (figuresMissingScope)
    return el(
      'p',
      { id: 'agents-figures-unavailable', class: 'note' },
      `Figures unavailable: this credential lacks the scope ${figuresMissingScope}. The agents it may see are listed without them.`,
    );
  const hints = rows.reduce((n, a) => n + (a.performance?.hintsDelivered ?? 0), 0);
  const cost = rows.reduce((n, a) => n + (a.performance?.costMicros ?? 0), 0);
  return el(
    'p',
    { id: 'agents-totals' },
    `${int(hints)} hints delivered, model cost ${microsToDollars(cost)}.`,
  );
}
