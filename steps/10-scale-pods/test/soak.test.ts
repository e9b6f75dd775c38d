import { fileURLToPath } from "node:url";
import { describeSoak } from "@coffee/shared/soak-suite";

describeSoak(fileURLToPath(new URL("..", import.meta.url)));
