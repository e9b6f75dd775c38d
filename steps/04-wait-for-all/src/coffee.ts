// One coffee is three actions, awaited one after another.
import { perform } from "@coffee/shared";

/** Makes one coffee: pay, then espresso, then milk, in sequence. */
export async function makeCoffee(customer: number): Promise<void> {
  // Each await waits for the action to end before the next starts.
  await perform("pay", customer);
  await perform("espresso", customer);
  await perform("milk", customer);
}

/** Serves `count` customers at the same time, and waits for all. */
export async function serveCustomers(count: number): Promise<void> {
  // Each call starts a coffee at once, as in step 3, but keeps its
  // promise.
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    coffees.push(makeCoffee(customer));
  }

  // Promise.all is the wait group: it resolves when every coffee is
  // made, and rejects as soon as one of them fails.
  await Promise.all(coffees);
}
