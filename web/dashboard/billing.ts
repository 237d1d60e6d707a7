/**
 * Quota and invoices (billing, `billing:read`): the caller's organization's plan, subscription and usage
 * of the current period (`viewer.organization.billing`), and `invoices`. Each is asked separately, so a
 * credential without billing:read still sees the rest of the dashboard and a sentence naming the scope.
 * The quota is read through `viewer.organization`, which the API answers with null (no error) for a
 * credential without tenants:read or tenants:admin: the sentence then names the scopes the credential lacks.
 */
import { ApiError, type Api } from './api';
import { cents, day, el, errorNote, int, microsToDollars, table, when } from './dom';
import { INVOICES, QUOTA, type Billing, type InvoiceRow } from './queries';

type Quota = { viewer: { organization: { name: string; billing: Billing | null } | null } };

/** Why the organization came back null: the scopes (of those the quota needs) the credential lacks. */
export function quotaMissingScopes(scopes: readonly string[]): string[] {
  const missing: string[] = [];
  if (!scopes.includes('tenants:read') && !scopes.includes('tenants:admin')) missing.push('tenants:read');
  if (!scopes.includes('billing:read')) missing.push('billing:read');
  return missing;
}

function lacking(missing: string[]): HTMLElement {
  const what = missing.length === 1 ? `the scope ${missing[0]}` : `the scopes ${missing.join(' and ')}`;
  return failure('Quota', new Error(`Not allowed: this credential lacks ${what}.`), 'quota');
}

function quotaBlock(q: Quota, scopes: readonly string[]): HTMLElement {
  const org = q.viewer.organization;
  const b = org?.billing;
  const missing = quotaMissingScopes(scopes);
  if (!org && missing.length > 0) return lacking(missing);
  if (!org || !b) return el('p', { id: 'quota' }, 'No billing plan is visible for your organization.');
  const u = b.usage;
  const used = u.limit > 0 ? Math.min(1, u.hintsUsed / u.limit) : 0;
  return el(
    'div',
    { id: 'quota' },
    el('h3', {}, `Quota of ${org.name}`),
    el(
      'p',
      {},
      `Plan ${b.plan.name} (${b.subscription.status.toLowerCase()}), period ${day(b.subscription.currentPeriodStart)} to ${day(b.subscription.currentPeriodEnd)}.`,
    ),
    el(
      'label',
      { for: 'quota-meter' },
      `Hints used: ${int(u.hintsUsed)} of ${int(u.limit)} (${int(u.remaining)} left)`,
    ),
    el('meter', {
      id: 'quota-meter',
      min: '0',
      max: String(Math.max(1, u.limit)),
      value: String(u.hintsUsed),
      high: String(Math.max(1, u.included)),
      'data-used': String(used),
    }),
    el(
      'dl',
      {},
      el('dt', {}, 'Included hints'),
      el('dd', {}, int(u.included)),
      el('dt', {}, 'Tokens used'),
      el('dd', {}, `${int(u.tokensUsed)} of ${int(u.tokenAllowance)}`),
      el('dt', {}, 'Model cost this period'),
      el('dd', {}, microsToDollars(u.costMicros)),
      el('dt', {}, 'Quota resets'),
      el('dd', {}, when(u.resetsAt)),
    ),
  );
}

function invoicesBlock(invoices: InvoiceRow[]): HTMLElement {
  if (invoices.length === 0)
    return el('div', { id: 'invoices' }, el('h3', {}, 'Invoices'), el('p', {}, 'No invoices issued yet.'));
  const rows = invoices.map((i) => [
    `${day(i.periodStart)} – ${day(i.periodEnd)}`,
    i.planCode,
    int(i.hints),
    microsToDollars(i.costMicros),
    cents(i.totalCents),
    day(i.issuedAt),
  ]);
  return el(
    'div',
    { id: 'invoices' },
    el('h3', {}, 'Invoices'),
    table('Invoices, newest first', ['Period', 'Plan', 'Hints', 'Model cost', 'Total', 'Issued'], rows),
  );
}

function failure(title: string, err: unknown, id?: string): HTMLElement {
  return el('div', { id }, el('h3', {}, title), errorNote(err instanceof Error ? err.message : String(err)));
}

/** Renders both blocks into the billing section (`scopes`: the viewer's); rethrows a refused credential. */
export async function loadBilling(api: Api, scopes: readonly string[]): Promise<HTMLElement[]> {
  const [quota, invoices] = await Promise.allSettled([
    api.query<Quota>(QUOTA),
    api.query<{ invoices: InvoiceRow[] }>(INVOICES),
  ]);
  for (const r of [quota, invoices])
    if (r.status === 'rejected' && r.reason instanceof ApiError && r.reason.refused) throw r.reason;
  return [
    quota.status === 'fulfilled' ? quotaBlock(quota.value, scopes) : failure('Quota', quota.reason, 'quota'),
    invoices.status === 'fulfilled'
      ? invoicesBlock(invoices.value.invoices)
      : failure('Invoices', invoices.reason, 'invoices'),
  ];
}
