/**
 * Secrets the embedded default generates on first start (JWT signing secret, context-token secret) and
 * keeps under the data directory (0700, the file 0600). In production they must come from the environment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, type PlatformConfig } from './config';
import { ensurePrivateDir, restrictIfExists, writePrivateFile } from './private-files';

interface StoredSecrets {
  jwtSecret: string;
  contextSecret: string;
}

export function ensureSecrets(config: PlatformConfig): PlatformConfig {
  if (config.auth.jwtSecret && config.auth.contextSecret) return config;
  if (config.env === 'production') {
    throw new ConfigError(config.auth.jwtSecret ? 'CONTEXT_SECRET' : 'JWT_SECRET', 'required in production');
  }
  const file = path.join(config.dataDir, 'secrets.json');
  let stored: StoredSecrets | undefined;
  if (fs.existsSync(file)) {
    restrictIfExists(file);
    try {
      stored = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredSecrets;
    } catch {
      throw new ConfigError(
        'DATA_DIR',
        `${file} is not valid JSON: fix or delete it (new secrets invalidate issued tokens)`,
      );
    }
  }
  if (!stored?.jwtSecret || !stored.contextSecret) {
    stored = {
      jwtSecret: randomBytes(32).toString('base64url'),
      contextSecret: randomBytes(32).toString('base64url'),
    };
    ensurePrivateDir(config.dataDir);
    writePrivateFile(file, JSON.stringify(stored, null, 2));
  }
  return {
    ...config,
    auth: {
      ...config.auth,
      jwtSecret: config.auth.jwtSecret ?? stored.jwtSecret,
      contextSecret: config.auth.contextSecret ?? stored.contextSecret,
    },
  };
}
