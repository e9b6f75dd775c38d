import { describeServerStep } from "@coffee/shared/server-suite";
import { createApp } from "../src/server.ts";

// Customers overlap: three action times whatever the count.
describeServerStep(createApp, { actionTimes: () => 3 });
