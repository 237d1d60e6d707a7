/**
 * The client-visible HintEvent stream of one coaching run, built from the engine's events. The protocol
 * (documented on `HintEvent.type`), per (runId, index):
 *
 *   STARTED    clear hint `index` and (re)start it — a second STARTED for an index replaces that hint,
 *              streamed or completed (the model failed midway and the offline coach answers instead, or
 *              the Fair Housing guardrail withheld it: its COMPLETED is then a COMPLIANCE_WARNING)
 *   DELTA      append `delta` (text the guardrail has passed: the engine holds back the unchecked tail)
 *   COMPLETED  `hint` is the stored hint; its text is authoritative
 *   FAILED     hint `index` is withdrawn; `error` is a code: SUPERSEDED (the replacing answer has fewer
 *              hints), or why the run failed (QUOTA_EXCEEDED, INTERNAL_SERVER_ERROR, …) — then every
 *              hint of the run that was started gets one (index 0 when none was)
 *
 * So the text to show for an index is: "" at STARTED, + each DELTA, replaced by `hint.text` at
 * COMPLETED, gone at FAILED — and once the run is over it equals the stored hint's text.
 *
 * A completed hint whose engine event carries its origin is stored right away and published as
 * COMPLETED (store first, so the id the client gets can be rated at once); others wait for the end of
 * the run. Everything goes through one ordered publisher: what the engine emits while a hint is being
 * stored waits behind its COMPLETED.
 */
import type { EngineEvent, GeneratedHint, HintOrigin } from '../engine/types';
import type { CoachingHint } from '../entities';
import { hintDto, type HintEventPayload } from './channels';
import type { OrderedSessionPublisher } from './publish';
import { sameHint } from './hint-store';
import { HintEventType } from '../../../core/vocabulary';

export const SUPERSEDED = 'SUPERSEDED';

/** The current version of one hint index. */
interface Slot {
  /** The completed hint (published or waiting for the end of the run). */
  hint: GeneratedHint | null;
  /** The stored row published as COMPLETED for this version. */
  row: CoachingHint | null;
}

export type StoreHint = (hint: GeneratedHint, origin: HintOrigin) => Promise<CoachingHint>;

export class HintStream {
  private readonly slots = new Map<number, Slot>();
  /** Whether any row was stored for the run (a failed run must remove them). */
  storedAny = false;

  constructor(
    private readonly out: OrderedSessionPublisher,
    private readonly runId: string,
    private readonly store: StoreHint,
  ) {}

  /** The engine's `onEvent`. */
  readonly onEngineEvent = (e: EngineEvent): void => {
    if (e.type === 'started') return this.start(e.index);
    if (e.type === 'delta') {
      const slot = this.slots.get(e.index);
      if (!slot || slot.hint) this.start(e.index); // text without `started`, or after `completed`
      this.publish(HintEventType.DELTA, e.index, { delta: e.text });
      return;
    }
    const current = this.slots.get(e.index);
    if (!current || current.hint) this.start(e.index);
    const slot = this.slots.get(e.index)!;
    slot.hint = e.hint;
    const origin = e.origin;
    if (!origin) return; // stored and published at the end of the run
    this.out.pushLater(async () => {
      // Replaced while waiting in line: its STARTED follows; store and publish nothing.
      if (this.slots.get(e.index) !== slot) return null;
      const row = await this.store(e.hint, origin);
      this.storedAny = true;
      slot.row = row;
      return this.message(HintEventType.COMPLETED, e.index, { hint: hintDto(row) });
    });
  };

  /** Starts hint `index`, or restarts it (the client clears what it showed for it). */
  start(index: number): void {
    this.slots.set(index, { hint: null, row: null });
    this.publish(HintEventType.STARTED, index);
  }

  /** The stored row already published for `hint` at `index`, to keep as the final one. */
  keptRow(index: number, hint: GeneratedHint): string | null {
    const slot = this.slots.get(index);
    return slot?.row && slot.hint && sameHint(slot.hint, hint) ? slot.row.id : null;
  }

  /** Publishes the final stored hints not published yet, and withdraws indexes beyond them. */
  finish(hints: readonly CoachingHint[]): void {
    hints.forEach((row, index) => {
      const slot = this.slots.get(index);
      if (slot?.row?.id === row.id) return;
      // Never started, or another row was published for this index: (re)start it first.
      if (!slot || slot.row) this.start(index);
      this.slots.get(index)!.row = row;
      this.publish(HintEventType.COMPLETED, index, { hint: hintDto(row) });
    });
    this.withdraw((index) => index >= hints.length, SUPERSEDED);
  }

  /** The run failed: withdraw every hint it started (index 0 when none was). */
  fail(code: string): void {
    if (this.slots.size === 0) this.slots.set(0, { hint: null, row: null });
    this.withdraw(() => true, code);
  }

  private withdraw(which: (index: number) => boolean, code: string): void {
    const indexes = [...this.slots.keys()].filter(which).sort((a, b) => a - b);
    for (const index of indexes) {
      this.slots.delete(index);
      this.publish(HintEventType.FAILED, index, { error: code });
    }
  }

  private publish(type: HintEventType, index: number, extra: Partial<HintEventPayload> = {}): void {
    this.out.push(this.message(type, index, extra));
  }

  private message(
    type: HintEventType,
    index: number,
    extra: Partial<HintEventPayload>,
  ): { kind: 'hint'; event: HintEventPayload } {
    const event: HintEventPayload = {
      type,
      runId: this.runId,
      index,
      hint: null,
      delta: null,
      error: null,
      ...extra,
    };
    return { kind: 'hint', event };
  }
}
