// At most a set number of customers in flight; the rest wait a turn.
import { perform } from "@coffee/shared";

/**
 * The maximum customers in flight at once: 3,000,000 customers take
 * 24 turns of 2 s. On a shared 2-core VM, 150,000 at once spent most
 * of their time collecting garbage in a 1 GiB heap (pnpm bench).
 */
export const MAX_IN_FLIGHT = 125_000;

/** Makes one coffee: pay, espresso and milk all at once. */
export async function makeCoffee(customer: number): Promise<void> {
  await Promise.all([
    perform("pay", customer),
    perform("espresso", customer),
    perform("milk", customer),
  ]);
}

/** Serves `count` customers, at most `limit` of them at a time. */
export async function serveCustomers(
  count: number,
  limit = MAX_IN_FLIGHT,
): Promise<void> {
  let next = 1;

  // A barista takes the next waiting customer as soon as the last
  // coffee is made, until no customer is waiting.
  async function barista(): Promise<void> {
    while (next <= count) {
      const customer = next++;
      await makeCoffee(customer);
    }
  }

  // Promise.all waits for `limit` baristas, not for every customer,
  // so memory and the promise count stay bounded for any count.
  const baristas = Array.from({ length: Math.min(limit, count) }, () =>
    barista(),
  );
  await Promise.all(baristas);
}
