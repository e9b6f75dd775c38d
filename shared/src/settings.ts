import { failurePlan } from "./action.ts";
import { currentSpeed } from "./clock.ts";
import { maxCustomers } from "./customers.ts";
import { fixSettings } from "./fixed-settings.ts";
import { parsePort } from "./http.ts";
import { currentVerbosity } from "./log.ts";
import { exportSpansOnExit } from "./span-export.ts";

/**
 * Reads every `COFFEE_*` setting, `PORT` included, once at start, and
 * keeps the values for the life of the process (see fixSettings).
 * On an invalid value it prints what is wrong and how to fix it, then
 * ends the process with exit code 2 instead of a stack trace later.
 * With `COFFEE_SPANS_DIR` set, it also arranges for the spans to be
 * written there on exit.
 */
export function checkSettings(): void {
  fixSettings();
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
  exportSpansOnExit();
}
