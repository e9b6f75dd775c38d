// One coffee is three actions, awaited one after another.
import { perform } from "@coffee/shared";

/** Makes one coffee: pay, then espresso, then milk, in sequence. */
export async function makeCoffee(customer: number): Promise<void> {
  // Each await waits for the action to end before the next starts.
  await perform("pay", customer);
  await perform("espresso", customer);
  await perform("milk", customer);
}
