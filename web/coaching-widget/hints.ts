/**
 * The widget's hint board, free of the DOM: HintEvents from `coachingHints` and stored hints fetched over
 * HTTP become one list of hints, each keyed once. A streamed hint is keyed by run and index
 * (`r:<runId>:<index>`) until its COMPLETED names the stored hint; a hint fetched while catching up is
 * keyed by its id (`h:<id>`). A hint id is never shown twice, whichever way it arrived first.
 *
 * The rules are the ones HintEvent documents: STARTED clears (or starts) the hint, DELTA appends, COMPLETED
 * replaces the text with the stored hint's (in place when the hint is on the board already), FAILED withdraws
 * the hint. A DELTA for a hint whose STARTED was
 * missed (it began while the socket was down) is ignored; its COMPLETED still shows it whole.
 */

export type HintStatus = 'SHOWN' | 'ACCEPTED' | 'DISMISSED';

export interface StoredHint {
  id: string;
  requestId: string;
  category: string;
  text: string;
  status: HintStatus;
  /** ISO time the hint was stored (the server's clock): what `coachingHints(since:)` compares. */
  createdAt?: string;
}

export interface HintEventMessage {
  type: 'STARTED' | 'DELTA' | 'COMPLETED' | 'FAILED';
  runId: string;
  index: number;
  delta?: string | null;
  error?: string | null;
  hint?: StoredHint | null;
}

export interface HintView {
  key: string;
  /** The stored hint's id once complete; null while it streams. */
  id: string | null;
  runId: string | null;
  category: string | null;
  text: string;
  status: HintStatus;
  phase: 'streaming' | 'complete';
  /** DELTA chunks received for the current version of the hint. */
  deltas: number;
  /** Display order: higher is newer. */
  seq: number;
}

export interface BoardChange {
  /** Keys whose view changed or appeared. */
  changed: string[];
  /** Keys that are gone. */
  removed: string[];
  /** A hint that just completed from the stream (to announce). */
  completed: HintView | null;
}

const streamKey = (runId: string, index: number) => `r:${runId}:${index}`;

export class HintBoard {
  private readonly items = new Map<string, HintView>();
  private seq = 0;
  /** Each run's place in the order: a newer run above, its hints in index order. */
  private readonly runs = new Map<string, number>();
  /** The newest stored hint's createdAt seen, fetched or streamed (null before any). */
  newestCreatedAt: string | null = null;

  private saw(h: StoredHint): void {
    if (h.createdAt && (!this.newestCreatedAt || Date.parse(h.createdAt) > Date.parse(this.newestCreatedAt)))
      this.newestCreatedAt = h.createdAt;
  }

  get(key: string): HintView | undefined {
    return this.items.get(key);
  }

  /** Newest first. */
  list(): HintView[] {
    return [...this.items.values()].sort((a, b) => b.seq - a.seq);
  }

  apply(e: HintEventMessage): BoardChange {
    const key = streamKey(e.runId, e.index);
    const change: BoardChange = { changed: [], removed: [], completed: null };
    const current = this.items.get(key);
    switch (e.type) {
      case 'STARTED':
        this.items.set(key, {
          key,
          id: null,
          runId: e.runId,
          category: null,
          text: '',
          status: 'SHOWN',
          phase: 'streaming',
          deltas: 0,
          seq: current?.seq ?? this.placeOf(e.runId, e.index),
        });
        change.changed.push(key);
        break;
      case 'DELTA':
        if (!current || current.phase !== 'streaming') break;
        current.text += e.delta ?? '';
        current.deltas += 1;
        change.changed.push(key);
        break;
      case 'COMPLETED': {
        if (!e.hint) break;
        this.saw(e.hint);
        const duplicate = this.keyOfId(e.hint.id);
        if (duplicate && duplicate !== key && !current) {
          // replayed (after a reconnect) for a hint already shown: update it in place, so a keyboard user's
          // focus inside it stays and a rating made meanwhile is not undone by the older event
          this.complete(this.items.get(duplicate)!, e.hint);
          change.changed.push(duplicate);
          break;
        }
        if (duplicate && duplicate !== key) {
          this.items.delete(duplicate);
          change.removed.push(duplicate);
        }
        const view: HintView = {
          key,
          id: e.hint.id,
          runId: e.runId,
          category: e.hint.category,
          text: e.hint.text,
          status: e.hint.status,
          phase: 'complete',
          deltas: current?.deltas ?? 0,
          seq: current?.seq ?? this.placeOf(e.runId, e.index),
        };
        this.items.set(key, view);
        change.changed.push(key);
        // a hint already shown (replayed after a reconnect) is not announced again
        change.completed = duplicate ? null : view;
        break;
      }
      case 'FAILED':
        if (current) {
          this.items.delete(key);
          change.removed.push(key);
        }
        break;
    }
    return change;
  }

  /**
   * Catching up after (re)connecting: `stored` is the session's newest hints (newest first). Hints not on
   * the board are added below the ones shown; a hint still streaming lost its stream when the socket
   * dropped, so it is removed (its stored version, or its COMPLETED event, brings it back whole).
   */
  merge(stored: readonly StoredHint[], dropStreaming: boolean): BoardChange {
    const change: BoardChange = { changed: [], removed: [], completed: null };
    if (dropStreaming) {
      for (const [key, view] of this.items) {
        if (view.phase !== 'streaming') continue;
        this.items.delete(key);
        change.removed.push(key);
      }
    }
    for (const h of stored) this.saw(h);
    const missing = runsInIndexOrder(stored.filter((h) => !this.keyOfId(h.id)));
    const floor = Math.min(0, ...[...this.items.values()].map((v) => v.seq));
    missing.forEach((h, i) => {
      const key = `h:${h.id}`;
      this.items.set(key, {
        key,
        id: h.id,
        runId: h.requestId,
        category: h.category,
        text: h.text,
        status: h.status,
        phase: 'complete',
        deltas: 0,
        seq: floor - 1 - i,
      });
      change.changed.push(key);
    });
    return change;
  }

  /** A stored hint's text over a view already shown; a rating made in the widget is newer than the event. */
  private complete(view: HintView, hint: StoredHint): void {
    view.category = hint.category;
    view.text = hint.text;
    view.phase = 'complete';
    if (view.status === 'SHOWN') view.status = hint.status;
  }

  setStatus(key: string, status: HintStatus): void {
    const view = this.items.get(key);
    if (view) view.status = status;
  }

  private placeOf(runId: string, index: number): number {
    let base = this.runs.get(runId);
    if (base === undefined) {
      base = ++this.seq * 1000;
      this.runs.set(runId, base);
    }
    return base - Math.min(index, 999);
  }

  private keyOfId(id: string): string | undefined {
    for (const [key, view] of this.items) if (view.id === id) return key;
    return undefined;
  }
}

/** Newest-first stored hints → newest run first, each run's hints in the order they were made (as streamed). */
function runsInIndexOrder(stored: readonly StoredHint[]): StoredHint[] {
  const out: StoredHint[] = [];
  let group: StoredHint[] = [];
  for (const h of stored) {
    if (group.length && group[0]!.requestId !== h.requestId) {
      out.push(...group.reverse());
      group = [];
    }
    group.push(h);
  }
  return out.concat(group.reverse());
}
