import { describeFailingAction } from "@coffee/shared/failure-suite";
import { createApp } from "../src/server.ts";

// Customer 2's payment fails after one action time; every other action had started with it and still ends.
describeFailingAction(createApp, { failsAfter: 1, spansInAll: 8 });
