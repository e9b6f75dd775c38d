// One coffee is three actions, awaited one after another.
import { perform } from "@coffee/shared";

/** Makes one coffee: pay, then espresso, then milk, in sequence. */
export async function makeCoffee(customer: number): Promise<void> {
  // Each await waits for the action to end before the next starts.
  await perform("pay", customer);
  await perform("espresso", customer);
  await perform("milk", customer);
}

/** Serves `count` customers, one after another. */
export async function serveCustomers(count: number): Promise<void> {
  // The next customer starts only when the last one has their coffee.
  for (let customer = 1; customer <= count; customer++) {
    await makeCoffee(customer);
  }
}
