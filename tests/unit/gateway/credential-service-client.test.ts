/**
 * The gateway's credential-service client under a service that stumbles: many lookups in flight together,
 * each first call failing (a 503, or the connection dropped), all still resolve — one slow moment of the
 * service does not refuse partners' requests — while a service that keeps failing is UPSTREAM_UNAVAILABLE.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RESOLVE_API_KEY_PATH } from '../../../core/credential-service';
import { UpstreamUnavailableError } from '../../../core/errors';
import { MemberRole } from '../../../core/vocabulary';
import { readBody, sendJson } from '../../../core/server/http-util';
import { CredentialServiceClient } from '../../../gateway/credential-service-client';

const SECRET = 'test-credential-service-secret-0123456789';

/** Answers a principal per key hash; `fail(hash, n)` says how the n-th call of that hash fails, if at all. */
async function stumblingService(
  fail: (hash: string, n: number) => 'drop' | 503 | null,
): Promise<{ url: string; calls: Map<string, number>; close(): Promise<void> }> {
  const calls = new Map<string, number>();
  const server = http.createServer((req, res) => {
    void (async () => {
      const { keyHash } = JSON.parse((await readBody(req, 10_000)).toString()) as { keyHash: string };
      const n = (calls.get(keyHash) ?? 0) + 1;
      calls.set(keyHash, n);
      const how = req.url === RESOLVE_API_KEY_PATH ? fail(keyHash, n) : 503;
      if (how === 'drop') return void req.socket.destroy();
      if (how === 503) return sendJson(res, 503, { error: 'busy' });
      sendJson(res, 200, {
        principal: {
          tenantId: `t-${keyHash}`,
          organizationId: `o-${keyHash}`,
          organizationIds: [`o-${keyHash}`],
          locationIds: null,
          role: MemberRole.ADMIN,
          scopes: ['agents:read'],
          subject: `k-${keyHash}`,
        },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('credential-service client', () => {
  it('resolves 60 keys in flight whose first lookups fail (503 or dropped), each its own principal', async () => {
    const svc = await stumblingService((hash, n) =>
      n > 1 ? null : Number(hash.slice(1)) % 2 ? 'drop' : 503,
    );
    try {
      const client = new CredentialServiceClient({ url: svc.url, secret: SECRET });
      const hashes = Array.from({ length: 60 }, (_, i) => `h${i}`);
      const principals = await Promise.all(hashes.map((h) => client.resolveApiKey(h)));
      expect(principals.map((p) => p?.tenantId)).toEqual(hashes.map((h) => `t-${h}`));
      expect([...svc.calls.values()].every((n) => n === 2)).toBe(true);
    } finally {
      await svc.close();
    }
  });

  it('a service that keeps failing is UPSTREAM_UNAVAILABLE after one more try', async () => {
    const svc = await stumblingService(() => 503);
    try {
      const client = new CredentialServiceClient({ url: svc.url, secret: SECRET });
      await expect(client.resolveApiKey('h1')).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(svc.calls.get('h1')).toBe(2);
    } finally {
      await svc.close();
    }
  });
});
