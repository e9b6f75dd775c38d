// How many customers fit in one request to step 2 before a timeout?
import { ACTION_MS } from "@coffee/shared";

/**
 * Returns the most customers that step 2 serves in one request
 * within `timeoutMs`, at speed factor `speed`.
 */
export function maxCustomersWithin(
  timeoutMs: number,
  speed = 1,
): number {
  // TODO: work it out from ACTION_MS, the speed and the timeout.
  void ACTION_MS;
  void timeoutMs;
  void speed;
  return 0;
}
