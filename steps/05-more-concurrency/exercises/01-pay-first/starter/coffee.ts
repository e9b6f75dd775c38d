// One coffee: pay first, then espresso and milk at the same time.
import { perform } from "@coffee/shared";

/** Makes one coffee: pay, then espresso and milk together. */
export async function makeCoffee(customer: number): Promise<void> {
  // TODO: pay must end before espresso and milk start, and espresso
  // and milk must run at the same time. Today all three overlap.
  await Promise.all([
    perform("pay", customer),
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
