// Customers are started without waiting, and counted until made.
import { perform } from "@coffee/shared";

let inFlight = 0;

/** Makes one coffee: pay, then espresso, then milk, in sequence. */
export async function makeCoffee(customer: number): Promise<void> {
  await perform("pay", customer);
  await perform("espresso", customer);
  await perform("milk", customer);
}

/** Starts `count` customers and returns without waiting for them. */
export function serveCustomers(count: number): void {
  for (let customer = 1; customer <= count; customer++) {
    // The counter goes up now, and down when this coffee settles,
    // made or failed; nobody waits for it.
    inFlight += 1;
    void makeCoffee(customer).finally(() => {
      inFlight -= 1;
    });
  }
}

/** Returns how many started coffees are not made yet. */
export function coffeesInFlight(): number {
  return inFlight;
}

/** Coffees in flight after `serveCustomers(3)`. */
export const predicted = {
  rightAfterReturn: 3,
  afterOneActionTime: 3,
};
