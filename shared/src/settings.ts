import { failurePlan } from "./action.ts";
import { currentSpeed } from "./clock.ts";
import { maxCustomers } from "./customers.ts";
import { parsePort } from "./http.ts";
import { currentVerbosity } from "./log.ts";

/**
 * Reads every `COFFEE_*` setting, `PORT` included, once at start.
 * On an invalid value it prints what is wrong and how to fix it, then
 * ends the process with exit code 2 instead of a stack trace later.
 */
export function checkSettings(): void {
  try {
    currentSpeed();
    currentVerbosity();
    maxCustomers();
    failurePlan();
    if (process.env.PORT) parsePort(process.env.PORT);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
}
