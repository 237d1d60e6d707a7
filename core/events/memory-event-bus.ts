/**
 * In-process event bus: delivery is asynchronous (next tick), per group, with bounded retry.
 *
 * Nothing here survives the process, so the outbox relay keeps a row unpublished until every group's
 * handler has finished with its event (`publishInProcess`): an event whose delivery a shutdown or a crash
 * cut short is published again on the next start, and consumers absorb the repeat (processed_event).
 * A handler that fails is retried after a short pause (core/events/retry-policy.ts, as on Redis); one that
 * fails every attempt is reported in `done`, and the relay keeps the event as a dead letter (core/outbox).
 * `quiesce()` is the shutdown's middle step: no new event is taken (they stay in the outbox), the
 * deliveries under way finish while every consumer still runs.
 */
import { AsyncResource } from 'node:async_hooks';
import type { EventEnvelope, EventType } from '../vocabulary';
import {
  BusClosedError,
  type EventBus,
  type EventHandler,
  type GivenUpDelivery,
  type InProcessDelivery,
} from './event-bus';
import type { Logger } from '../logger';
import { DELIVERY_ATTEMPTS, describeError, retryDelayMs } from './retry-policy';
import { ALWAYS_HEALTHY, type ConsumerHealth } from './consumer-health';

interface Group {
  types: Set<EventType>;
  handlers: EventHandler[];
  next: number;
}

export class MemoryEventBus implements EventBus {
  private readonly groups = new Map<string, Group>();
  private pending = new Set<Promise<GivenUpDelivery | null>>();
  private sealed = false;
  constructor(private readonly logger?: Logger) {}

  async publish(event: EventEnvelope): Promise<void> {
    this.publishInProcess(event);
  }

  /** Events are handed over in this process: nothing can keep them from its consumers. */
  consumerHealth(): ConsumerHealth {
    return ALWAYS_HEALTHY;
  }

  /** Hands `event` to one handler of each subscribed group; throws BusClosedError once quiesced. */
  publishInProcess(event: EventEnvelope): InProcessDelivery {
    if (this.sealed) throw new BusClosedError();
    const deliveries: Promise<GivenUpDelivery | null>[] = [];
    for (const [name, group] of this.groups) {
      if (!group.types.has(event.type) || group.handlers.length === 0) continue;
      const handler = group.handlers[group.next++ % group.handlers.length]!;
      const p = this.deliver(name, handler, event).finally(() => this.pending.delete(p));
      this.pending.add(p);
      deliveries.push(p);
    }
    return {
      done: Promise.all(deliveries).then((r) => r.filter((g): g is GivenUpDelivery => g !== null)),
    };
  }

  /** Null when the handler succeeded; what was given up when it failed every attempt. */
  private async deliver(
    group: string,
    handler: EventHandler,
    event: EventEnvelope,
  ): Promise<GivenUpDelivery | null> {
    await new Promise<void>((r) => setImmediate(r));
    let lastError: unknown;
    for (let attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
      if (attempt > 1) await new Promise((r) => setTimeout(r, retryDelayMs(attempt - 1)));
      try {
        await handler(event);
        return null;
      } catch (err) {
        lastError = err;
        this.logger?.warn({ err, group, eventId: event.id, attempt }, 'event handler failed');
      }
    }
    // logged at error level with its dead-letter id once the relay has stored it
    return { group, attempts: DELIVERY_ATTEMPTS, lastError: describeError(lastError) };
  }

  async subscribe(group: string, types: EventType[], handler: EventHandler): Promise<void> {
    const g = this.groups.get(group) ?? { types: new Set<EventType>(), handlers: [], next: 0 };
    for (const t of types) g.types.add(t);
    // Deliver in the subscriber's async context, never the publisher's: a handler must not inherit the
    // publisher's ORM transaction context (AsyncLocalStorage) when both run in one process.
    g.handlers.push(AsyncResource.bind(handler));
    this.groups.set(group, g);
  }

  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Takes no new event from now on (the outbox keeps them); resolves when the deliveries under way end. */
  async quiesce(): Promise<void> {
    this.sealed = true;
    await this.drain();
  }

  async close(): Promise<void> {
    await this.quiesce();
    this.groups.clear();
  }
}
