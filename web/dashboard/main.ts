/**
 * The manager dashboard (served at /dashboard): sign in with a member token or an API key (kept in
 * sessionStorage, this tab only), then the agents table, the analytics charts, alerts and billing — all
 * from the GraphQL API with that credential, so the API alone decides which locations and agents appear.
 * The location and period filters re-query; a refused credential signs out with a message.
 */
import './dashboard.css';
import { ApiError, createApi, type Api } from './api';
import { agentTotals, agentsTable, loadAgents, type Range } from './agents';
import { startAlerts, type AlertPoller } from './alerts';
import { loadBilling } from './billing';
import { chartFigure, chartSpecs } from './charts';
import { busy, el, errorNote, fill } from './dom';
import { LOCATIONS, SERIES, VIEWER, type LocationRow, type Point, type Viewer } from './queries';

const STORAGE_KEY = 'coaching-dashboard.credential';
const DAY_MS = 86_400_000;

interface Session {
  api: Api;
  viewer: Viewer;
  locations: LocationRow[];
  alerts?: AlertPoller;
  generation: number;
}

let session: Session | undefined;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function endpoint(): string {
  return $('main').dataset['graphqlPath'] ?? '/graphql';
}

/** The chosen period: N whole UTC days ending with today. */
function currentRange(): Range & { days: number } {
  const days = Number($<HTMLSelectElement>('period').value) || 30;
  const now = new Date();
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  const locationId = $<HTMLSelectElement>('location').value || null;
  return {
    days,
    from: new Date(to - days * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
    locationId,
  };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function signOut(reason?: string): void {
  session?.alerts?.stop();
  session = undefined;
  sessionStorage.removeItem(STORAGE_KEY);
  $('dashboard').hidden = true;
  $('dashboard').removeAttribute('data-state');
  $('sign-in').hidden = false;
  $<HTMLInputElement>('credential').value = '';
  $('sign-in-error').textContent = reason ?? '';
  $('status').textContent = '';
  $('alerts-live').textContent = '';
  for (const id of ['agents', 'charts', 'alerts', 'billing']) fill(id);
  $('credential').focus();
}

function refused(err: ApiError): void {
  signOut(err.message);
}

function fillLocations(locations: LocationRow[]): void {
  const select = $<HTMLSelectElement>('location');
  select.replaceChildren(el('option', { value: '' }, 'All visible locations'));
  for (const l of [...locations].sort((a, b) => a.name.localeCompare(b.name)))
    select.append(el('option', { value: l.id }, l.name));
}

function whoText(v: Viewer, locations: LocationRow[]): string {
  const org = v.organization?.name ?? 'your organization';
  const where =
    v.locationIds === null
      ? 'every location of the tenant'
      : `${locations.length} location${locations.length === 1 ? '' : 's'} (${locations.map((l) => l.name).join(', ') || 'none'})`;
  return `${v.role} of ${org}, seeing ${where}. Scopes: ${v.scopes.join(', ')}.`;
}

async function signIn(credential: string): Promise<void> {
  $('sign-in-error').textContent = '';
  const api = createApi(endpoint(), credential);
  let viewer: Viewer;
  try {
    viewer = (await api.query<{ viewer: Viewer }>(VIEWER)).viewer;
  } catch (err) {
    sessionStorage.removeItem(STORAGE_KEY);
    $('sign-in-error').textContent = message(err);
    $('credential').focus();
    return;
  }
  sessionStorage.setItem(STORAGE_KEY, credential);
  let locations: LocationRow[] = [];
  let locationError = '';
  try {
    locations = (await api.query<{ locations: LocationRow[] }>(LOCATIONS)).locations;
  } catch (err) {
    if (err instanceof ApiError && err.refused) return refused(err);
    locationError = ` Locations could not be listed: ${message(err)}`;
  }
  session = { api, viewer, locations, generation: 0 };
  fillLocations(locations);
  $('who-text').textContent = whoText(viewer, locations) + locationError;
  $('sign-in').hidden = true;
  $('dashboard').hidden = false;
  $('who-heading').focus();
  const names = new Map(locations.map((l) => [l.id, l.name]));
  session.alerts = startAlerts(
    api,
    () => currentRange().from,
    () => currentRange().locationId,
    names,
    refused,
  );
  void loadBillingSection(session);
  await reload();
}

async function loadBillingSection(s: Session): Promise<void> {
  busy('billing');
  try {
    const blocks = await loadBilling(s.api, s.viewer.scopes);
    if (session === s) fill('billing', ...blocks);
  } catch (err) {
    if (err instanceof ApiError && err.refused) refused(err);
    else if (session === s) fill('billing', errorNote(message(err)));
  }
}

/** Re-queries the agents and the series for the current filters; a newer reload wins. */
async function reload(): Promise<void> {
  const s = session;
  if (!s) return;
  const generation = ++s.generation;
  const range = currentRange();
  const label = `last ${range.days} days`;
  const where = range.locationId
    ? (s.locations.find((l) => l.id === range.locationId)?.name ?? 'the chosen location')
    : 'all visible locations';
  $('dashboard').setAttribute('data-state', 'loading');
  $('status').textContent = `Loading ${where}, ${label}…`;
  busy('agents');
  busy('charts');
  const filter = {
    from: range.from,
    to: range.to,
    ...(range.locationId ? { locationId: range.locationId } : {}),
  };
  const [agents, series] = await Promise.allSettled([
    loadAgents(s.api, range),
    s.api.query<{ analytics: Point[] }>(SERIES, { filter }),
  ]);
  if (session !== s || generation !== s.generation) return;
  for (const r of [agents, series])
    if (r.status === 'rejected' && r.reason instanceof ApiError && r.reason.refused) return refused(r.reason);
  if (agents.status === 'fulfilled') {
    fill('agents', agentTotals(agents.value), agentsTable(agents.value, label));
  } else fill('agents', errorNote(message(agents.reason)));
  if (series.status === 'fulfilled') {
    const points = series.value.analytics;
    const width = Math.max(280, Math.min(900, $('charts').clientWidth - 32));
    fill('charts', ...chartSpecs(points).map((spec) => chartFigure(spec, points, width, range)));
  } else fill('charts', errorNote(message(series.reason)));
  $('status').textContent = `Showing ${where}, ${label}.`;
  $('dashboard').setAttribute('data-state', 'ready');
  $('dashboard').setAttribute('data-location', range.locationId ?? '');
  $('dashboard').setAttribute('data-period', String(range.days));
}

function start(): void {
  $<HTMLFormElement>('sign-in-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const credential = $<HTMLInputElement>('credential').value.trim();
    if (!credential) {
      $('sign-in-error').textContent = 'Enter a member token or an API key.';
      $('credential').focus();
      return;
    }
    void signIn(credential);
  });
  $('sign-out').addEventListener('click', () => signOut('Signed out.'));
  $<HTMLFormElement>('filter-form').addEventListener('submit', (e) => e.preventDefault());
  for (const id of ['location', 'period'])
    $(id).addEventListener('change', () => {
      void session?.alerts?.refresh();
      void reload();
    });
  const saved = sessionStorage.getItem(STORAGE_KEY);
  if (saved) void signIn(saved);
}

start();
