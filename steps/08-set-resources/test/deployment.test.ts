import { fileURLToPath } from "node:url";
import { describeDeploymentStep } from "@coffee/shared/deploy-suite";
import { createApp } from "../src/server.ts";

// The lesson's table: small limits that Node.js runs in.
describeDeploymentStep(fileURLToPath(new URL("..", import.meta.url)), {
  expected: {
    port: 8080,
    replicas: 1,
    resources: {
      requests: { cpu: "100m", memory: "64Mi" },
      limits: { cpu: "250m", memory: "96Mi" },
    },
    // The lesson's longest request, in seconds at speed 1.
    longestRequestSeconds: 3,
    // STOP_DEADLINE_MS in src/main.ts.
    stopDeadlineSeconds: 10,
  },
  createApp,
});
