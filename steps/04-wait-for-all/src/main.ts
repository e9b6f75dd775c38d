// Step 4: a server that serves all customers at once and waits.
import { checkSettings, listen, logInfo } from "@coffee/shared";
import { createApp } from "./server.ts";

checkSettings();

// NOTE: stopping exits at once and drops any request in flight;
// step 7 stops gracefully.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logInfo(`${signal} received: stopping`);
    process.exit(0);
  });
}

await listen(createApp());
