// Customers are started without waiting; a failed coffee is logged.
import { logError, perform } from "@coffee/shared";

/** Makes one coffee: pay, then espresso, then milk, in sequence. */
export async function makeCoffee(customer: number): Promise<void> {
  await perform("pay", customer);
  await perform("espresso", customer);
  await perform("milk", customer);
}

/** Starts `count` customers and returns without waiting for them. */
export function serveCustomers(count: number): void {
  // TODO: a coffee that fails is an unhandled rejection, which ends
  // the process. Log it with logError instead, without waiting.
  void logError;
  for (let customer = 1; customer <= count; customer++) {
    makeCoffee(customer);
  }
}
