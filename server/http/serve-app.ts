import type { Server } from 'node:http';
import type { Express } from 'express';

type Log = (entry: { severity: string; message: string; [k: string]: unknown }) => void;

export interface ServeOptions {
  port: number;
  host: string;
  log: Log;
  /** In-flight requests get this long after SIGTERM (Cloud Run sends SIGKILL 10 s after SIGTERM). */
  shutdownTimeoutMs?: number;
  /** Runs once the server is closed (stop collections, close clients). */
  onClose?: () => Promise<void>;
  /** Process exit, injectable for tests. */
  exit?: (code: number) => void;
}

/**
 * Listens on host:port and shuts down gracefully on SIGTERM or SIGINT: stops accepting connections,
 * lets in-flight requests finish, closes keep-alive connections as they go idle, and exits 0; after
 * shutdownTimeoutMs it drops what is left and exits 1.
 */
export function serveApp(app: Express, options: ServeOptions): Promise<Server> {
  const { log, exit = (code) => process.exit(code) } = options;
  const timeoutMs = options.shutdownTimeoutMs ?? 9_000;
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host);
    // Slow clients cannot hold sockets open forever.
    server.headersTimeout = 20_000;
    server.requestTimeout = 60_000;
    server.keepAliveTimeout = 65_000;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server);
    });

    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      const started = Date.now();
      log({ severity: 'INFO', message: `${signal} received: finishing in-flight requests` });
      // Answers from now on close their connection, and idle keep-alive connections are closed.
      server.on('request', (_req, res) => res.setHeader('Connection', 'close'));
      const idle = setInterval(() => server.closeIdleConnections(), 250);
      const force = setTimeout(() => {
        log({
          severity: 'WARNING',
          message: `requests still running ${timeoutMs} ms after ${signal}: closing their connections`,
        });
        server.closeAllConnections();
        exit(1);
      }, timeoutMs);
      force.unref();
      server.close(async () => {
        clearInterval(idle);
        try {
          await options.onClose?.();
        } catch (error) {
          log({ severity: 'ERROR', message: `shutdown: ${String(error)}` });
        }
        clearTimeout(force);
        log({ severity: 'INFO', message: `stopped ${Date.now() - started} ms after ${signal}` });
        exit(0);
      });
      server.closeIdleConnections();
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}
