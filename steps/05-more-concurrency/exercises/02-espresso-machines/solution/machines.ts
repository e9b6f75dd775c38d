// Every customer at once, but only a few espresso machines.
import { perform } from "@coffee/shared";

/** At most `permits` holders at a time; the others wait in order. */
export class Semaphore {
  #free: number;
  #waiting: (() => void)[] = [];

  constructor(readonly permits: number) {
    this.#free = permits;
  }

  /** Resolves when the caller holds a permit. */
  acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Gives a permit back to the first waiter, or to the pool. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) return next();
    if (this.#free === this.permits) {
      throw new Error("release() without a matching acquire()");
    }
    this.#free += 1;
  }
}

/** Makes one coffee; the espresso needs one of the `machines`. */
export async function makeCoffee(
  customer: number,
  machines: Semaphore,
): Promise<void> {
  await Promise.all([
    perform("pay", customer),
    espresso(customer, machines),
    perform("milk", customer),
  ]);
}

async function espresso(customer: number, machines: Semaphore) {
  // Wait for a free machine, and give it back even if this fails.
  await machines.acquire();
  try {
    await perform("espresso", customer);
  } finally {
    machines.release();
  }
}

/** Serves `count` customers at once with `machineCount` machines. */
export async function serveCustomers(
  count: number,
  machineCount: number,
): Promise<void> {
  const machines = new Semaphore(machineCount);
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    coffees.push(makeCoffee(customer, machines));
  }
  await Promise.all(coffees);
}

/** Returns how many action times `serveCustomers` takes. */
export function predictedActionTimes(
  customers: number,
  machines: number,
): number {
  // Espressos run in rounds of `machines`; pay and milk overlap the
  // first round.
  return Math.ceil(customers / machines);
}
