/**
 * A credential service that is no subgraph: a bare HTTP server implementing core/credential-service.ts
 * over an in-memory table of API keys, so a test can show the gateway resolves keys through whatever
 * service it is pointed at, with that service's credential. Counts lookups per key hash.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateApiKey } from '../../core/api-key';
import {
  CredentialServiceCredential,
  CredentialServiceError,
  RESOLVE_API_KEY_PATH,
  SUBJECT_REVOCATION_PATH,
} from '../../core/credential-service';
import type { Principal } from '../../core/principal';
import { readBody, sendJson } from '../../core/server/http-util';

export interface FakeCredentialService {
  url: string;
  /** Issues a key for `principal`; returns its secret and hash. */
  issue(principal: Principal): { secret: string; hash: string };
  /** Forgets a key, as a revocation would. */
  revoke(hash: string): void;
  /** Lookups answered per key hash (refused callers are not counted). */
  lookups: Map<string, number>;
  /** Calls refused for want of the credential. */
  refused(): number;
  close(): Promise<void>;
}

export async function startFakeCredentialService(secret: string): Promise<FakeCredentialService> {
  const credential = new CredentialServiceCredential(secret);
  const keys = new Map<string, Principal>();
  const lookups = new Map<string, number>();
  let refused = 0;
  const server = http.createServer((req, res) => {
    void (async () => {
      if (!(await credential.accepts(req.headers.authorization))) {
        refused++;
        sendJson(res, 401, { error: CredentialServiceError.unauthenticated });
        return;
      }
      const body = JSON.parse((await readBody(req, 4096)).toString('utf8')) as Record<string, string>;
      if (req.url === SUBJECT_REVOCATION_PATH) {
        sendJson(res, 200, { revokedAt: null });
        return;
      }
      if (req.url !== RESOLVE_API_KEY_PATH) {
        sendJson(res, 404, { error: 'not_found' });
        return;
      }
      const hash = body['keyHash'] ?? '';
      lookups.set(hash, (lookups.get(hash) ?? 0) + 1);
      const principal = keys.get(hash);
      if (principal) sendJson(res, 200, { principal });
      else sendJson(res, 404, { error: CredentialServiceError.unknownKey });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issue(principal) {
      const { secret: key, hash } = generateApiKey();
      keys.set(hash, principal);
      return { secret: key, hash };
    },
    revoke: (hash) => void keys.delete(hash),
    lookups,
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
