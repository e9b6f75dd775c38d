import { fileURLToPath } from "node:url";
import { describeDeploymentStep } from "@coffee/shared/deploy-suite";

// The image: a pinned base, an install from the lockfile, a non-root
// user, and node itself as PID 1.
describeDeploymentStep(fileURLToPath(new URL("..", import.meta.url)));
