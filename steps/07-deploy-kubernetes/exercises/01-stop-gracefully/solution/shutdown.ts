// Stop a server on SIGTERM without losing the requests in flight.
import type { Server } from "node:http";

/** Stops `server` gracefully; resolves once it is closed. */
export function stopGracefully(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    // close() stops accepting now, and calls back when the requests
    // in flight have sent their answers and their connections ended.
    server.close((error) => (error ? reject(error) : resolve()));

    // Idle keep-alive connections would hold close() open.
    server.closeIdleConnections();
  });
}
