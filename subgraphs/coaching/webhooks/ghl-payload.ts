/**
 * GoHighLevel webhook bodies, parsed defensively (a verified signature proves the sender, not the shape).
 * Only the fields coaching uses are read; everything else is passed along untouched where needed.
 */
import { createHash } from 'node:crypto';

export const GHL_TYPES = [
  'InboundMessage',
  'OutboundMessage',
  'OpportunityStatusUpdate',
  'INSTALL',
  'UNINSTALL',
] as const;
export type GhlType = (typeof GHL_TYPES)[number];

export interface GhlDelivery {
  type: string;
  webhookId: string;
  timestamp: Date | null;
  body: Record<string, unknown>;
}

export type ParseResult = { ok: true; delivery: GhlDelivery } | { ok: false; error: string };

export function isKnownType(type: string): type is GhlType {
  return (GHL_TYPES as readonly string[]).includes(type);
}

export function optString(body: Record<string, unknown>, key: string, max = 200): string | null {
  const v = body[key];
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s === '' ? null : s.slice(0, max);
}

function parseTime(v: unknown): Date | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v < 1e12 ? v * 1000 : v);
  if (typeof v === 'string' && v.trim() !== '') {
    const d = /^\d+$/.test(v.trim()) ? new Date(Number(v.trim())) : new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

export function parseDelivery(raw: Buffer): ParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, error: 'body is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, error: 'body is not a JSON object' };
  const body = parsed as Record<string, unknown>;
  const type = optString(body, 'type', 64);
  if (!type) return { ok: false, error: 'type is missing' };
  const webhookId =
    optString(body, 'webhookId', 100) ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  return { ok: true, delivery: { type, webhookId, timestamp: parseTime(body['timestamp']), body } };
}

export interface GhlMessage {
  ghlLocationId: string;
  contactId: string;
  messageId: string | null;
  /** GoHighLevel's conversation id, when present. */
  conversationId: string | null;
  text: string;
  ghlUserId: string | null;
  at: Date | null;
}

export function parseMessage(body: Record<string, unknown>): GhlMessage | null {
  const ghlLocationId = optString(body, 'locationId', 64);
  const contactId = optString(body, 'contactId', 64);
  const text = typeof body['body'] === 'string' ? body['body'].trim() : '';
  if (!ghlLocationId || !contactId || text === '') return null;
  return {
    ghlLocationId,
    contactId,
    messageId: optString(body, 'messageId', 100) ?? optString(body, 'id', 100),
    conversationId: optString(body, 'conversationId', 100),
    text,
    ghlUserId: optString(body, 'userId', 64) ?? optString(body, 'assignedTo', 64),
    at: parseTime(body['dateAdded']),
  };
}

export function numberOrNull(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}
