// Step 9: the server of step 8, with more CPU and memory per pod.
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
