/**
 * Clients on the gateway that record what a widget would see: every `coachingHints` event of each
 * subscription, errors, completions and (graphql-ws) the socket's close code — with `until(predicate)` to
 * wait on what happened (resolved by the event itself, never by a sleep). `HintSubscriber` speaks
 * graphql-ws (several subscriptions on one socket); `SseHintSubscriber` one subscription over SSE.
 */
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';

export interface HintEvent {
  type: 'STARTED' | 'DELTA' | 'COMPLETED' | 'FAILED';
  index: number;
  hint: { id: string; session: { id: string; agent: { name: string } | null } } | null;
}

export const HINTS_WITH_AGENT = `subscription ($sessionId: ID!) {
  coachingHints(sessionId: $sessionId) { type index hint { id session { id agent { name } } } }
}`;

export interface SubscriptionLog {
  events: { at: number; event: HintEvent }[];
  errors: { at: number; message: string; code?: unknown }[];
  completedAt?: number;
}

interface GraphQLMessage {
  data?: { coachingHints?: HintEvent } | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

function record(log: SubscriptionLog, msg: GraphQLMessage): void {
  const at = Date.now();
  for (const e of msg.errors ?? []) log.errors.push({ at, message: e.message, code: e.extensions?.['code'] });
  if (msg.data?.coachingHints) log.events.push({ at, event: msg.data.coachingHints });
}

/** Something whose state changes on events, with `until` to wait for a state. */
abstract class Observed {
  private readonly listeners = new Set<() => void>();
  constructor(readonly label: string) {}

  /** Resolves once `predicate` holds (checked on every change), rejects after `timeoutMs`. */
  until(predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`${this.label}: timed out waiting for ${what}; ${this.describe()}`));
      }, timeoutMs);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  protected abstract describe(): string;

  protected changed(): void {
    for (const l of [...this.listeners]) l();
  }
}

export class HintSubscriber extends Observed {
  readonly subscriptions: SubscriptionLog[] = [];
  closed?: { code: number; reason: string; at: number };
  opened = false;
  private readonly client: Client;

  constructor(gatewayUrl: string, connectionParams: Record<string, string>, label: string) {
    super(label);
    this.client = createClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    this.client.on('connected', () => {
      this.opened = true;
      this.changed();
    });
    this.client.on('closed', (e) => {
      const ev = e as { code?: number; reason?: string };
      this.closed ??= { code: ev.code ?? 0, reason: String(ev.reason ?? ''), at: Date.now() };
      this.changed();
    });
  }

  /** Opens one subscription to the session's hints on this socket. */
  subscribe(sessionId: string): SubscriptionLog {
    const log: SubscriptionLog = { events: [], errors: [] };
    this.subscriptions.push(log);
    this.client.subscribe<{ coachingHints: HintEvent }>(
      { query: HINTS_WITH_AGENT, variables: { sessionId } },
      {
        next: (msg) => {
          record(log, msg);
          this.changed();
        },
        error: (err) => {
          const e = err as { message?: string; code?: number };
          log.errors.push({ at: Date.now(), message: String(e.message ?? e.code ?? err), code: e.code });
          this.changed();
        },
        complete: () => {
          log.completedAt = Date.now();
          this.changed();
        },
      },
    );
    return log;
  }

  dispose(): Promise<void> {
    return Promise.resolve(this.client.dispose());
  }

  protected describe(): string {
    return `closed=${JSON.stringify(this.closed)}`;
  }
}

/** The subscription an `SseHintSubscriber` sends instead of HINTS_WITH_AGENT for its session. */
export interface SseRequest {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * One subscription over Server-Sent Events (`accept: text/event-stream`, graphql-sse distinct connections).
 * An answer that is no event stream (a limit refusing it before the stream starts) has its status and its
 * JSON errors recorded.
 */
export class SseHintSubscriber extends Observed {
  readonly log: SubscriptionLog = { events: [], errors: [] };
  readonly subscriptions = [this.log];
  status?: number;
  private readonly abort = new AbortController();

  constructor(
    gatewayUrl: string,
    headers: Record<string, string>,
    sessionId: string,
    label: string,
    request: SseRequest = { query: HINTS_WITH_AGENT, variables: { sessionId } },
  ) {
    super(label);
    this.read(gatewayUrl, headers, request).catch((err: unknown) => {
      if (this.abort.signal.aborted) return;
      this.log.errors.push({ at: Date.now(), message: String(err) });
      this.changed();
    });
  }

  dispose(): Promise<void> {
    this.abort.abort();
    return Promise.resolve();
  }

  protected describe(): string {
    return `status=${this.status} completed=${this.log.completedAt}`;
  }

  private async read(url: string, headers: Record<string, string>, request: SseRequest): Promise<void> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(request),
      signal: this.abort.signal,
    });
    this.status = res.status;
    if (!res.headers.get('content-type')?.includes('text/event-stream')) {
      record(this.log, (await res.json()) as GraphQLMessage);
      this.log.completedAt = Date.now();
      this.changed();
      return;
    }
    this.changed();
    const decoder = new TextDecoder();
    const reader = res.body?.getReader();
    let buffered = '';
    for (let r = await reader?.read(); r && !r.done; r = await reader?.read()) {
      buffered += decoder.decode(r.value, { stream: true });
      let cut: number;
      while ((cut = buffered.indexOf('\n\n')) >= 0) {
        this.onMessage(buffered.slice(0, cut));
        buffered = buffered.slice(cut + 2);
      }
    }
    this.log.completedAt ??= Date.now();
    this.changed();
  }

  private onMessage(raw: string): void {
    const event = /^event: *(.*)$/m.exec(raw)?.[1]?.trim();
    const data = raw
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trim())
      .join('\n');
    if (event === 'complete') this.log.completedAt = Date.now();
    else if (data) record(this.log, JSON.parse(data) as GraphQLMessage);
    this.changed();
  }
}

/** Events of `log` of `type` received after `since` (epoch ms). */
export function eventsAfter(log: SubscriptionLog, since: number, type?: HintEvent['type']): HintEvent[] {
  return log.events.filter((e) => e.at > since && (!type || e.event.type === type)).map((e) => e.event);
}
