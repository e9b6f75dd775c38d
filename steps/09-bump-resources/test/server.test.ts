import { describeServerStep } from "@coffee/shared/server-suite";
import { createApp } from "../src/server.ts";

// Every action of every customer overlaps: one action time.
describeServerStep(createApp, {
  actionTimes: () => 1,
  stopsWorkOnDisconnect: true,
});
