import { describeServerStep } from "@coffee/shared/server-suite";
import { createApp } from "../src/server.ts";

// Up to the limit, every customer is in flight at once: one action time.
describeServerStep(createApp, { actionTimes: () => 1 });
