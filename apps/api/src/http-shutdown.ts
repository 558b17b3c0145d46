import type { Server } from 'node:http';

/**
 * Closing the API (a stop signal, a deployment) stops taking connections, closes the idle ones and
 * lets the requests in flight finish (docs/operations.md, "Stopping"). Connections still busy after
 * the grace period are closed: a client that stopped reading its answer cannot hold the stop.
 */
export function closeWithGrace(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close((error) => {
      clearTimeout(force);
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
