/**
 * The asynchronous half of the live path: take the quota, run the engine for a built CoachRequest and
 * stream its events on the session channel as HintEvents (protocol: hint-stream.ts, `HintEvent.type`),
 * then settle the run's stored hints and publish a session update. Any failure becomes FAILED HintEvents
 * and a log line — never an unhandled rejection.
 *
 * Latency: COMPLETED for hint i is published as soon as the engine completes hint i — for a model answer
 * while later hints still stream — not after the whole run. The row is stored first (a single-row
 * insert), so the id the client receives is real and can be rated at once; it holds the hint's text and
 * provenance (model, cached, fallback: known when the hint completes) but zero latency/tokens/cost, which
 * are run totals. When the run ends, one flush writes the accounting onto those rows, creates the rows of
 * hints that were not stored early, removes rows whose hint was replaced (model failed → offline coach)
 * and stages `coaching.hint.delivered` per final hint, so billing and analytics see only final hints with
 * final figures. COMPLETED events therefore carry zero accounting; the stored hint has it once the run
 * is over.
 *
 * Quota (service/quota.ts): the run is admitted with a grant of its first hint — taken by requestCoaching
 * before it answered, else here before the run waits for a slot — and takes one more for each further hint
 * the engine starts (hint-allowance.ts: a hint the quota has no room for is dropped before anything of it
 * is published). What it took and did not keep is released at the end.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../core/errors';
import type { CoachRequest } from '../engine/types';
import type { CoachingRuntime } from '../runtime';
import { qualificationDto } from './channels';
import { discardRun, finalizeRun, runClock, storeCompletedHint } from './hint-store';
import { HintStream } from './hint-stream';
import { OrderedSessionPublisher } from './publish';
import { HintAllowance } from './hint-allowance';
import { requireStillActive, SESSION_ENDED, SessionEndedError } from './session-ended';
import { withTenantScope } from '../../../core/db/request-scope';
import { settleHints, takeHints, type QuotaGrant } from './quota';

export interface CoachRun {
  runId: string;
  tenantId: string;
  sessionId: string;
  agentId: string;
  locationId: string | null;
  request: CoachRequest;
  /** Usage attribution from the caller's credential (null for webhooks). */
  apiKeyId: string | null;
  partnerAppId: string | null;
  /** The quota grant the request already took (requestCoaching); the run takes its own otherwise. */
  grant?: QuotaGrant;
}

export function newRunId(): string {
  return randomUUID();
}

/** Starts the run in the background; returns immediately. */
export function launchCoachingRun(rt: CoachingRuntime, run: CoachRun): void {
  if (!rt.runs.launch(() => executeRun(rt, run))) {
    rt.logger.warn({ runId: run.runId }, 'coaching run dropped: shutting down');
    if (run.grant) void settle(rt, run, run.grant, 0);
  }
}

/** The `error` of FAILED HintEvents: the domain error's code, anything else masked. */
export function failureCode(err: unknown): string {
  if (err instanceof SessionEndedError) return SESSION_ENDED;
  return err instanceof DomainError ? err.code : 'INTERNAL_SERVER_ERROR';
}

export async function executeRun(rt: CoachingRuntime, run: CoachRun): Promise<void> {
  const out = new OrderedSessionPublisher(rt, run.tenantId, run.sessionId);
  const clock = runClock();
  const stream = new HintStream(out, run.runId, (hint, origin) =>
    storeCompletedHint(rt, run, hint, origin, clock()),
  );
  let grant = run.grant ?? null;
  let kept = 0;
  try {
    grant ??= await takeHints(rt, run.tenantId);
    const allowance = new HintAllowance(rt, grant, stream.onEngineEvent, rt.logger);
    await rt.runs.slot(async () => {
      const result = await rt.engine.run(run.request, allowance.onEvent);
      const allowed = await allowance.settle(result.hints.length);
      await out.flush(); // hints completed early are stored (and published) before the run is settled
      // the session ended while the model ran: withdraw what was shown, keep nothing (session-ended.ts)
      await withTenantScope(rt.orm, run.tenantId, (em) => requireStillActive(em, run.sessionId));
      const granted = result.hints.slice(0, allowed);
      const keep = granted.map((hint, index) => stream.keptRow(index, hint));
      const { hints, qualification } = await finalizeRun(rt, run, { ...result, hints: granted }, keep, clock);
      kept = hints.length;
      stream.finish(hints);
      if (qualification) {
        out.push({
          kind: 'session',
          update: {
            sessionId: run.sessionId,
            stage: qualification.stage,
            qualification: qualificationDto(qualification),
          },
        });
      }
      await out.flush();
    });
  } catch (err) {
    // A domain error (a spent quota) is an expected outcome; anything else is a fault.
    const level = err instanceof DomainError ? 'warn' : 'error';
    rt.logger[level]({ err, runId: run.runId, sessionId: run.sessionId }, 'coaching run failed');
    await out.flush();
    if (stream.storedAny) {
      await discardRun(rt, run).catch((e: unknown) =>
        rt.logger.error({ err: e, runId: run.runId }, 'could not remove the hints of a failed run'),
      );
    }
    stream.fail(failureCode(err));
    await out.flush();
  } finally {
    if (grant) await settle(rt, run, grant, kept);
  }
}

/** Releases what the run did not keep; a failure to do so is logged (the count only errs high). */
async function settle(rt: CoachingRuntime, run: CoachRun, grant: QuotaGrant, kept: number): Promise<void> {
  await settleHints(rt, grant, kept).catch((err: unknown) =>
    rt.logger.warn({ err, runId: run.runId }, 'could not release unused quota'),
  );
}
