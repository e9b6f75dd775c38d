import { describeFailingAction } from "@coffee/shared/failure-suite";
import { createApp } from "../src/server.ts";

// Customer 2's payment fails after one action time, while customers 1 and 3 go on to make their coffee.
describeFailingAction(createApp, { failsAfter: 1, spansInAll: 6 });
