// A wait group, as Go's sync.WaitGroup: add, done, wait.
import { logError, perform } from "@coffee/shared";

/** Counts work in progress; `wait()` resolves when none is left. */
export class WaitGroup {
  #count = 0;
  #waiters: (() => void)[] = [];

  /** Changes the counter by `delta`; throws if it goes below zero. */
  add(delta = 1): void {
    if (this.#count + delta < 0) {
      throw new Error("sync: negative WaitGroup counter");
    }
    this.#count += delta;
    if (this.#count === 0) {
      const waiters = this.#waiters;
      this.#waiters = [];
      waiters.forEach((release) => release());
    }
  }

  /** Marks one piece of work as done. */
  done(): void {
    this.add(-1);
  }

  /** Resolves once the counter is zero. */
  wait(): Promise<void> {
    if (this.#count === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
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
  const group = new WaitGroup();
  group.add(count);
  for (let customer = 1; customer <= count; customer++) {
    // Like Go's WaitGroup, the group only counts: a failed coffee is
    // logged here and counts as done. The next exercise reports them.
    void makeCoffee(customer)
      .catch((error: unknown) => {
        logError(`coffee of customer ${customer} failed`, error);
      })
      .finally(() => group.done());
  }
  await group.wait();
}
