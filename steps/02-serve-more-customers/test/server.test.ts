import { describeServerStep } from "@coffee/shared/server-suite";
import { createApp } from "../src/server.ts";

// One customer after another: three action times per customer.
describeServerStep(createApp, { actionTimes: (n) => 3 * n });
