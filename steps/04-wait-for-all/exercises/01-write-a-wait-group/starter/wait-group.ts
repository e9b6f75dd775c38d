// A wait group, as Go's sync.WaitGroup: add, done, wait.
import { perform } from "@coffee/shared";

/** Counts work in progress; `wait()` resolves when none is left. */
export class WaitGroup {
  /** Changes the counter by `delta`; throws if it goes below zero. */
  add(delta = 1): void {
    // TODO: keep the counter, and release the waiters at zero.
    void delta;
  }

  /** Marks one piece of work as done. */
  done(): void {
    this.add(-1);
  }

  /** Resolves once the counter is zero. */
  wait(): Promise<void> {
    // TODO: wait until the counter is zero.
    return Promise.resolve();
  }
}

/** Makes one coffee: pay, then espresso, then milk, in sequence. */
export async function makeCoffee(customer: number): Promise<void> {
  await perform("pay", customer);
  await perform("espresso", customer);
  await perform("milk", customer);
}

/** Serves `count` customers at the same time, and waits for all. */
export async function serveCustomers(count: number): Promise<void> {
  // TODO: wait with a WaitGroup instead of Promise.all.
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    coffees.push(makeCoffee(customer));
  }
  await Promise.all(coffees);
}
