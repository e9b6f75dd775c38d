// Customers are started without waiting, and counted until made.
import { perform } from "@coffee/shared";

/** Makes one coffee: pay, then espresso, then milk, in sequence. */
export async function makeCoffee(customer: number): Promise<void> {
  await perform("pay", customer);
  await perform("espresso", customer);
  await perform("milk", customer);
}

/** Starts `count` customers and returns without waiting for them. */
export function serveCustomers(count: number): void {
  // TODO: count each coffee while it is being made.
  for (let customer = 1; customer <= count; customer++) {
    makeCoffee(customer);
  }
}

/** Returns how many started coffees are not made yet. */
export function coffeesInFlight(): number {
  // TODO: return the count.
  return 0;
}

/** Coffees in flight after `serveCustomers(3)`. */
export const predicted = {
  // TODO: replace each undefined with your prediction.
  rightAfterReturn: undefined as number | undefined,
  afterOneActionTime: undefined as number | undefined,
};
