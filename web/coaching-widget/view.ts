/**
 * The widget's shadow DOM: a branded header with the connection state, the qualification (slots known and
 * the next question to ask), an alert line, the hints (newest first, each with a category badge and
 * Accept / Dismiss) and a polite live region that announces each completed hint. Hints are updated in
 * place, so a focused button keeps its focus while other hints stream.
 */
import { WIDGET_CSS } from './styles';
import type { HintStatus, HintView } from './hints';
import {
  humanize,
  normalizeHex,
  qualificationText,
  readableTextOn,
  type QualificationSummary,
} from './logic';
import type { BrandingResult } from './api';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'error';

const STATE_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  error: 'Stopped',
};

let counter = 0;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export type RateHandler = (key: string, verdict: 'ACCEPTED' | 'DISMISSED') => void;

export class WidgetView {
  private readonly uid = `cw${++counter}`;
  private readonly header = el('header', { part: 'header' });
  private readonly logo = el('img', { hidden: '', alt: '' });
  private readonly brand = el('h2', { class: 'brand' }, 'Coaching');
  private readonly state = el('span', { class: 'state', role: 'status', 'data-state': 'connecting' });
  private readonly message = el('p', { class: 'msg', role: 'alert', hidden: '' });
  private readonly progress = el('progress', { max: '1', value: '0' });
  private readonly progressText = el('span', { class: 'muted' }, 'No lead turn yet');
  private readonly next = el('p', { class: 'next', hidden: '' });
  private readonly list = el('ol', { part: 'hints' });
  private readonly empty = el('p', { class: 'empty' }, 'Hints appear here while you talk with the lead.');
  private readonly live = el('div', { class: 'sr', 'aria-live': 'polite', 'aria-atomic': 'true' });
  private readonly nodes = new Map<string, HTMLLIElement>();

  constructor(
    root: ShadowRoot,
    private readonly onRate: RateHandler,
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
    const section = el('section', { class: 'w', part: 'widget', 'aria-labelledby': `${this.uid}-brand` });
    this.brand.id = `${this.uid}-brand`;
    this.header.append(this.logo, this.brand, this.state);
    // a logo that does not load is left out rather than shown broken (its name is in the header anyway)
    this.logo.addEventListener('error', () => (this.logo.hidden = true));
    const progressId = `${this.uid}-qual`;
    this.progress.setAttribute('aria-labelledby', progressId);
    this.progressText.id = progressId;
    const qual = el('div', { class: 'qual', part: 'qualification' });
    const meter = el('div', { class: 'meter' });
    meter.append(this.progress, this.progressText);
    qual.append(meter, this.next);
    const hintsHeading = el('h3', { class: 'sr', id: `${this.uid}-hints` }, 'Coaching hints');
    this.list.setAttribute('aria-labelledby', hintsHeading.id);
    const body = el('div', { class: 'body' });
    body.append(qual, this.message, hintsHeading, this.list, this.empty, this.live);
    section.append(this.header, body);
    root.append(section);
  }

  setState(state: ConnectionState): void {
    this.state.dataset['state'] = state;
    this.state.textContent = STATE_TEXT[state];
  }

  showMessage(text: string | null): void {
    this.message.textContent = text ?? '';
    this.message.hidden = text === null;
  }

  /**
   * Back to a blank widget (another session or credential): no hint, no qualification, no message and the
   * default branding, so nothing of the previous session (or tenant) stays on screen.
   */
  reset(host: HTMLElement): void {
    this.list.replaceChildren();
    this.nodes.clear();
    this.empty.hidden = false;
    this.live.textContent = '';
    this.showMessage(null);
    this.showQualification(null, null);
    this.applyBranding(host, { organizationName: null, branding: null });
    host.style.removeProperty('--cw-primary');
    host.style.removeProperty('--cw-on-primary');
  }

  applyBranding(host: HTMLElement, result: BrandingResult): void {
    const b = result.branding;
    const name = b?.brandName || result.organizationName || 'Coaching';
    this.brand.textContent = name;
    const color = normalizeHex(b?.primaryColor);
    if (color) {
      host.style.setProperty('--cw-primary', color);
      host.style.setProperty('--cw-on-primary', readableTextOn(color));
    }
    if (b?.logoUrl && /^https:\/\//i.test(b.logoUrl)) {
      this.logo.src = b.logoUrl;
      this.logo.alt = `${name} logo`;
      this.logo.hidden = false;
    } else {
      this.logo.hidden = true;
      this.logo.removeAttribute('src');
    }
  }

  showQualification(stage: string | null, q: QualificationSummary | null): void {
    const stageText = stage ? ` · ${humanize(stage)}` : '';
    if (!q) {
      this.progress.max = 1;
      this.progress.value = 0;
      this.progressText.textContent = `No lead turn yet${stageText}`;
      this.next.hidden = true;
      return;
    }
    this.progress.max = 100;
    this.progress.value = q.score;
    this.progressText.textContent = `${qualificationText(q)}${stageText}`;
    this.next.replaceChildren();
    if (q.nextQuestion) {
      this.next.append(el('strong', {}, 'Ask next: '), document.createTextNode(q.nextQuestion));
      this.next.hidden = false;
    } else {
      this.next.hidden = true;
    }
  }

  /** Shows `views` (newest first), updating existing nodes in place. */
  render(views: readonly HintView[], removed: readonly string[]): void {
    for (const key of removed) {
      this.nodes.get(key)?.remove();
      this.nodes.delete(key);
    }
    // moving a node blurs what is focused inside it: a keyboard user must not lose their place when hints arrive
    const root = this.list.getRootNode() as Document | ShadowRoot;
    const focused = root.activeElement instanceof HTMLElement ? root.activeElement : null;
    let before: ChildNode | null = this.list.firstChild;
    for (const view of views) {
      let node = this.nodes.get(view.key);
      if (!node) {
        node = this.hintNode(view.key);
        this.nodes.set(view.key, node);
      }
      this.fill(node, view);
      if (node !== before) this.list.insertBefore(node, before);
      before = node.nextSibling;
    }
    this.empty.hidden = views.length > 0;
    if (focused && focused.isConnected && root.activeElement !== focused) focused.focus();
  }

  announce(view: HintView): void {
    this.live.textContent = `New ${humanize(view.category ?? 'hint')} hint: ${view.text}`;
  }

  private hintNode(key: string): HTMLLIElement {
    const n = ++counter;
    const li = el('li', { 'data-key': key, part: 'hint' });
    const badge = el('span', { class: 'badge' });
    const text = el('p', { class: 'text', id: `${this.uid}-t${n}` });
    const actions = el('div', { class: 'actions' });
    const accept = el('button', { type: 'button', class: 'accept', 'aria-pressed': 'false' }, 'Accept');
    const dismiss = el('button', { type: 'button', class: 'dismiss', 'aria-pressed': 'false' }, 'Dismiss');
    for (const b of [accept, dismiss]) b.setAttribute('aria-describedby', text.id);
    accept.addEventListener('click', () => this.onRate(key, 'ACCEPTED'));
    dismiss.addEventListener('click', () => this.onRate(key, 'DISMISSED'));
    actions.append(accept, dismiss);
    li.append(badge, text, actions);
    return li;
  }

  private fill(li: HTMLLIElement, view: HintView): void {
    li.dataset['phase'] = view.phase;
    li.dataset['deltas'] = String(view.deltas);
    li.dataset['status'] = view.status;
    if (view.id) li.dataset['hintId'] = view.id;
    else delete li.dataset['hintId'];
    const [badge, text, actions] = [li.children[0]!, li.children[1]!, li.children[2] as HTMLElement];
    badge.textContent = view.category ? humanize(view.category) : 'Writing…';
    if (view.category) (badge as HTMLElement).dataset['category'] = view.category;
    text.textContent = view.text;
    actions.hidden = view.phase !== 'complete';
    setPressed(actions, view.status);
  }

  setBusy(key: string, busy: boolean): void {
    const li = this.nodes.get(key);
    li?.querySelectorAll('button').forEach((b) => b.setAttribute('aria-busy', String(busy)));
  }
}

function setPressed(actions: HTMLElement, status: HintStatus): void {
  const [accept, dismiss] = [actions.children[0]!, actions.children[1]!];
  accept.setAttribute('aria-pressed', String(status === 'ACCEPTED'));
  dismiss.setAttribute('aria-pressed', String(status === 'DISMISSED'));
  accept.textContent = status === 'ACCEPTED' ? 'Accepted' : 'Accept';
  dismiss.textContent = status === 'DISMISSED' ? 'Dismissed' : 'Dismiss';
}
