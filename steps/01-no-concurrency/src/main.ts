// Step 1: serve one customer with no concurrency, and time it.
import { checkSettings, logInfo, startStopwatch } from "@coffee/shared";
import { makeCoffee } from "./coffee.ts";

checkSettings();

const stopwatch = startStopwatch();
await makeCoffee(1);
logInfo(`Took ${stopwatch.elapsed()} to serve coffee to 1 customer(s)`);
