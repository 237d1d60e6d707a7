/**
 * Secrets the embedded default generates on first start (JWT signing secret, context-token secret,
 * credential-service secret) and keeps under the data directory (0700, the file 0600); never printed.
 * A secret missing from an older file is added without replacing the others (issued tokens stay valid).
 * In production JWT_SECRET and CONTEXT_SECRET must come from the environment; CREDENTIAL_SERVICE_SECRET
 * is optional there (absent: the credential service refuses every caller, a gateway refuses API keys).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, type PlatformConfig } from './config';
import { ensurePrivateDir, restrictIfExists, writePrivateFile } from './private-files';

interface StoredSecrets {
  jwtSecret: string;
  contextSecret: string;
  credentialServiceSecret: string;
}

const newSecret = () => randomBytes(32).toString('base64url');

function readStored(file: string): Partial<StoredSecrets> {
  if (!fs.existsSync(file)) return {};
  restrictIfExists(file);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoredSecrets>;
  } catch {
    throw new ConfigError(
      'DATA_DIR',
      `${file} is not valid JSON: fix or delete it (new secrets invalidate issued tokens)`,
    );
  }
}

export function ensureSecrets(config: PlatformConfig): PlatformConfig {
  const { jwtSecret, contextSecret } = config.auth;
  if (jwtSecret && contextSecret && (config.credentialService.secret || config.env === 'production'))
    return config;
  if (config.env === 'production') {
    throw new ConfigError(jwtSecret ? 'CONTEXT_SECRET' : 'JWT_SECRET', 'required in production');
  }
  const file = path.join(config.dataDir, 'secrets.json');
  const read = readStored(file);
  const stored: StoredSecrets = {
    jwtSecret: read.jwtSecret || newSecret(),
    contextSecret: read.contextSecret || newSecret(),
    credentialServiceSecret: read.credentialServiceSecret || newSecret(),
  };
  if (
    stored.jwtSecret !== read.jwtSecret ||
    stored.contextSecret !== read.contextSecret ||
    stored.credentialServiceSecret !== read.credentialServiceSecret
  ) {
    ensurePrivateDir(config.dataDir);
    writePrivateFile(file, JSON.stringify(stored, null, 2));
  }
  return {
    ...config,
    auth: {
      ...config.auth,
      jwtSecret: jwtSecret ?? stored.jwtSecret,
      contextSecret: contextSecret ?? stored.contextSecret,
    },
    credentialService: {
      ...config.credentialService,
      secret: config.credentialService.secret ?? stored.credentialServiceSecret,
    },
  };
}
