/**
 * Forwards `POST /webhooks/...` from the gateway's port to the subgraph that owns the webhook, byte for
 * byte (signatures are verified over the raw body by the owner), with a body limit. The owner's answer goes
 * back with the headers a sender acts on: GoHighLevel retries only a 429, after its `retry-after`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson } from '../../core/server/http-util';
import type { GatewayRoute } from '../gateway';

export interface WebhookProxyOptions {
  /** Path prefix, e.g. `/webhooks/ghl`. */
  path: string;
  /** Base URL of the owner (e.g. http://127.0.0.1:4003). */
  target: string;
  maxBodyBytes: number;
}

const FORWARDED = ['content-type', 'x-ghl-signature', 'x-wh-signature', 'x-request-id', 'user-agent'];
/** Response headers passed back to the sender. */
const RETURNED = ['content-type', 'retry-after', 'allow', 'x-request-id'];

export function webhookProxy(opts: WebhookProxyOptions): GatewayRoute {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== opts.path) return false;
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'method not allowed' });
      return true;
    }
    let body: Buffer;
    try {
      body = await readBody(req, opts.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, { error: 'payload too large' });
        return true;
      }
      throw err;
    }
    const headers: Record<string, string> = {};
    for (const h of FORWARDED) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    try {
      const upstream = await fetch(new URL(opts.path, opts.target), {
        method: 'POST',
        headers,
        body: new Uint8Array(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await upstream.text();
      const back: Record<string, string> = { 'content-type': 'application/json' };
      for (const h of RETURNED) {
        const v = upstream.headers.get(h);
        if (v !== null) back[h] = v;
      }
      res.writeHead(upstream.status, back);
      res.end(text);
    } catch {
      // GoHighLevel retries on 429 only; an unreachable owner should be retried.
      sendJson(res, 429, { error: 'temporarily unavailable' }, { 'retry-after': '5' });
    }
    return true;
  };
}
