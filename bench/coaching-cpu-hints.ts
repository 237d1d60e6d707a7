/**
 * The coaching-cpu bench's widget side: one graphql-ws subscription to `coachingHints` per session on the
 * gateway, and a FIFO of the turns sent to that session. Every turn starts exactly one run, and a session's
 * runs start in the order their turns arrived, so the first event of a new `runId` belongs to the oldest
 * turn still waiting: that is how a hint event is matched to the turn (or webhook) that caused it.
 */
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';

const SUBSCRIPTION = `subscription BenchHints($sessionId: ID!) {
  coachingHints(sessionId: $sessionId) { type runId index error hint { id category } }
}`;

interface HintEventView {
  type: 'STARTED' | 'DELTA' | 'COMPLETED' | 'FAILED';
  runId: string;
  index: number;
  error: string | null;
}

/** One turn on its way: when it was sent and when its run's events arrived (performance.now() ms). */
export interface TurnTiming {
  sentAt: number;
  ackAt?: number;
  firstEventAt?: number;
  firstCompletedAt?: number;
  failed: number;
  /** HTTP status when the platform refused the turn (not 200/202). */
  refused?: number;
}

interface RunState {
  turn: TurnTiming;
  resolve: () => void;
}

export class SessionHints {
  private readonly waiting: { turn: TurnTiming; resolve: () => void }[] = [];
  private readonly runs = new Map<string, RunState>();
  /** Runs whose turn could not be found (should stay 0). */
  unmatched = 0;
  /** Why the subscription ended, when it did. */
  error: string | undefined;

  constructor(
    readonly sessionId: string,
    private readonly client: Client,
  ) {}

  static connect(gatewayUrl: string, apiKey: string, sessionId: string): SessionHints {
    const client = createClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { 'x-api-key': apiKey },
      retryAttempts: 0,
      lazy: false,
    });
    const s = new SessionHints(sessionId, client);
    client.subscribe<{ coachingHints: HintEventView }>(
      { query: SUBSCRIPTION, variables: { sessionId } },
      {
        next: (msg) => {
          const e = msg.data?.coachingHints;
          if (e) s.onEvent(e, performance.now());
        },
        error: (err: unknown) => {
          s.error =
            err instanceof Error ? err.message : `socket closed (${String((err as { code?: number }).code)})`;
        },
        complete: () => undefined,
      },
    );
    return s;
  }

  /** Registers a turn about to be sent; resolves at its first COMPLETED (or FAILED) event. */
  expect(turn: TurnTiming): Promise<void> {
    return new Promise<void>((resolve) => this.waiting.push({ turn, resolve }));
  }

  /** The turn was refused (no run will come): stop waiting for it. */
  cancel(turn: TurnTiming): void {
    const at = this.waiting.findIndex((w) => w.turn === turn);
    if (at >= 0) this.waiting.splice(at, 1)[0]!.resolve();
  }

  private onEvent(e: HintEventView, at: number): void {
    let run = this.runs.get(e.runId);
    if (!run) {
      const next = this.waiting.shift();
      if (!next) {
        this.unmatched++;
        return;
      }
      next.turn.firstEventAt = at;
      run = { turn: next.turn, resolve: next.resolve };
      this.runs.set(e.runId, run); // kept: later events of this run must not be taken for the next turn's
    }
    if (e.type === 'COMPLETED') run.turn.firstCompletedAt ??= at;
    if (e.type === 'FAILED') run.turn.failed++;
    if (e.type === 'COMPLETED' || e.type === 'FAILED') run.resolve();
  }

  get pending(): number {
    return this.waiting.length;
  }

  close(): Promise<void> {
    return this.client.dispose() as Promise<void>;
  }
}

/** Percentile of a sample (nearest rank). */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
