/** In-process event bus: delivery is asynchronous (next tick), per group, with bounded retry. */
import { AsyncResource } from 'node:async_hooks';
import type { EventEnvelope, EventType } from '../vocabulary';
import type { EventBus, EventHandler } from './event-bus';
import type { Logger } from '../logger';

interface Group {
  types: Set<EventType>;
  handlers: EventHandler[];
  next: number;
}

export class MemoryEventBus implements EventBus {
  private readonly groups = new Map<string, Group>();
  private pending = new Set<Promise<void>>();
  constructor(private readonly logger?: Logger) {}

  async publish(event: EventEnvelope): Promise<void> {
    for (const [name, group] of this.groups) {
      if (!group.types.has(event.type) || group.handlers.length === 0) continue;
      const handler = group.handlers[group.next++ % group.handlers.length]!;
      const p = this.deliver(name, handler, event).finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  private async deliver(group: string, handler: EventHandler, event: EventEnvelope): Promise<void> {
    await new Promise<void>((r) => setImmediate(r));
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await handler(event);
        return;
      } catch (err) {
        this.logger?.warn({ err, group, eventId: event.id, attempt }, 'event handler failed');
      }
    }
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

  async close(): Promise<void> {
    await this.drain();
    this.groups.clear();
  }
}
