// One coffee: pay first, then espresso and milk at the same time.
import { perform } from "@coffee/shared";

/** Makes one coffee: pay, then espresso and milk together. */
export async function makeCoffee(customer: number): Promise<void> {
  // Nothing is made before the customer has paid.
  await perform("pay", customer);

  // Espresso and milk do not depend on each other, so both start now
  // and the coffee is ready when the slower one ends.
  await Promise.all([
    perform("espresso", customer),
    perform("milk", customer),
  ]);
}

/** Serves `count` customers at the same time, and waits for all. */
export async function serveCustomers(count: number): Promise<void> {
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    coffees.push(makeCoffee(customer));
  }
  await Promise.all(coffees);
}
