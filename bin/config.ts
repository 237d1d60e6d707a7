/** Loads the config for a CLI entry point; a bad value prints the variable and exits non-zero. */
import { ConfigError, loadConfig, type PlatformConfig } from '../core/config';
import { ensureSecrets } from '../core/secrets';
import { ListenError } from '../core/server/listen';

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

/**
 * What a CLI prints when starting failed: a ConfigError (a bad variable, a trusted documents file that
 * does not validate) and a ListenError (the port is taken) are the operator's to fix, one line without a
 * stack; anything else keeps its stack.
 */
export function startFailureMessage(err: unknown): string {
  if (err instanceof ConfigError) return `configuration error: ${err.message}`;
  // the port taken (EADDRINUSE) or the address not this host's: the operator's to fix, one line
  if (err instanceof ListenError) return `failed to start: ${err.message}`;
  return `failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
}
