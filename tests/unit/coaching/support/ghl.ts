/** GoHighLevel webhook test helpers: generated key pairs, signing, posting raw bytes. */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { GHL_WEBHOOK_PATH } from '../../../../subgraphs/coaching';

export interface GhlKeyPairs {
  edPrivate: KeyObject;
  rsaPrivate: KeyObject;
  ed25519PublicKeys: string[];
  rsaPublicKeys: string[];
}

export function ghlKeys(): GhlKeyPairs {
  const ed = generateKeyPairSync('ed25519');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    edPrivate: ed.privateKey,
    rsaPrivate: rsa.privateKey,
    ed25519PublicKeys: [ed.publicKey.export({ type: 'spki', format: 'pem' }).toString()],
    rsaPublicKeys: [rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()],
  };
}

export const signEd25519 = (body: Buffer, key: KeyObject): string => sign(null, body, key).toString('base64');
export const signRsa = (body: Buffer, key: KeyObject): string => sign('sha256', body, key).toString('base64');

export function inbound(over: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'InboundMessage',
    webhookId: randomUUID(),
    timestamp: new Date().toISOString(),
    messageId: `msg-${randomUUID().slice(0, 12)}`,
    messageType: 'SMS',
    direction: 'inbound',
    conversationId: `conv-${randomUUID().slice(0, 8)}`,
    dateAdded: new Date().toISOString(),
    ...over,
  };
}

export interface PostResult {
  status: number;
  body: Record<string, unknown>;
}

export async function postWebhook(
  baseUrl: string,
  raw: Buffer,
  headers: Record<string, string>,
): Promise<PostResult> {
  const res = await fetch(new URL(GHL_WEBHOOK_PATH, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: new Uint8Array(raw),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
