/**
 * A live view of one coaching session through the gateway, as a widget sees it: its `coachingHints` and
 * `sessionUpdated` subscriptions over graphql-ws, every message recorded with its arrival time, and `until`
 * to wait for what a test expects (resolved by the message itself, never a sleep). Plus the partner-app calls
 * the tests make: start and end a session, add a turn.
 */
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import type { TestPlatform } from './platform';

export interface LiveHint {
  id: string;
  text: string;
  category: string;
  nextBestAction: string;
  reason: string | null;
  detector: string | null;
  requestId: string;
  createdAt: string;
  session: { id: string };
}

export interface LiveHintEvent {
  type: 'STARTED' | 'DELTA' | 'COMPLETED' | 'FAILED';
  runId: string;
  index: number;
  error: string | null;
  hint: LiveHint | null;
}

export interface LiveSessionUpdate {
  sessionId: string;
  stage: string;
  ended: boolean;
}

const HINTS = `subscription ($sessionId: ID!, $since: DateTime) {
  coachingHints(sessionId: $sessionId, since: $since) {
    type runId index error
    hint { id text category nextBestAction reason detector requestId createdAt session { id } }
  }
}`;
const UPDATES = `subscription ($sessionId: ID!) { sessionUpdated(sessionId: $sessionId) { sessionId stage ended } }`;

export class LiveSession {
  readonly hints: { at: number; event: LiveHintEvent }[] = [];
  readonly updates: { at: number; update: LiveSessionUpdate }[] = [];
  readonly errors: string[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly client: Client;
  private readonly stops: (() => void)[] = [];

  private constructor(
    private readonly t: TestPlatform,
    readonly apiKey: string,
    readonly sessionId: string,
  ) {
    this.client = createClient({
      url: t.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { 'x-api-key': apiKey },
      retryAttempts: 0,
    });
  }

  /** Subscribes to both streams; resolves once the server acknowledged both (a query round trip after). */
  static async open(t: TestPlatform, apiKey: string, sessionId: string): Promise<LiveSession> {
    // coaching knows the session (its read model is fed by agents' events) before anything is subscribed
    const known = await t.gql(
      'query ($id: ID!) { agentSession(id: $id) { turns { id } } }',
      { id: sessionId },
      {
        'x-api-key': apiKey,
      },
    );
    if (known.errors) throw new Error(JSON.stringify(known.errors));
    const s = new LiveSession(t, apiKey, sessionId);
    // `since`: hints stored before the subscription is live upstream are replayed first, none twice
    const since = new Date(Date.now() - 1000).toISOString();
    s.subscribe<{ coachingHints: LiveHintEvent }>(HINTS, { since }, (d) =>
      s.hints.push({ at: Date.now(), event: d.coachingHints }),
    );
    s.subscribe<{ sessionUpdated: LiveSessionUpdate }>(UPDATES, {}, (d) =>
      s.updates.push({ at: Date.now(), update: d.sessionUpdated }),
    );
    // graphql-ws processes a socket's messages in order: a completed query on the socket means both
    // subscribe messages were handled before it
    await new Promise<void>((resolve, reject) => {
      const stop = s.client.subscribe(
        { query: '{ __typename }' },
        { next: () => undefined, error: reject, complete: () => resolve() },
      );
      s.stops.push(stop);
    });
    return s;
  }

  private subscribe<T>(query: string, vars: Record<string, unknown>, onData: (d: T) => void): void {
    const stop = this.client.subscribe<T>(
      { query, variables: { sessionId: this.sessionId, ...vars } },
      {
        next: (msg) => {
          if (msg.errors) this.errors.push(...msg.errors.map((e) => e.message));
          if (msg.data) onData(msg.data as T);
          this.notify();
        },
        error: (err) => {
          this.errors.push(String((err as Error)?.message ?? err));
          this.notify();
        },
        complete: () => undefined,
      },
    );
    this.stops.push(stop);
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with `pick`'s first non-undefined answer, re-checked on every message; rejects at the deadline. */
  until<T>(pick: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        if (this.errors.length > 0)
          return done(() => reject(new Error(`${what}: ${this.errors.join('; ')}`)));
        const v = pick();
        if (v !== undefined) done(() => resolve(v));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`timed out waiting for ${what}; hints: ${this.describe()}`))),
        timeoutMs,
      );
      const done = (fn: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        fn();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Completed proactive hints (those with a detector). */
  proactive(): { at: number; hint: LiveHint }[] {
    return this.hints
      .filter((h) => h.event.type === 'COMPLETED' && h.event.hint?.detector)
      .map((h) => ({ at: h.at, hint: h.event.hint! }));
  }

  completed(): LiveHint[] {
    return this.hints.filter((h) => h.event.type === 'COMPLETED').map((h) => h.event.hint!);
  }

  describe(): string {
    return JSON.stringify(this.hints.map((h) => [h.event.type, h.event.hint?.detector ?? h.event.error]));
  }

  async addTurn(speaker: 'LEAD' | 'AGENT', text: string, coach = true) {
    return this.t.gql<{ addConversationTurn: { id: string; at: string } }>(
      'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id at } }',
      { input: { sessionId: this.sessionId, speaker, text, coach } },
      { 'x-api-key': this.apiKey },
    );
  }

  async close(): Promise<void> {
    for (const stop of this.stops.splice(0)) stop();
    await this.client.dispose();
  }
}

/** Starts a session for `agentId` with a fresh contact; returns its id. */
export async function startSession(
  t: TestPlatform,
  apiKey: string,
  agentId: string,
  contactId: string,
): Promise<string> {
  const r = await t.gql<{ startAgentSession: { id: string } }>(
    'mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }',
    { input: { agentId, contactId, channel: 'SMS' } },
    { 'x-api-key': apiKey },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.startAgentSession.id;
}

export async function endSession(t: TestPlatform, apiKey: string, sessionId: string): Promise<void> {
  const r = await t.gql(
    'mutation ($id: ID!) { endAgentSession(id: $id) { id } }',
    { id: sessionId },
    {
      'x-api-key': apiKey,
    },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
}
