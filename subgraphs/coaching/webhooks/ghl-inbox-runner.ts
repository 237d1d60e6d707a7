/**
 * One step of the inbox worker: claim, process (ghl-processor.ts) and record one delivery, then — after the
 * commit — start what must not run inside the transaction (the coaching run; for a delivery waiting for its
 * session, the wake-up when the session arrives) and tell operators about dead
 * letters: a warn log line with the reason and the `ghl_webhook_dead_letters_total{reason}` counter (the
 * tenant, when known, sees them through `ghlWebhookDeliveries`).
 */
import { Counter } from 'prom-client';
import { metrics } from '../../../core/metrics';
import type { CoachingRuntime } from '../runtime';
import type { Orm } from '../../../core/db/orm';
import type { Logger } from '../../../core/logger';
import type { ResolvedGhlOptions } from '../options';
import { withTenantScope } from '../../../core/db/request-scope';
import {
  processNextDelivery,
  pruneDeliveries,
  wakeDelivery,
  type ProcessResult,
  type WaitingFor,
} from './ghl-inbox';
import { conversationKey, findConversationSession } from './ghl-conversation';
import { InboxWorker } from './ghl-inbox-worker';
import { handleDelivery } from './ghl-processor';
import { GhlDeliveryStatus } from '../../../core/vocabulary';

const processed = new Counter({
  name: 'ghl_webhook_deliveries_processed_total',
  help: 'GoHighLevel deliveries processed from the inbox, by outcome (done, dead, retry)',
  labelNames: ['outcome'] as const,
  registers: [metrics.registry],
});

const deadLetters = new Counter({
  name: 'ghl_webhook_dead_letters_total',
  help: 'GoHighLevel deliveries dead-lettered, by reason',
  labelNames: ['reason'] as const,
  registers: [metrics.registry],
});

/** What this instance's worker did (tests compare instances: together they process each delivery once). */
export class InboxStats {
  done = 0;
  dead = 0;
  failedAttempts = 0;
  /** Times a delivery was left PENDING to wait for its session. */
  waits = 0;

  record(result: ProcessResult): void {
    if ('failed' in result) {
      this.failedAttempts++;
      if (result.dead) this.dead++;
    } else if (result.outcome.status === GhlDeliveryStatus.DEAD) this.dead++;
    else if (result.outcome.status === GhlDeliveryStatus.PENDING) this.waits++;
    else this.done++;
  }
}

/** Back-off before the next attempt after `failures` failed ones: 1 s, 2 s, 4 s, … at most 5 min. */
export function backoffMs(failures: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(0, failures - 1));
}

function report(rt: CoachingRuntime, result: ProcessResult): void {
  const { row } = result;
  const where = {
    webhookId: row.webhookId,
    type: row.type,
    tenantId: row.tenantId,
    ghlLocationId: row.ghlLocationId,
  };
  if ('failed' in result) {
    processed.inc({ outcome: result.dead ? 'dead' : 'retry' });
    if (result.dead) deadLetters.inc({ reason: 'PROCESSING_FAILED' });
    rt.logger[result.dead ? 'error' : 'warn'](
      { ...where, err: result.failed, attempts: row.attempts + 1 },
      result.dead ? 'GHL delivery dead-lettered: processing kept failing' : 'GHL delivery failed; will retry',
    );
    return;
  }
  const { outcome } = result;
  if (outcome.status === GhlDeliveryStatus.DEAD) {
    processed.inc({ outcome: 'dead' });
    deadLetters.inc({ reason: outcome.reason });
    rt.logger.warn(
      { ...where, reason: outcome.reason, detail: outcome.detail },
      'GHL delivery dead-lettered',
    );
    return;
  }
  if (outcome.status === GhlDeliveryStatus.PENDING) {
    processed.inc({ outcome: 'waiting' });
    const { seq } = row;
    const { waitingFor } = outcome;
    rt.ghlInbox.track(async (stopped) => {
      const wait = await sessionArrives(rt, waitingFor, stopped);
      // arrived: process it now; stopped: this instance is closing, hand it to the next one at once (not
      // after its re-check delay); timed out: the re-check delay stands
      if (wait === 'timeout') return;
      if ((await wakeDelivery(rt.orm, seq)) && wait === 'arrived') rt.ghlInbox.poke();
    });
    return;
  }
  processed.inc({ outcome: 'done' });
  outcome.after?.();
}

type SessionWait = 'arrived' | 'stopped' | 'timeout';

/**
 * Waits (bounded: the read-model wait) for the conversation's session to reach the read model: 'arrived'
 * when it did, 'stopped' when the worker closed first, 'timeout' otherwise. Woken by the read-model
 * consumer of this instance, and re-checked for another instance's.
 */
async function sessionArrives(
  rt: CoachingRuntime,
  ref: WaitingFor,
  stopped: Promise<void>,
): Promise<SessionWait> {
  let stop = false;
  const found = rt.arrivals.await(conversationKey(ref), async () =>
    stop ? true : withTenantScope(rt.orm, ref.tenantId, (em) => findConversationSession(em, ref)),
  );
  const outcome = await Promise.race([
    found.then((s): SessionWait => (stop ? 'stopped' : s !== null ? 'arrived' : 'timeout')),
    stopped.then(() => 'stopped' as const),
  ]);
  stop = true;
  return outcome;
}

/** Processes the next processable delivery; false when there is none. */
export async function processNextGhlDelivery(rt: CoachingRuntime): Promise<boolean> {
  const result = await processNextDelivery(rt.orm, (tx) => handleDelivery(rt, tx), {
    maxAttempts: rt.options.ghl.maxAttempts,
    backoffMs,
  });
  if (!result) return false;
  rt.ghlInboxStats.record(result);
  report(rt, result);
  return true;
}

/** The runtime's inbox worker; `rt()` is called only once the worker runs (after the runtime is built). */
export function createInboxWorker(
  rt: () => CoachingRuntime,
  orm: Orm,
  options: ResolvedGhlOptions,
  logger: Logger,
): InboxWorker {
  if (options.concurrency === 0)
    logger.info('GHL webhook inbox: receive only (concurrency 0): other instances process the deliveries');
  return new InboxWorker({
    concurrency: options.concurrency,
    pollIntervalMs: options.pollIntervalMs,
    processOne: () => processNextGhlDelivery(rt()),
    prune: async () => {
      const removed = await pruneDeliveries(orm, new Date(Date.now() - options.retentionSeconds * 1000));
      if (removed) logger.info({ removed }, 'pruned processed GHL deliveries');
    },
    logger,
  });
}
