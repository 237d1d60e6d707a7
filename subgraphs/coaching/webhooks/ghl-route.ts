/**
 * `POST /webhooks/ghl`: verify the signature over the raw bytes (401 and nothing stored when it fails),
 * reject stale deliveries, answer duplicates with 200 `{duplicate:true}`, queue the rest and answer 202
 * at once — or 429 when the queue is full (GoHighLevel retries only on 429). Unknown types: 200, ignored.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../../../core/server/subgraph-server';
import { BodyTooLargeError, readBody, sendJson } from '../../../core/server/http-util';
import type { CoachingRuntime } from '../runtime';
import { processDelivery } from './ghl-processor';
import { isKnownType, optString, parseDelivery } from './ghl-payload';

export const GHL_WEBHOOK_PATH = '/webhooks/ghl';

export function ghlWebhookRoute(rt: CoachingRuntime): RouteHandler {
  const opts = rt.options.ghl;
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
      rt.logger.warn({ path }, 'GHL webhook with a missing or invalid signature rejected');
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
    if (!(await rt.seenWebhooks.claim(delivery.webhookId))) {
      sendJson(res, 200, { duplicate: true, webhookId: delivery.webhookId });
      return true;
    }
    const key = `${optString(delivery.body, 'locationId', 64) ?? ''}:${optString(delivery.body, 'contactId', 64) ?? ''}`;
    const queued = rt.webhookQueue.tryPush({ key, run: () => processDelivery(rt, delivery) });
    if (!queued) {
      await rt.seenWebhooks.release(delivery.webhookId);
      sendJson(res, 429, { error: 'busy, retry later' }, { 'retry-after': '5' });
      return true;
    }
    sendJson(res, 202, { accepted: true, webhookId: delivery.webhookId });
    return true;
  };
}
