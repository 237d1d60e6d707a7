/**
 * GoHighLevel webhook signatures, verified over the RAW body bytes (never a re-serialized body):
 * `x-ghl-signature` = Ed25519, base64; else `x-wh-signature` = RSA-SHA256 (PKCS#1 v1.5), base64.
 * Several keys per scheme are accepted (rotation). No key configured → nothing verifies (fail closed).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface GhlKeys {
  ed25519PublicKeys: string[];
  rsaPublicKeys: string[];
}

export type SignatureScheme = 'ed25519' | 'rsa-sha256';

const MAX_SIGNATURE_HEADER = 2048;

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  if (typeof s !== 'string' || s === '' || s.length > MAX_SIGNATURE_HEADER) return null;
  return s.trim();
}

function loadKeys(pems: string[], type: 'ed25519' | 'rsa', what: string): KeyObject[] {
  return pems.map((pem, i) => {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== type)
      throw new Error(`${what} key #${i + 1} is ${key.asymmetricKeyType ?? 'unknown'}, expected ${type}`);
    return key;
  });
}

export class GhlSignatureVerifier {
  private readonly ed25519: KeyObject[];
  private readonly rsa: KeyObject[];

  constructor(keys: GhlKeys) {
    this.ed25519 = loadKeys(keys.ed25519PublicKeys, 'ed25519', 'GHL Ed25519');
    this.rsa = loadKeys(keys.rsaPublicKeys, 'rsa', 'GHL RSA');
  }

  get configured(): boolean {
    return this.ed25519.length + this.rsa.length > 0;
  }

  /** The scheme that verified the body, or null (missing, malformed or forged signature). */
  verify(raw: Buffer, headers: IncomingHttpHeaders): SignatureScheme | null {
    const ghl = header(headers, 'x-ghl-signature');
    if (ghl && this.check(raw, ghl, this.ed25519, null)) return 'ed25519';
    const wh = header(headers, 'x-wh-signature');
    if (wh && this.check(raw, wh, this.rsa, 'sha256')) return 'rsa-sha256';
    return null;
  }

  private check(raw: Buffer, signatureB64: string, keys: KeyObject[], algorithm: 'sha256' | null): boolean {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(signatureB64)) return false;
    const signature = Buffer.from(signatureB64, 'base64');
    if (signature.length === 0) return false;
    return keys.some((key) => {
      try {
        return verify(algorithm, raw, key, signature);
      } catch {
        return false;
      }
    });
  }
}
