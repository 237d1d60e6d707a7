/**
 * The production switches (issue 12): what a gateway refuses in production that is convenient while
 * developing. Parsed here, beside core/config.ts (which calls `productionSwitches`), from the same env;
 * each defaults to its production setting when NODE_ENV=production and to the open one otherwise, and an
 * explicit variable wins either way.
 */
import { z } from 'zod';
import { ConfigError } from './config';

export interface ProductionSwitches {
  /**
   * Who may introspect the schema (INTROSPECTION): `public` (anyone, the development default) or
   * `authenticated` (an API key or a bearer token; the production default). The portal's pages are
   * rendered from the supergraph on the server and keep working; its explorer needs a credential.
   */
  introspection: 'public' | 'authenticated';
  /**
   * CSRF prevention (CSRF_PREVENTION, on in production): a request a browser may send cross-site without a
   * preflight (GET, or a POST of a form or text/plain) must carry `x-graphql-csrf`, `apollo-require-preflight`
   * or `x-graphql-yoga-csrf`; without one it is refused with 400 CSRF_PREVENTED.
   */
  csrfPrevention: boolean;
  /**
   * A JSON manifest of trusted documents per API key (TRUSTED_DOCUMENTS_FILE): a key listed there runs only
   * its registered documents, sent by id (gateway/trusted-documents.ts). Unset: no key is restricted.
   */
  trustedDocumentsFile?: string;
}

const onOff = z.enum(['true', 'false']).optional();
const schema = z.object({
  INTROSPECTION: z.enum(['public', 'authenticated']).optional(),
  CSRF_PREVENTION: onOff,
  TRUSTED_DOCUMENTS_FILE: z.string().optional(),
});

export function productionSwitches(
  env: NodeJS.ProcessEnv,
  nodeEnv: 'development' | 'production' | 'test',
): ProductionSwitches {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'invalid');
  }
  const e = parsed.data;
  const production = nodeEnv === 'production';
  return {
    introspection: e.INTROSPECTION ?? (production ? 'authenticated' : 'public'),
    csrfPrevention: e.CSRF_PREVENTION ? e.CSRF_PREVENTION === 'true' : production,
    trustedDocumentsFile: e.TRUSTED_DOCUMENTS_FILE?.trim() || undefined,
  };
}
