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
  for (let customer = 1; customer <= count; customer++) {
    // Still not awaited, but no longer unhandled: a failure is logged
    // and the process, with every other request in it, carries on.
    makeCoffee(customer).catch((error: unknown) => {
      logError(`coffee of customer ${customer} failed`, error);
    });
  }
}
