// Every customer at once, but only a few espresso machines.
import { perform } from "@coffee/shared";

/** At most `permits` holders at a time; the others wait in order. */
export class Semaphore {
  constructor(readonly permits: number) {}

  /** Resolves when the caller holds a permit. */
  acquire(): Promise<void> {
    // TODO: wait while no permit is free.
    return Promise.resolve();
  }

  /** Gives a permit back to the first waiter, or to the pool. */
  release(): void {
    // TODO: hand the permit on; throw if none was acquired.
  }
}

/** Makes one coffee; the espresso needs one of the `machines`. */
export async function makeCoffee(
  customer: number,
  machines: Semaphore,
): Promise<void> {
  // TODO: hold a machine while the espresso is made.
  void machines;
  await Promise.all([
    perform("pay", customer),
    perform("espresso", customer),
    perform("milk", customer),
  ]);
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
  // TODO: your formula.
  void customers;
  void machines;
  return 0;
}
