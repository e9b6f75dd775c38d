import { fileURLToPath } from "node:url";
import { describeDeploymentStep } from "@coffee/shared/deploy-suite";
import { createApp } from "../src/server.ts";

// The talk's bumped resources.
describeDeploymentStep(fileURLToPath(new URL("..", import.meta.url)), {
  expected: {
    port: 8080,
    replicas: 1,
    resources: {
      requests: { cpu: "2", memory: "1024M" },
      limits: { cpu: "4", memory: "3092M" },
    },
    // The lesson's longest request, in seconds at speed 1.
    longestRequestSeconds: 3,
    // STOP_DEADLINE_MS in src/main.ts.
    stopDeadlineSeconds: 10,
  },
  createApp,
});
