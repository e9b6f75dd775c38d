import { fileURLToPath } from "node:url";
import { describeDeploymentStep } from "@coffee/shared/deploy-suite";
import { createApp } from "../src/server.ts";

// One replica, no resources yet, probes and a graceful stop.
describeDeploymentStep(fileURLToPath(new URL("..", import.meta.url)), {
  expected: {
    port: 8080,
    replicas: 1,
    resources: undefined,
    // The lesson's longest request, in seconds at speed 1.
    longestRequestSeconds: 2,
    // STOP_DEADLINE_MS in src/main.ts.
    stopDeadlineSeconds: 10,
  },
  createApp,
});
