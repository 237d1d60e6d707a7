/**
 * Where a workflow webhook may go. An http(s) URL without credentials whose host resolves only to public
 * addresses: loopback, private (RFC 1918, ULA), link-local (cloud metadata), CGNAT, multicast and
 * unspecified addresses are refused — unless `allowPrivate` (tests, local development; refused in
 * production by core/config). Checked when a workflow is saved and again at every attempt, on the
 * address the request then connects to (a name that later resolves to a private address is refused).
 */
import dns from 'node:dns/promises';
import net from 'node:net';
import { BadUserInputError } from '../../../core/errors';

export class RefusedDestinationError extends Error {
  override readonly name = 'RefusedDestinationError';
}

/** The URL as a workflow may hold it, or BAD_USER_INPUT. */
export function parseWebhookUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadUserInputError('url', 'must be an absolute URL');
  }
  if (raw.length > 2000) throw new BadUserInputError('url', 'at most 2000 characters');
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:'))
    throw new BadUserInputError('url', 'must be an https:// URL');
  if (url.username || url.password) throw new BadUserInputError('url', 'must not carry credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !allowPrivate && !isPublicAddress(host))
    throw new BadUserInputError('url', 'private, loopback and link-local destinations are refused');
  if (!allowPrivate && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host))
    throw new BadUserInputError('url', 'private, loopback and link-local destinations are refused');
  return url;
}

function v4(addr: string): number[] {
  return addr.split('.').map(Number);
}

function isPublicV4(addr: string): boolean {
  const [a = 0, b = 0] = v4(addr);
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false; // CGNAT
  if (a === 192 && b === 0) return false; // 192.0.0.0/24 and 192.0.2.0/24
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
  return true;
}

/** The IPv4 address an IPv4-mapped IPv6 address carries (`::ffff:127.0.0.1` or `::ffff:7f00:1`), else null. */
function mappedV4(a: string): string | null {
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (dotted?.[1]) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (!hex?.[1] || !hex[2]) return null;
  const hi = parseInt(hex[1], 16);
  const lo = parseInt(hex[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function isPublicAddress(addr: string): boolean {
  if (net.isIPv4(addr)) return isPublicV4(addr);
  const a = addr.toLowerCase();
  const v4 = mappedV4(a);
  if (v4) return isPublicV4(v4);
  // unspecified, loopback and the IPv4-compatible / translated forms (::a.b.c.d, ::7f00:1)
  if (a.startsWith('::')) return false;
  // 6to4 and Teredo embed an IPv4 address that may be private
  if (a.startsWith('2002:') || /^2001:0{0,4}:/.test(a)) return false;
  if (/^f[cd]/.test(a)) return false; // unique local
  if (/^fe[89ab]/.test(a)) return false; // link-local
  if (a.startsWith('ff')) return false; // multicast
  if (a.startsWith('64:ff9b:') || a.startsWith('2001:db8')) return false;
  return net.isIPv6(a);
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** The address to connect to; RefusedDestinationError when any address of the host is not public. */
export async function resolveDestination(host: string, allowPrivate: boolean): Promise<ResolvedAddress> {
  const bare = host.replace(/^\[|\]$/g, '');
  const found = net.isIP(bare)
    ? [{ address: bare, family: net.isIP(bare) }]
    : await dns.lookup(bare, { all: true, verbatim: true });
  if (found.length === 0) throw new RefusedDestinationError(`${host} does not resolve`);
  if (!allowPrivate) {
    const refused = found.find((f) => !isPublicAddress(f.address));
    if (refused)
      throw new RefusedDestinationError(`${host} resolves to a non-public address (${refused.address})`);
  }
  const first = found[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
