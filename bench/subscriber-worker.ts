/**
 * One process of live `coachingHints` subscribers for bench/subscribers.ts (issue 13): the clients live here,
 * never in the process of the platform or of the gateway under test, so neither shares their event loop or
 * heap. (Also the bench's probe: one direct connection to coaching, whose receipts say when coaching
 * published each event — timed in a process of its own, as the platform's event loop is busy coaching.) The parent sends `open` (which sockets: key and session each), then `measure`, `collect`, `close`.
 * Every subscriber's receipt of a run's first event (STARTED, index 0) is stamped with an absolute time
 * (performance.timeOrigin + now, comparable across processes on one machine) and kept here until `collect`.
 */
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';

const SUB = `subscription ($s: ID!) { coachingHints(sessionId: $s) { type index runId } }`;

export interface SubscriberSpec {
  /** An API key (through the gateway), or a signed context token (directly on coaching). */
  connectionParams: Record<string, string>;
  session: string;
}

export type ToSubscriberWorker =
  | { type: 'open'; url: string; subscribers: SubscriberSpec[] }
  | { type: 'measure' }
  | { type: 'collect' }
  | { type: 'close' };

export type FromSubscriberWorker =
  | { type: 'opened'; count: number }
  | { type: 'live'; count: number; errors: number; connected: number; reasons: Record<string, number> }
  | { type: 'receipts'; runs: Record<string, number[]> }
  | { type: 'closed' };

/** An absolute time in ms, comparable between processes of one machine. */
export const now = (): number => performance.timeOrigin + performance.now();

interface State {
  clients: Client[];
  live: Set<number>;
  errors: number;
  connected: number;
  /** Why subscriptions ended in an error: close code and reason, or the error message; how many each. */
  reasons: Record<string, number>;
  measuring: boolean;
  runs: Map<string, number[]>;
}

/** A subscription's error in a few words: a close event's code and reason, or an error's message. */
function reason(err: unknown): string {
  if (err instanceof Error) return err.message.slice(0, 80);
  const close = err as { code?: unknown; reason?: unknown } | null;
  if (close && typeof close.code === 'number') return `close ${close.code} ${String(close.reason ?? '')}`;
  return JSON.stringify(err).slice(0, 80);
}

function send(msg: FromSubscriberWorker): void {
  process.send?.(msg);
}

async function open(state: State, url: string, specs: SubscriberSpec[]): Promise<void> {
  for (let i = 0; i < specs.length; i++) {
    const { connectionParams, session } = specs[i]!;
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: true,
      on: { connected: () => (state.connected += 1) },
    });
    state.clients.push(client);
    client.subscribe<{ coachingHints: { type: string; index: number; runId: string } }>(
      { query: SUB, variables: { s: session } },
      {
        next: (m) => {
          const e = m.data?.coachingHints;
          if (e?.type !== 'STARTED' || e.index !== 0) return;
          const at = now();
          state.live.add(i);
          if (!state.measuring) return;
          const list = state.runs.get(e.runId) ?? [];
          if (list.length === 0) state.runs.set(e.runId, list);
          list.push(at);
        },
        error: (err: unknown) => {
          state.errors += 1;
          const why = reason(err);
          state.reasons[why] = (state.reasons[why] ?? 0) + 1;
        },
        complete: () => undefined,
      },
    );
    // a few sockets at a time: an opening burst of thousands is a different benchmark
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 100));
  }
}

function main(): void {
  const state: State = {
    clients: [],
    live: new Set(),
    errors: 0,
    connected: 0,
    reasons: {},
    measuring: false,
    runs: new Map(),
  };
  let last = '';
  const ticker = setInterval(() => {
    const live = {
      count: state.live.size,
      errors: state.errors,
      connected: state.connected,
      reasons: state.reasons,
    };
    if (JSON.stringify(live) === last) return;
    last = JSON.stringify(live);
    send({ type: 'live', ...live });
  }, 100);
  process.on('disconnect', () => process.exit(0));
  process.on('message', (raw) => {
    const msg = raw as ToSubscriberWorker;
    if (msg.type === 'open') {
      void open(state, msg.url, msg.subscribers).then(() =>
        send({ type: 'opened', count: state.clients.length }),
      );
    } else if (msg.type === 'measure') {
      state.measuring = true;
    } else if (msg.type === 'collect') {
      send({ type: 'receipts', runs: Object.fromEntries(state.runs) });
    } else {
      clearInterval(ticker);
      void Promise.all(state.clients.map((c) => c.dispose())).then(() => {
        process.send?.({ type: 'closed' } satisfies FromSubscriberWorker, undefined, {}, () =>
          process.exit(0),
        );
      });
    }
  });
}

if (require.main === module) main();
