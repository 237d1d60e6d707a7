/**
 * `POST /webhooks/ghl`: verify the signature over the raw bytes (401 and nothing stored when it fails; logged
 * once per source a minute and counted: rejection-log.ts), reject stale deliveries, then commit the delivery
 * to the inbox (ghl-inbox.ts) and only then answer 202 —
 * an accepted delivery survives a crash (GoHighLevel does not retry a 2xx). A duplicate webhookId answers
 * 200 `{duplicate:true}`; a full inbox (`queueSize` deliveries waiting) or a database that cannot store it
 * answers 429 with nothing stored (GoHighLevel retries only on 429). Unknown types: 200, ignored. The
 * worker is poked at once; it processes the delivery after the response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../../../core/server/subgraph-server';
import { BodyTooLargeError, readBody, sendJson } from '../../../core/server/http-util';
import type { CoachingRuntime } from '../runtime';
import { acceptDelivery, type AcceptResult } from './ghl-inbox';
import { isKnownType, optString, parseDelivery, type GhlDelivery } from './ghl-payload';
import { RejectionLog } from './rejection-log';
import type { SignatureScheme } from './signature';

export const GHL_WEBHOOK_PATH = '/webhooks/ghl';

/** Commits a verified delivery to the inbox, then answers: 202, 200 duplicate, or 429 (nothing stored). */
async function store(
  rt: CoachingRuntime,
  res: ServerResponse,
  delivery: GhlDelivery,
  raw: Buffer,
  scheme: SignatureScheme,
): Promise<void> {
  const ghlLocationId = optString(delivery.body, 'locationId', 64);
  let stored: AcceptResult;
  try {
    stored = await acceptDelivery(
      rt.orm,
      {
        webhookId: delivery.webhookId,
        type: delivery.type,
        ghlLocationId,
        orderKey: `${ghlLocationId ?? ''}:${optString(delivery.body, 'contactId', 64) ?? ''}`,
        raw,
        signatureScheme: scheme,
      },
      rt.options.ghl.queueSize,
    );
  } catch (err) {
    rt.logger.error({ err, webhookId: delivery.webhookId }, 'GHL delivery could not be stored');
    sendJson(res, 429, { error: 'temporarily unavailable, retry later' }, { 'retry-after': '5' });
    return;
  }
  if (stored.kind === 'busy') {
    sendJson(res, 429, { error: 'busy, retry later' }, { 'retry-after': '5' });
  } else if (stored.kind === 'duplicate') {
    sendJson(res, 200, { duplicate: true, webhookId: delivery.webhookId });
  } else {
    rt.ghlInbox.poke();
    sendJson(res, 202, { accepted: true, webhookId: delivery.webhookId });
  }
}

export function ghlWebhookRoute(rt: CoachingRuntime): RouteHandler {
  const opts = rt.options.ghl;
  const rejections = new RejectionLog({ logger: rt.logger });
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== GHL_WEBHOOK_PATH) return false;
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'method not allowed' }, { allow: 'POST' });
      return true;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, opts.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, { error: err.message });
        return true;
      }
      throw err;
    }
    const scheme = rt.ghlVerifier.verify(raw, req.headers);
    if (!scheme) {
      const source = req.socket.remoteAddress ?? 'unknown';
      rejections.note(source, 'signature', 'GHL webhook with a missing or invalid signature rejected', {
        path,
      });
      sendJson(res, 401, { error: 'invalid signature' });
      return true;
    }
    const parsed = parseDelivery(raw);
    if (!parsed.ok) {
      sendJson(res, 400, { error: parsed.error });
      return true;
    }
    const { delivery } = parsed;
    if (!delivery.timestamp) {
      sendJson(res, 400, { error: 'timestamp is missing' });
      return true;
    }
    const ageMs = Date.now() - delivery.timestamp.getTime();
    if (ageMs > opts.maxAgeSeconds * 1000 || ageMs < -opts.maxClockSkewSeconds * 1000) {
      sendJson(res, 401, { error: 'stale delivery' });
      return true;
    }
    if (!isKnownType(delivery.type)) {
      sendJson(res, 200, { ignored: true, type: delivery.type });
      return true;
    }
    await store(rt, res, delivery, raw, scheme);
    return true;
  };
}
