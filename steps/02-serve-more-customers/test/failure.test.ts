import { describeFailingAction } from "@coffee/shared/failure-suite";
import { createApp } from "../src/server.ts";

// One customer after another: customer 1 takes three action times, then customer 2's payment fails and customer 3 never starts.
describeFailingAction(createApp, { failsAfter: 4, spansInAll: 3 });
