/** API key format and hashing, shared by the tenants subgraph (issues keys) and the gateway (resolves them). */
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'cpk';

export function generateApiKey(): { secret: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const secret = `${API_KEY_PREFIX}_${prefix}_${randomBytes(24).toString('base64url')}`;
  return { secret, prefix, hash: hashApiKey(secret) };
}

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function looksLikeApiKey(value: string): boolean {
  return /^cpk_[0-9a-f]{8}_[A-Za-z0-9_-]{20,}$/.test(value);
}
