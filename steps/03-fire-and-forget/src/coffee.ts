// One coffee is three actions, awaited one after another.
import { perform } from "@coffee/shared";

/** Makes one coffee: pay, then espresso, then milk, in sequence. */
export async function makeCoffee(customer: number): Promise<void> {
  // Each await waits for the action to end before the next starts.
  await perform("pay", customer);
  await perform("espresso", customer);
  await perform("milk", customer);
}

/** Starts `count` customers and returns without waiting for them. */
export function serveCustomers(count: number): void {
  // Without await, like Go's `go makeCoffee()`, each call starts a
  // coffee and the loop moves on at once.
  // NOTE: nobody waits for these promises, so the answer goes out
  // before any coffee is made, and a failed action becomes an
  // unhandled rejection that ends the process; step 4 waits for them.
  for (let customer = 1; customer <= count; customer++) {
    makeCoffee(customer);
  }
}
