/**
 * Starting to listen, or failing to: `listenOn` resolves once the server listens and rejects with a
 * `ListenError` when it cannot (the port is taken, the address is not this host's, no permission). Before
 * this, `server.listen(port, host, resolve)` ignored the 'error' event: a process whose port was taken either
 * crashed on an unhandled 'error' event (a raw stack) or — when a WebSocket server attached to the HTTP
 * server re-emitted the error and logged it — kept running without listening, forever. The start scripts
 * (bin/config.ts `startFailureMessage`) print a ListenError as one line and exit 1.
 */
import type { Server } from 'node:net';

const REASONS: Record<string, string> = {
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available on this host',
  EACCES: 'permission denied',
};

/** A service could not listen on its address; the message names the service, host:port and the code. */
export class ListenError extends Error {
  readonly code: string;
  constructor(
    readonly service: string,
    readonly host: string,
    readonly port: number,
    cause: NodeJS.ErrnoException,
  ) {
    const code = cause.code ?? 'UNKNOWN';
    super(`${service} cannot listen on ${host}:${port}: ${code} (${REASONS[code] ?? cause.message})`, {
      cause,
    });
    this.name = 'ListenError';
    this.code = code;
  }
}

export interface ListenOptions {
  /** The service, as the error names it (e.g. `coaching`, `gateway`). */
  name: string;
  host: string;
  /** 0 = any free port. */
  port: number;
}

/** Listens on `host:port`: resolves once listening, rejects with a ListenError when the server cannot. */
export function listenOn(server: Server, opts: ListenOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(new ListenError(opts.name, opts.host, opts.port, err));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(opts.port, opts.host);
  });
}
