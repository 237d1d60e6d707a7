/**
 * Checking the photos of `analyzeListingPhotos` before anything is sent: an upload is base64 data with its media
 * type (JPEG, PNG, WebP or GIF — what Claude reads), decoded, at most `maxBytes`, and its first bytes must be that
 * format; a URL is https, without credentials, and not a private or loopback address. URLs are not fetched here:
 * they go to Claude as URL image sources (the model provider fetches them), so nothing on our network is reachable
 * through them. Every failure is a BAD_USER_INPUT naming the photo.
 */
import { isIP } from 'node:net';
import { BadUserInputError } from '../../../core/errors';

export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type PhotoMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

export interface PhotoLimits {
  /** Photos per request. */
  maxCount: number;
  /** Decoded bytes per uploaded photo. */
  maxBytes: number;
  /** Allow http and private/loopback hosts in URLs (tests only). */
  allowPrivateUrls?: boolean;
}

/** Claude's own caps: 5 MB of base64 per image (3.75 MB decoded); 10 photos keep one request reasonable. */
export const DEFAULT_PHOTO_LIMITS: PhotoLimits = { maxCount: 10, maxBytes: 3_750_000 };

export interface PhotoInputData {
  url?: string | null;
  data?: string | null;
  mediaType?: string | null;
}

export type CheckedPhoto =
  { kind: 'base64'; mediaType: PhotoMediaType; data: string; bytes: number } | { kind: 'url'; url: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The format the first bytes say, or null. */
export function sniffImage(bytes: Buffer): PhotoMediaType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

function privateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal'))
    return true;
  const v = isIP(h);
  if (v === 4) {
    const [a = 0, b = 0] = h.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      a >= 224
    );
  }
  if (v === 6)
    return h === '::1' || h === '::' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('::ffff:');
  return false;
}

function checkUrl(field: string, raw: string, limits: PhotoLimits): CheckedPhoto {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadUserInputError(field, 'must be an https URL');
  }
  const httpOk = limits.allowPrivateUrls && url.protocol === 'http:';
  if ((url.protocol !== 'https:' && !httpOk) || !url.hostname)
    throw new BadUserInputError(field, 'must be an https URL');
  if (url.username || url.password) throw new BadUserInputError(field, 'must not contain credentials');
  if (raw.length > 2048) throw new BadUserInputError(field, 'must be at most 2048 characters');
  if (!limits.allowPrivateUrls && privateHost(url.hostname))
    throw new BadUserInputError(field, 'must be a public address (no private, loopback or link-local host)');
  return { kind: 'url', url: url.toString() };
}

function checkUpload(
  field: string,
  data: string,
  mediaType: string | null | undefined,
  limits: PhotoLimits,
): CheckedPhoto {
  const type = (mediaType ?? '').trim().toLowerCase();
  if (!(PHOTO_MEDIA_TYPES as readonly string[]).includes(type))
    throw new BadUserInputError(`${field}.mediaType`, `must be one of ${PHOTO_MEDIA_TYPES.join(', ')}`);
  const clean = data.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  // a cheap bound before decoding: base64 is 4 characters per 3 bytes
  if (Math.floor((clean.length * 3) / 4) - 2 > limits.maxBytes)
    throw new BadUserInputError(`${field}.data`, `must be at most ${limits.maxBytes} bytes decoded`);
  if (clean.length === 0 || clean.length % 4 !== 0 || !BASE64.test(clean))
    throw new BadUserInputError(`${field}.data`, 'must be base64 (standard alphabet, padded)');
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length > limits.maxBytes)
    throw new BadUserInputError(`${field}.data`, `must be at most ${limits.maxBytes} bytes decoded`);
  const actual = sniffImage(bytes);
  if (actual !== type)
    throw new BadUserInputError(
      `${field}.data`,
      `is not a ${type} image${actual ? ` (it is ${actual})` : ''}`,
    );
  return { kind: 'base64', mediaType: type as PhotoMediaType, data: clean, bytes: bytes.length };
}

/** The photos, checked, in order. */
export function checkPhotos(photos: readonly PhotoInputData[], limits: PhotoLimits): CheckedPhoto[] {
  if (photos.length === 0) throw new BadUserInputError('photos', 'at least one photo is required');
  if (photos.length > limits.maxCount)
    throw new BadUserInputError('photos', `at most ${limits.maxCount} photos per request`);
  return photos.map((p, i) => {
    const field = `photos[${i}]`;
    const hasUrl = typeof p.url === 'string' && p.url !== '';
    const hasData = typeof p.data === 'string' && p.data !== '';
    if (hasUrl === hasData)
      throw new BadUserInputError(field, 'give either url or data (with mediaType), not both');
    return hasUrl
      ? checkUrl(`${field}.url`, p.url!, limits)
      : checkUpload(field, p.data!, p.mediaType, limits);
  });
}
