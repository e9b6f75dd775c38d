// Step 10: replicas that name themselves and outlast proxy sockets.
import {
  checkSettings,
  closeGracefully,
  listen,
  logInfo,
} from "@coffee/shared";
import { createApp } from "./server.ts";

/** How long requests in flight may run on after SIGTERM, in ms. */
const STOP_DEADLINE_MS = 10_000;

checkSettings();
const health = { stopping: false };
const server = await listen(createApp(health));

// A proxy in front keeps idle sockets to the pods for 60 to 90 s;
// Node.js closes them after 5 s, so the proxy would now and then send
// a request into a closing socket and answer 502. Outlast the proxy.
server.keepAliveTimeout = 95_000;
server.headersTimeout = 96_000;

// Kubernetes sends SIGTERM, then SIGKILL after the grace period. In
// between: report not ready, stop accepting connections, let the
// requests in flight finish, exit.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    logInfo(`${signal} received: stopping gracefully`);
    health.stopping = true;
    const { cutOff } = await closeGracefully(server, STOP_DEADLINE_MS);
    process.exit(cutOff === 0 ? 0 : 1);
  });
}
