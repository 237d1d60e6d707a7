/** Small DOM and formatting helpers: text always goes in as text nodes, never as markup. */

type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'number' ? String(c) : c);
  }
  return node;
}

/** A table with a caption, column headers (scope=col) and rows whose first cell is a row header. */
export function table(caption: string, head: string[], rows: Child[][], attrs: Record<string, string> = {}) {
  return el(
    'table',
    attrs,
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))),
      ),
    ),
  );
}

/** Replaces a section's body with `nodes`, clearing its busy state. */
export function fill(section: string, ...nodes: Node[]): void {
  const s = document.getElementById(section);
  const body = s?.querySelector('.body');
  if (!s || !body) return;
  body.replaceChildren(...nodes);
  s.setAttribute('aria-busy', 'false');
}

export function busy(section: string): void {
  document.getElementById(section)?.setAttribute('aria-busy', 'true');
}

export function errorNote(message: string): HTMLElement {
  return el('p', { class: 'error', role: 'alert' }, message);
}

const DASH = '—';

export function pct(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? DASH : `${(rate * 100).toFixed(1)}%`;
}

export function ms(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : `${Math.round(value).toLocaleString('en-US')} ms`;
}

/** Micros (1 cent = 10,000 micros) as dollars with four decimals: model costs are small. */
export function microsToDollars(micros: number): string {
  return `$${(micros / 1_000_000).toFixed(4)}`;
}

export function cents(value: number): string {
  return `$${(value / 100).toFixed(2)}`;
}

export function int(value: number): string {
  return value.toLocaleString('en-US');
}

export function day(iso: string): string {
  return iso.slice(0, 10);
}

export function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
