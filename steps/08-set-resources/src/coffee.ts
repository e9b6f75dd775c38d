// One coffee is three actions, and they run at the same time. The
// request's signal stops them when the client has gone.
import { perform } from "@coffee/shared";

/** Makes one coffee: pay, espresso and milk all at once. */
export async function makeCoffee(
  customer: number,
  signal?: AbortSignal,
): Promise<void> {
  // All three actions start now; the coffee is ready when the
  // slowest of them ends.
  await Promise.all([
    perform("pay", customer, signal),
    perform("espresso", customer, signal),
    perform("milk", customer, signal),
  ]);
}

/**
 * Serves `count` customers at the same time, and waits for all. When
 * `signal` aborts, every action stops and the promise rejects.
 */
export async function serveCustomers(
  count: number,
  signal?: AbortSignal,
): Promise<void> {
  // Each call starts a coffee at once, as in step 3, but keeps its
  // promise.
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    coffees.push(makeCoffee(customer, signal));
  }

  // Promise.all is the wait group: it resolves when every coffee is
  // made, and rejects as soon as one of them fails.
  await Promise.all(coffees);
}
