/**
 * Closing an HTTP server without dropping requests: the plumbing
 * behind the graceful stop that step 7 teaches.
 */
import type { Server, ServerResponse } from "node:http";
import { logInfo } from "./log.ts";

/** How the close went: requests that finished and that were cut off. */
export interface CloseResult {
  /** Requests that were in flight when the close began. */
  inFlight: number;
  /** Requests still running at the deadline, whose sockets were cut. */
  cutOff: number;
}

const tracked = new WeakMap<Server, Set<ServerResponse>>();

/**
 * Starts counting the requests in flight on `server`. `listen` calls
 * it, so every server of the workshop is counted from the start.
 */
export function trackRequests(server: Server): void {
  const inFlight = new Set<ServerResponse>();
  tracked.set(server, inFlight);
  server.on("request", (req, res) => {
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
  });
}

/**
 * Stops accepting connections, lets the requests in flight finish,
 * and closes keep-alive sockets as they become idle. After
 * `deadlineMs`, cuts the sockets that are still busy. Resolves when
 * the server is closed.
 */
export async function closeGracefully(
  server: Server,
  deadlineMs: number,
): Promise<CloseResult> {
  const inFlight = tracked.get(server) ?? new Set();
  const result = { inFlight: inFlight.size, cutOff: 0 };
  logInfo(`closing: ${inFlight.size} request(s) in flight`);

  // Each answer from now on tells its client to close the socket, so
  // no keep-alive connection outlives its last request.
  server.on("request", (_req, res) => {
    res.shouldKeepAlive = false;
  });
  for (const res of inFlight) res.shouldKeepAlive = false;
  const closed = new Promise<void>((resolve) =>
    server.close(() => resolve()),
  );
  server.closeIdleConnections();

  const deadline = setTimeout(() => {
    result.cutOff = inFlight.size;
    server.closeAllConnections();
  }, deadlineMs);
  await closed;
  clearTimeout(deadline);
  logInfo(
    `closed: ${result.inFlight - result.cutOff} of ${result.inFlight} ` +
      "request(s) finished",
  );
  return result;
}
