/**
 * Sends queued webhook deliveries. The queue is the `webhook_deliveries` table itself: nothing accepted
 * lives only in memory, so a restart loses nothing — on start the worker picks up what is due, including
 * a delivery whose previous process died mid-attempt (its SENDING lease lapses). One attempt:
 *   1. claim (tenant scope): PENDING and due, or SENDING with a lapsed lease → SENDING with a fresh lease;
 *      a conditional update, so two workers (instances) never send the same attempt;
 *   2. send outside any transaction (sender.ts: signed, timed out, destination checked);
 *   3. record (tenant scope, one transaction): the attempt row, then SUCCEEDED on 2xx, FAILED after the
 *      last attempt or for a refused destination, else PENDING again at now + backoff with jitter.
 * Poked when a delivery is queued; otherwise it looks every `pollMs`, and wakes at the earliest retry
 * it scheduled.
 */
import { randomUUID } from 'node:crypto';
import type { WebhookOptions } from '../../../core/config';
import type { Orm } from '../../../core/db/orm';
import { withTenantScope } from '../../../core/db/request-scope';
import type { Logger } from '../../../core/logger';
import { retryDelayMs } from './backoff';
import { dueDeliveries, type DueDelivery } from './due';
import { WebhookDelivery, WebhookDeliveryAttempt, Workflow } from './entities';
import { DeliveryStatus } from './enums';
import { sendWebhook, type SendOutcome } from './sender';

const BATCH = 20;
const LEASE_SLACK_MS = 5_000;

export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Attempts this worker made (tests, logs). */
  attemptsMade = 0;

  constructor(
    private readonly orm: Orm,
    private readonly opts: WebhookOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.stopped || this.timer) return;
    this.timer = setInterval(() => this.poke(), this.opts.pollMs);
    this.timer.unref();
    this.poke();
  }

  /** Looks for due deliveries now (or right after the pass under way). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.logger.error({ err }, 'webhook delivery pass failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Stops looking; the attempt under way finishes and is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const due = await dueDeliveries(this.orm, BATCH);
      if (due.length === 0) return;
      await Promise.all(due.map((d) => this.attempt(d)));
      if (due.length < BATCH) return;
    }
  }

  private wakeAt(at: Date): void {
    const t = setTimeout(() => this.poke(), Math.max(0, at.getTime() - Date.now()));
    t.unref();
  }

  private async claim(d: DueDelivery): Promise<{ delivery: WebhookDelivery; secret: string | null } | null> {
    return withTenantScope(this.orm, d.tenantId, async (em) => {
      const now = new Date();
      const claimed = await em.nativeUpdate(
        WebhookDelivery,
        {
          id: d.id,
          $or: [
            { status: DeliveryStatus.PENDING, nextAttemptAt: { $lte: now } },
            { status: DeliveryStatus.SENDING, leaseUntil: { $lte: now } },
          ],
        },
        {
          status: DeliveryStatus.SENDING,
          leaseUntil: new Date(now.getTime() + this.opts.timeoutMs + LEASE_SLACK_MS),
        },
      );
      if (claimed === 0) return null;
      const delivery = await em.findOneOrFail(WebhookDelivery, { id: d.id });
      const workflow = await em.findOne(Workflow, { id: delivery.workflowId });
      return { delivery, secret: workflow?.secret ?? null };
    });
  }

  private async attempt(d: DueDelivery): Promise<void> {
    const claimed = await this.claim(d);
    if (!claimed) return;
    const { delivery, secret } = claimed;
    const outcome: SendOutcome = secret
      ? await sendWebhook(
          {
            deliveryId: delivery.id,
            event: delivery.trigger,
            url: delivery.url,
            body: delivery.body,
            secret,
          },
          { timeoutMs: this.opts.timeoutMs, allowPrivateDestinations: this.opts.allowPrivateDestinations },
        )
      : { ok: false, statusCode: null, error: 'the workflow was deleted', durationMs: 0, permanent: true };
    this.attemptsMade += 1;
    await this.record(d.tenantId, delivery.id, outcome);
  }

  private async record(tenantId: string, deliveryId: string, o: SendOutcome): Promise<void> {
    const next = await withTenantScope(this.orm, tenantId, (em) =>
      em.transactional(async (tem) => {
        const delivery = await tem.findOneOrFail(WebhookDelivery, { id: deliveryId });
        const at = new Date();
        delivery.attempts += 1;
        tem.create(WebhookDeliveryAttempt, {
          id: randomUUID(),
          tenantId,
          deliveryId,
          attempt: delivery.attempts,
          at: new Date(at.getTime() - o.durationMs),
          statusCode: o.statusCode,
          error: o.error,
          durationMs: o.durationMs,
        });
        delivery.lastStatusCode = o.statusCode;
        delivery.lastError = o.error;
        delivery.leaseUntil = null;
        if (o.ok || o.permanent || delivery.attempts >= this.opts.maxAttempts) {
          delivery.status = o.ok ? DeliveryStatus.SUCCEEDED : DeliveryStatus.FAILED;
          delivery.nextAttemptAt = null;
          delivery.completedAt = at;
        } else {
          delivery.status = DeliveryStatus.PENDING;
          delivery.nextAttemptAt = new Date(at.getTime() + retryDelayMs(delivery.attempts, this.opts));
        }
        await tem.flush();
        return delivery.nextAttemptAt;
      }),
    );
    this.logger.info({ deliveryId, tenantId, ok: o.ok, status: o.statusCode, next }, 'webhook attempt');
    if (next) this.wakeAt(next);
  }
}
