import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(opts: { level: string; name: string }): Logger {
  return pino({
    name: opts.name,
    level: opts.level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'apiKey', 'secret'],
      censor: '[redacted]',
    },
  });
}
