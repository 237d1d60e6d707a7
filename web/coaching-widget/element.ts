/**
 * `<coaching-widget session-id="…" token="…" [endpoint="https://…/graphql"]>`: live coaching hints for one
 * agent session, in any page. It subscribes to `coachingHints` and `sessionUpdated` over graphql-ws with
 * the token as connectionParams, fetches the session's state, newest hints and the caller's organization
 * branding over HTTP, and rates hints with `rateHint`. A dropped socket is retried with exponential backoff
 * and jitter ("Reconnecting…"); on reconnect both subscriptions resume and missed hints are fetched, keyed
 * by id so none shows twice. A refused credential (close 4401/4403, UNAUTHENTICATED, FORBIDDEN), a bad
 * request (BAD_USER_INPUT, e.g. a malformed session id) or a session still NOT_FOUND after a few tries stops
 * it with a message; RATE_LIMITED waits what the API asks. The backoff grows until the subscription has
 * proved healthy (an event arrived, or it stayed open 10 s). Changing `session-id`, `token` or `endpoint`
 * starts over on a blank widget. Removing the element closes the socket.
 */
import { createClient, type Client } from 'graphql-ws';
import { HintBoard, type BoardChange, type HintEventMessage } from './hints';
import {
  connectionParams,
  isAuthClose,
  resolveEndpoints,
  RetryPolicy,
  summarizeQualification,
  type FailureInfo,
} from './logic';
import {
  ApiError,
  apiErrorOf,
  fetchBranding,
  fetchState,
  HINTS_SUBSCRIPTION,
  rateHint,
  SESSION_SUBSCRIPTION,
  type GraphQLErrorLike,
  type SessionState,
} from './api';
import { WidgetView } from './view';

/** The src of the script that defined the element (its origin is the default API origin). */
export function widgetScriptSrc(): string | null {
  const current = document.currentScript as HTMLScriptElement | null;
  if (current?.src) return current.src;
  const scripts = document.querySelectorAll<HTMLScriptElement>('script[src*="coaching-widget"]');
  return scripts.length ? scripts[scripts.length - 1]!.src : null;
}

const SCRIPT_SRC = typeof document === 'undefined' ? null : widgetScriptSrc();
/** A subscription open this long without an error counts as healthy (the backoff starts over). */
const HEALTHY_AFTER_MS = 10_000;
const EPOCH = new Date(0).toISOString();
const STOP_TEXT = {
  credential: (m: string) => `Not allowed: ${m}. Check the widget's token.`,
  input: (m: string) => `This widget cannot show coaching: ${m}. Check its session-id.`,
  'not-found': (m: string) => `Session not found: ${m}`,
};

function closeCode(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'number'
    ? err.code
    : undefined;
}

export class CoachingWidget extends HTMLElement {
  static readonly observedAttributes = ['session-id', 'token', 'endpoint'];

  private readonly view: WidgetView;
  private board = new HintBoard();
  private client: Client | null = null;
  private unsubscribers: (() => void)[] = [];
  private abort: AbortController | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private healthyTimer: ReturnType<typeof setTimeout> | undefined;
  private connects = 0;
  private retry = new RetryPolicy();
  private restartPending = false;
  private hintVars: { id: string; since: string } = { id: '', since: EPOCH };
  /** Bumped by every start: a reply for an earlier session or credential is dropped. */
  private generation = 0;
  private stopped = true;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.view = new WidgetView(root, (key, verdict) => void this.rate(key, verdict));
  }

  connectedCallback(): void {
    this.start();
  }

  disconnectedCallback(): void {
    this.stop();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (old !== value && this.isConnected && !this.stopped) {
      this.stop();
      this.start();
    }
  }

  private get endpoints() {
    return resolveEndpoints(this.getAttribute('endpoint'), SCRIPT_SRC, location.href);
  }

  private get token(): string {
    return this.getAttribute('token') ?? '';
  }

  private get sessionId(): string {
    return this.getAttribute('session-id') ?? '';
  }

  private start(): void {
    this.stopped = false;
    this.generation += 1;
    this.board = new HintBoard();
    this.retry = new RetryPolicy();
    this.view.reset(this);
    if (!this.sessionId || !this.token) {
      this.fail('Set the session-id and token attributes to show coaching hints.');
      return;
    }
    this.abort = new AbortController();
    this.view.setState('connecting');
    void this.loadBranding(this.abort.signal);
    this.connect();
  }

  private stop(): void {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    clearTimeout(this.healthyTimer);
    this.abort?.abort();
    this.abort = null;
    for (const u of this.unsubscribers.splice(0)) u();
    void this.client?.dispose();
    this.client = null;
    this.connects = 0;
  }

  /**
   * The session's state and newest hints over HTTP first, then the socket: the hints subscription passes
   * `since` = the newest hint the widget has (the epoch when it has none), so a hint made between the fetch
   * and the server registering the subscription is replayed rather than lost.
   */
  private connect(): void {
    const generation = this.generation;
    this.restartPending = false;
    void this.loadState().then((ok) => {
      if (ok && generation === this.generation && !this.stopped && !this.restartPending) this.openSocket();
    });
  }

  private openSocket(): void {
    const { ws } = this.endpoints;
    const client = createClient({
      url: ws,
      connectionParams: connectionParams(this.token),
      lazy: false,
      keepAlive: 20_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      // the socket's own retries use the same policy: its count survives a connect that is refused at once
      retryWait: () => new Promise((r) => setTimeout(r, this.waitFor({ code: 'NETWORK' }))),
      shouldRetry: (err) => !isAuthClose(closeCode(err)),
      onNonLazyError: (err) => this.onSocketError(err),
      on: {
        connected: () => void this.onConnected(),
        closed: () => {
          clearTimeout(this.healthyTimer);
          if (!this.stopped && this.connects > 0) this.view.setState('reconnecting');
        },
      },
    });
    this.client = client;
    const variables = { id: this.sessionId };
    // graphql-ws serializes the payload again on every resubscribe: keeping `since` current here makes each
    // reconnect replay exactly what is newer than what the widget has
    this.hintVars = { id: this.sessionId, since: this.board.newestCreatedAt ?? EPOCH };
    this.unsubscribers.push(
      client.subscribe<{ coachingHints: HintEventMessage }>(
        { query: HINTS_SUBSCRIPTION, variables: this.hintVars },
        this.sink((data) => this.onHintEvent(data.coachingHints)),
      ),
      client.subscribe<{ sessionUpdated: SessionState }>(
        { query: SESSION_SUBSCRIPTION, variables },
        this.sink((data) => this.showSession(data.sessionUpdated)),
      ),
    );
  }

  private sink<T>(next: (data: T) => void) {
    const generation = this.generation;
    const current = () => generation === this.generation && !this.stopped;
    return {
      next: (msg: { data?: T | null; errors?: readonly GraphQLErrorLike[] }) => {
        if (!current()) return;
        if (msg.errors?.length) this.onApiError(apiErrorOf(msg.errors));
        else if (msg.data) {
          this.retry.healthy();
          next(msg.data);
        }
      },
      error: (err: unknown) => {
        if (current()) this.onSocketError(err);
      },
      complete: () => undefined,
    };
  }

  /** (Re)connected: the subscription replays missed hints; the state fetch brings the qualification. */
  private async onConnected(): Promise<void> {
    const reconnect = this.connects++ > 0;
    clearTimeout(this.healthyTimer);
    this.healthyTimer = setTimeout(() => this.retry.healthy(), HEALTHY_AFTER_MS);
    if (!reconnect) {
      this.view.showMessage(null);
      this.view.setState('live');
    } else if (await this.loadState()) {
      this.view.showMessage(null);
      this.view.setState('live');
    }
  }

  /** Fetches the session's state and newest hints; false (and the error handled) when that failed. */
  private async loadState(): Promise<boolean> {
    const generation = this.generation;
    const signal = this.abort?.signal;
    try {
      const state = await fetchState(this.endpoints.http, this.token, this.sessionId, signal);
      if (this.stopped || generation !== this.generation) return false;
      this.showSession(state);
      this.show(this.board.merge(state.hints, this.connects > 0));
      return true;
    } catch (err) {
      if (!this.stopped && !signal?.aborted && generation === this.generation) this.onApiError(err);
      return false;
    }
  }

  private onHintEvent(e: HintEventMessage): void {
    const change = this.board.apply(e);
    this.show(change);
    if (change.completed) this.view.announce(change.completed);
  }

  private show(change: BoardChange): void {
    this.hintVars.since = this.board.newestCreatedAt ?? EPOCH;
    if (change.changed.length || change.removed.length) this.view.render(this.board.list(), change.removed);
  }

  private showSession(s: SessionState): void {
    this.view.showQualification(s.stage, summarizeQualification(s.qualification));
  }

  private async loadBranding(signal: AbortSignal): Promise<void> {
    try {
      this.view.applyBranding(this, await fetchBranding(this.endpoints.http, this.token, signal));
    } catch {
      // branding is decoration: the defaults stay; credential problems are reported by the socket
    }
  }

  private async rate(key: string, verdict: 'ACCEPTED' | 'DISMISSED'): Promise<void> {
    const view = this.board.get(key);
    if (!view?.id) return;
    this.view.setBusy(key, true);
    try {
      const rated = await rateHint(this.endpoints.http, this.token, view.id, verdict);
      this.board.setStatus(key, rated.status);
      this.view.render(this.board.list(), []);
      this.view.showMessage(null);
    } catch (err) {
      this.view.showMessage(
        `Could not save your rating: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      this.view.setBusy(key, false);
    }
  }

  /** The wait before the next try (also counts the failure). */
  private waitFor(info: FailureInfo): number {
    const decision = this.retry.decide(info, Math.random());
    return 'waitMs' in decision ? decision.waitMs : 0;
  }

  private onApiError(err: unknown): void {
    // a restart is planned already: this is the torn-down connection's other reply; the next one will tell
    if (this.restartPending) return;
    const info: FailureInfo =
      err instanceof ApiError
        ? { code: err.code, retryAfterSeconds: err.retryAfterSeconds }
        : { code: 'ERROR' };
    const decision = this.retry.decide(info, Math.random());
    if ('stop' in decision) {
      this.fail(STOP_TEXT[decision.stop](err instanceof Error ? err.message : String(err)));
    } else {
      this.restartLater(err, decision.waitMs);
    }
  }

  private onSocketError(err: unknown): void {
    if (this.stopped) return;
    const code = closeCode(err);
    if (isAuthClose(code)) {
      const reason = typeof err === 'object' && err && 'reason' in err ? String(err.reason) : '';
      this.fail(`Not allowed (${code}${reason ? `: ${reason}` : ''}). Check the widget's token.`);
      return;
    }
    if (Array.isArray(err)) {
      this.onApiError(apiErrorOf(err as GraphQLErrorLike[]));
      return;
    }
    this.restartLater(err, this.waitFor({ code: 'NETWORK' }));
  }

  /**
   * An error the client does not retry by itself: start over after `waitMs`. The first error of a
   * connection decides; the others of the same connection (its second subscription, its state fetch) find
   * the restart already planned.
   */
  private restartLater(err: unknown, waitMs: number): void {
    if (this.stopped || this.restartPending) return;
    this.restartPending = true;
    this.view.setState('reconnecting');
    const seconds = Math.max(1, Math.round(waitMs / 1000));
    this.view.showMessage(
      err instanceof ApiError && err.code === 'RATE_LIMITED'
        ? `Too many requests for this account: retrying in ${seconds} s.`
        : `Connection problem: ${err instanceof Error ? err.message : 'network'}; retrying in ${seconds} s.`,
    );
    for (const u of this.unsubscribers.splice(0)) u();
    void this.client?.dispose();
    this.client = null;
    clearTimeout(this.restartTimer);
    clearTimeout(this.healthyTimer);
    this.restartTimer = setTimeout(() => {
      if (!this.stopped) this.connect();
    }, waitMs);
  }

  private fail(message: string): void {
    this.stop();
    this.stopped = true;
    this.view.setState('error');
    this.view.showMessage(message);
  }
}
