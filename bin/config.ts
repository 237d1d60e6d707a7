/** Loads the config for a CLI entry point; a bad value prints the variable and exits non-zero. */
import { ConfigError, loadConfig, type PlatformConfig } from '../core/config';
import { ensureSecrets } from '../core/secrets';

export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  try {
    return ensureSecrets(loadConfig(env));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
