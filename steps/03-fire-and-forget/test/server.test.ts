import { describeServerStep } from "@coffee/shared/server-suite";
import { createApp } from "../src/server.ts";

// The answer goes out before any action has ended.
describeServerStep(createApp, { actionTimes: () => 0 });
