/**
 * What a coaching widget and a partner app see through the gateway, for read-your-writes tests: a
 * connected graphql-ws client, a `coachingHints` subscription held open (its COMPLETED hints and first
 * error), and `hintsArrive`, which proves such a subscription delivers the session's hints.
 */
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { eventually } from './eventually';
import type { TestPlatform } from './platform';

const HINTS = `subscription ($sessionId: ID!) { coachingHints(sessionId: $sessionId) { type index error } }`;

export interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Why an answer is not a success (its error code and message), or undefined. */
export function failed(what: string, r: Answer): string | undefined {
  if (r.data && !r.errors) return undefined;
  const e = r.errors?.[0];
  return `${what}: ${String(e?.extensions?.['code'] ?? r.status)} ${e?.message ?? ''}`;
}

/** A connected graphql-ws client (resolves on connection_ack: the credentials were accepted). */
export function connect(t: TestPlatform, params: Record<string, string>): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: t.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: params,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: reject,
    });
    client.on('connected', () => resolve(client));
    client.on('closed', (e) => reject(new Error(`socket closed: ${(e as { code?: number }).code}`)));
  });
}

/** A `coachingHints` subscription held open: the COMPLETED hints and the first error it got. */
export interface HintWatch {
  completed: number;
  firstCompletedAt?: number;
  error?: string;
  /** Resolves once a COMPLETED hint or an error has arrived (rejects after `timeoutMs`). */
  settled(timeoutMs?: number): Promise<void>;
  close(): void;
}

export function watchHints(c: Client, sessionId: string): HintWatch {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const w: HintWatch = {
    completed: 0,
    settled: (timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (w.completed === 0 && !w.error) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no hint and no error on ${sessionId} within ${timeoutMs} ms`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    close: () => undefined,
  };
  w.close = c.subscribe<{ coachingHints: { type: string; error: string | null } }>(
    { query: HINTS, variables: { sessionId } },
    {
      next: (msg) => {
        const e = msg.data?.coachingHints;
        const err = msg.errors?.[0];
        if (err) w.error ??= String(err.extensions?.['code'] ?? err.message);
        else if (e?.type === 'COMPLETED') {
          w.completed++;
          w.firstCompletedAt ??= performance.now();
        } else if (e?.type === 'FAILED') w.error ??= `FAILED ${e.error}`;
        changed();
      },
      error: (err) => {
        w.error ??= String((err as { message?: string }).message ?? err);
        changed();
      },
      complete: () => {
        w.error ??= 'completed';
        changed();
      },
    },
  );
  return w;
}

const STORED_HINTS = `query ($id: ID!) { agentSession(id: $id) { hints(first: 10) { id } } }`;

/**
 * The subscription works: it delivers the session's hints and never an error. graphql-ws has no
 * subscribe acknowledgement, so a subscription opened at the very instant of the first turn can go live
 * just after that run published its hints; then the next turn's hints (sent once the previous run's hint
 * is stored) must arrive. Answers how many turns it took (1 = the first run's hints arrived).
 */
export async function hintsArrive(
  w: HintWatch,
  sessionId: string,
  turn: (n: number) => Promise<Answer>,
  read: (q: string, v: Record<string, unknown>) => Promise<Answer>,
): Promise<{ turns: number; error?: string }> {
  for (let n = 1; n <= 3; n++) {
    if (n > 1) {
      const again = await turn(n);
      if (again.errors) return { turns: n, error: failed('addConversationTurn', again) };
    }
    // nothing announces a stored hint to a client whose subscription is not live yet: poll for it
    await eventually(
      async () => {
        if (w.completed > 0 || w.error) return true;
        const r = await read(STORED_HINTS, { id: sessionId });
        return ((r.data?.['agentSession'] as { hints: unknown[] } | undefined)?.hints.length ?? 0) >= n;
      },
      { timeoutMs: 30_000, intervalMs: 25, what: `hint ${n} of ${sessionId}` },
    );
    if (w.error) return { turns: n, error: w.error };
    if (w.completed > 0) return { turns: n };
  }
  return { turns: 3, error: 'no hint reached the subscription in 3 turns' };
}
