/**
 * Events go through the transactional outbox: `stageEvent` writes the event row with the caller's next
 * flush, inside its transaction, and the relay publishes it after commit (so an event exists iff its
 * state change committed). Session-channel messages are live notifications, published best-effort:
 * a failure is logged and never fails the caller.
 */
import type { EntityManager } from '@mikro-orm/core';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue } from '../../../core/outbox';
import { type EventType, HintEventType } from '../../../core/vocabulary';
import type { CoachingRuntime } from '../runtime';
import { sessionChannel, type SessionMessage } from './channels';

/** Stages an event on `em`; it is written by the caller's flush (same transaction). */
export function stageEvent<T>(em: EntityManager, type: EventType, tenantId: string, payload: T): void {
  enqueue(em, makeEvent(type, tenantId, payload));
}

export async function publishToSession(
  rt: CoachingRuntime,
  tenantId: string,
  sessionId: string,
  msg: SessionMessage,
): Promise<void> {
  try {
    await rt.pubsub.publish(sessionChannel(tenantId, sessionId), msg);
  } catch (err) {
    rt.logger.error({ err, sessionId }, 'session channel publish failed');
  }
}

/** Publishes on one session channel strictly in call order (for a run's STARTED/DELTA/COMPLETED). */
export class OrderedSessionPublisher {
  private chain: Promise<void> = Promise.resolve();
  constructor(
    private readonly rt: CoachingRuntime,
    private readonly tenantId: string,
    private readonly sessionId: string,
  ) {}

  push(msg: SessionMessage): void {
    this.chain = this.chain.then(() => this.publish(msg));
  }

  /** Once the session ended, only withdrawals (FAILED) still go out: no hint text after the end. */
  private async publish(msg: SessionMessage): Promise<void> {
    const afterEnd =
      msg.kind === 'hint' &&
      msg.event.type !== HintEventType.FAILED &&
      this.rt.endedSessions.has(this.tenantId, this.sessionId);
    if (!afterEnd) await publishToSession(this.rt, this.tenantId, this.sessionId, msg);
  }

  /**
   * Queues work whose message is published in order once it resolves (null: publish nothing); what is
   * pushed after waits for it. `produce` must handle its own errors: a rejection is logged and skipped.
   */
  pushLater(produce: () => Promise<SessionMessage | null>): void {
    this.chain = this.chain.then(async () => {
      const msg = await produce().catch((err: unknown) => {
        this.rt.logger.error({ err, sessionId: this.sessionId }, 'session message not produced');
        return null;
      });
      if (msg) await this.publish(msg);
    });
  }

  flush(): Promise<void> {
    return this.chain;
  }
}
