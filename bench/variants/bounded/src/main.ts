// A variant of step 5 that keeps a bounded number of customers in flight.
import { checkSettings, listen, logInfo } from "@coffee/shared";
import { createApp } from "./server.ts";

checkSettings();
await listen(createApp());

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logInfo(`${signal} received: stopping`);
    process.exit(0);
  });
}
