/**
 * The asynchronous half of the live path: check the quota, run the engine for a built CoachRequest and
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
 * is over. The quota is only checked here (`assertQuota`), never consumed: billing counts delivered hints.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../core/errors';
import { assertQuota } from '../../../core/quota';
import type { CoachRequest } from '../engine/types';
import type { CoachingRuntime } from '../runtime';
import { qualificationDto } from './channels';
import { discardRun, finalizeRun, runClock, storeCompletedHint } from './hint-store';
import { HintStream } from './hint-stream';
import { OrderedSessionPublisher } from './publish';

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
}

export function newRunId(): string {
  return randomUUID();
}

/** Starts the run in the background; returns immediately. */
export function launchCoachingRun(rt: CoachingRuntime, run: CoachRun): void {
  if (!rt.runs.launch(() => executeRun(rt, run))) {
    rt.logger.warn({ runId: run.runId }, 'coaching run dropped: shutting down');
  }
}

/** The `error` of FAILED HintEvents: the domain error's code, anything else masked. */
export function failureCode(err: unknown): string {
  return err instanceof DomainError ? err.code : 'INTERNAL_SERVER_ERROR';
}

export async function executeRun(rt: CoachingRuntime, run: CoachRun): Promise<void> {
  const out = new OrderedSessionPublisher(rt, run.tenantId, run.sessionId);
  const clock = runClock();
  const stream = new HintStream(out, run.runId, (hint, origin) =>
    storeCompletedHint(rt, run, hint, origin, clock()),
  );
  try {
    await assertQuota(rt.quota, run.tenantId);
    const result = await rt.engine.run(run.request, stream.onEngineEvent);
    await out.flush(); // hints completed early are stored (and published) before the run is settled
    const keep = result.hints.map((hint, index) => stream.keptRow(index, hint));
    const { hints, qualification } = await finalizeRun(rt, run, result, keep, clock);
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
  }
}
