import { fileURLToPath } from "node:url";
import { describeDeploymentStep } from "@coffee/shared/deploy-suite";
import { createApp } from "../src/server.ts";

// Two smaller replicas behind a Service, a Gateway and an Ingress.
describeDeploymentStep(fileURLToPath(new URL("..", import.meta.url)), {
  expected: {
    port: 8080,
    replicas: 2,
    resources: {
      requests: { cpu: "500m", memory: "256Mi" },
      limits: { cpu: "1", memory: "512Mi" },
    },
    // The lesson's longest request, in seconds at speed 1.
    longestRequestSeconds: 3,
    // STOP_DEADLINE_MS in src/main.ts.
    stopDeadlineSeconds: 10,
  },
  createApp,
});
