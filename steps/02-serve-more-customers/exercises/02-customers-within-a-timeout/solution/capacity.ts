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
  // Customers are served in turn, three actions each, so the time
  // grows by three action times per customer.
  const perCustomer = (3 * ACTION_MS) / speed;
  return Math.max(0, Math.floor(timeoutMs / perCustomer));
}
