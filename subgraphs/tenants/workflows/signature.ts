/**
 * How a workflow webhook is signed, for receivers to verify (documented in the portal guide):
 *
 *   X-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * over the exact bytes of the body. A receiver recomputes v1 with the endpoint's secret, compares in
 * constant time and refuses a `t` too far from its clock (replay). `X-Webhook-Id` is the delivery id
 * (the same on every retry: receivers dedupe on it) and `X-Webhook-Event` the trigger.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-webhook-signature';
export const DELIVERY_ID_HEADER = 'x-webhook-id';
export const EVENT_HEADER = 'x-webhook-event';

/** A new endpoint secret (`whsec_` + 32 random bytes, base64url); shown once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signatureHeader(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** What a receiver does; true when the header signs `body` with `secret` within `toleranceSeconds`. */
export function verifySignature(
  secret: string,
  body: string | Buffer,
  header: string,
  toleranceSeconds = 300,
  now: Date = new Date(),
): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(body).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
