// Stop a server on SIGTERM without losing the requests in flight.
import type { Server } from "node:http";

/** Stops `server` gracefully; resolves once it is closed. */
export function stopGracefully(server: Server): Promise<void> {
  // TODO: let the requests in flight finish. Today every connection
  // is cut at once, as if the process had exited.
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
