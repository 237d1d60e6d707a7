/**
 * One attempt to POST a webhook: resolve and check the destination (destination.ts), connect to exactly
 * that address (no second lookup a rebinding DNS could answer differently), send the signed body, wait
 * at most `timeoutMs` for the status. Never throws: the outcome says what happened.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveDestination, RefusedDestinationError } from './destination';
import { DELIVERY_ID_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature';

export interface SendInput {
  deliveryId: string;
  event: string;
  url: string;
  body: string;
  secret: string;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivateDestinations: boolean;
}

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The destination is refused: retrying will not help. */
  permanent: boolean;
}

function post(url: URL, input: SendInput, lookup: LookupFunction, timeoutMs: number): Promise<number> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(input.body),
          'user-agent': 'coaching-platform-webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(input.secret, input.body),
          [DELIVERY_ID_HEADER]: input.deliveryId,
          [EVENT_HEADER]: input.event,
        },
      },
      (res) => {
        res.resume(); // the body is not read: only the status matters
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(input.body);
  });
}

export async function sendWebhook(input: SendInput, opts: SendOptions): Promise<SendOutcome> {
  const started = Date.now();
  const done = (o: Omit<SendOutcome, 'durationMs'>): SendOutcome => ({
    ...o,
    durationMs: Date.now() - started,
  });
  try {
    const url = new URL(input.url);
    const dest = await resolveDestination(url.hostname, opts.allowPrivateDestinations);
    const lookup: LookupFunction = (_host, options, cb) => {
      if ((options as { all?: boolean }).all) {
        (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [dest]);
      } else cb(null, dest.address, dest.family);
    };
    const statusCode = await post(url, input, lookup, opts.timeoutMs);
    const ok = statusCode >= 200 && statusCode < 300;
    return done({ ok, statusCode, error: ok ? null : `HTTP ${statusCode}`, permanent: false });
  } catch (err) {
    const permanent = err instanceof RefusedDestinationError;
    const message = err instanceof Error ? err.message : String(err);
    return done({ ok: false, statusCode: null, error: message.slice(0, 500), permanent });
  }
}
