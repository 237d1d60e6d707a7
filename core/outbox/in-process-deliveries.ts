/**
 * The outbox relay's side of an in-process event bus (embedded mode): a row is marked published only
 * once every group's handler has finished with its event. Until then it is "being delivered": no relay
 * publishes it again, and if the process stops or dies first the row is still unpublished, so the next
 * start publishes it again (consumers skip what they applied: processed_event).
 *
 * The relay does not wait for the handlers (a slow one must not hold back the rest of the outbox, nor
 * the read-your-writes of later events): each finished delivery asks for a pass (`onDelivered`), and a
 * pass first marks what finished, in a transaction of its own. What is being delivered is known per bus,
 * by event id: every relay of the process on that bus (a module's, the seed's, a test's) skips it.
 *
 * A group whose handler gave up after its retries leaves a dead letter (dead-letter.ts): it is written
 * before the row is marked, so a crash in between publishes the event again rather than losing it; when
 * the dead letter cannot be written the row is not marked either (published again on a later pass).
 */
import type { EventBus } from '../events/event-bus';
import type { Orm } from '../db/orm';
import type { Logger } from '../logger';
import type { GivenUpDelivery } from '../events/event-bus';
import type { EventEnvelope } from '../vocabulary';
import { recordDeadLetters } from './dead-letters';
import type { OutboxStore } from './relay';

export interface InProcessDeliveriesOptions {
  orm: Orm;
  bus: EventBus;
  store: OutboxStore;
  /** A row's handlers finished: it is to be marked. */
  onDelivered: () => void;
  logger?: Logger;
}

/** Events handed to each bus and not yet marked published, by event id (shared by the relays on a bus). */
const deliveringOn = new WeakMap<EventBus, Set<string>>();

export class InProcessDeliveries {
  private readonly running: Set<string>;
  /** Events whose handlers finished, to be marked. */
  private delivered: { seq: number; event: EventEnvelope; givenUp: GivenUpDelivery[] }[] = [];

  constructor(private readonly opts: InProcessDeliveriesOptions) {
    let running = deliveringOn.get(opts.bus);
    if (!running) deliveringOn.set(opts.bus, (running = new Set()));
    this.running = running;
  }

  /** True while `eventId` is being delivered (by any relay on this bus) and not yet marked. */
  has(eventId: string): boolean {
    return this.running.has(eventId);
  }

  /** Events being delivered on this bus (a claim asks for that many more rows, then skips them). */
  get inFlight(): number {
    return this.running.size;
  }

  /** Publishes on the in-process bus (throws when it takes no more events) and tracks the handlers. */
  publish(seq: number, event: EventEnvelope): void {
    const { done } = this.opts.bus.publishInProcess!(event);
    this.running.add(event.id);
    done.then(
      (givenUp) => {
        this.delivered.push({ seq, event, givenUp });
        this.opts.onDelivered();
      },
      (err: unknown) => {
        // not delivered: publish it again on a later pass
        this.running.delete(event.id);
        this.opts.logger?.warn({ err, eventId: event.id }, 'in-process delivery failed; will publish again');
      },
    );
  }

  /** Marks the rows whose handlers have finished, after storing the dead letters of those that gave up. */
  async markDelivered(): Promise<void> {
    const done = this.delivered.splice(0);
    if (!done.length) return;
    const rows: typeof done = [];
    for (const r of done) {
      if (!r.givenUp.length || (await this.storeDeadLetters(r.event, r.givenUp))) rows.push(r);
      else this.running.delete(r.event.id); // not marked: published again on a later pass
    }
    if (!rows.length) return;
    const seqs = rows.map((r) => r.seq);
    try {
      await this.opts.orm.em
        .fork({ clear: true })
        .transactional((em) => this.opts.store.markPublished(em, seqs));
    } catch (err) {
      // the rows stay unpublished and are published again; consumers absorb the repeat
      this.opts.logger?.warn({ err, events: seqs.length }, 'marking delivered outbox rows failed');
    }
    for (const r of rows) this.running.delete(r.event.id);
  }

  /** True once the dead letters are durable; logged at error level with their ids (what an operator looks up). */
  private async storeDeadLetters(event: EventEnvelope, givenUp: GivenUpDelivery[]): Promise<boolean> {
    try {
      const ids = await recordDeadLetters(this.opts.orm, event, givenUp);
      givenUp.forEach((g, i) =>
        this.opts.logger?.error(
          {
            deadLetterId: ids[i],
            group: g.group,
            eventId: event.id,
            type: event.type,
            attempts: g.attempts,
            lastError: g.lastError,
          },
          'event handler gave up: event kept as a dead letter (redeliver with npm run dead-letters)',
        ),
      );
      return true;
    } catch (err) {
      this.opts.logger?.warn(
        { err, eventId: event.id },
        'storing a dead letter failed; will publish the event again',
      );
      return false;
    }
  }
}
