/**
 * The WebSocket connections open on a subgraph's server (the gateway's upstream), counted at the HTTP
 * upgrade: how many are open now, the most open at once, how many were ever opened, and `until` to wait on
 * a change (never on a clock).
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';

export class UpstreamSockets {
  open = 0;
  max = 0;
  opened = 0;
  private readonly waiters = new Set<() => void>();

  constructor(server: http.Server) {
    server.on('upgrade', (_req: http.IncomingMessage, socket: Duplex) => {
      this.open += 1;
      this.opened += 1;
      this.max = Math.max(this.max, this.open);
      this.changed();
      socket.once('close', () => {
        this.open -= 1;
        this.changed();
      });
    });
  }

  /** Forgets the highest count so far (a new phase measures its own). */
  resetMax(): void {
    this.max = this.open;
  }

  until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what} (open upstream: ${this.open})`)),
        ms,
      );
      const check = () => {
        if (!ok()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
      check();
    });
  }

  private changed(): void {
    for (const w of [...this.waiters]) w();
  }
}
