// Every customer at once; wait for all, and report who was served.
import { perform } from "@coffee/shared";

/** How a request's coffees ended. */
export interface Report {
  /** Coffees made. */
  served: number;
  /** The customers whose coffee failed, in order. */
  failed: number[];
}

/** Makes one coffee: pay, then espresso, then milk, in sequence. */
export async function makeCoffee(customer: number): Promise<void> {
  await perform("pay", customer);
  await perform("espresso", customer);
  await perform("milk", customer);
}

/** Serves `count` customers at the same time, and reports on all. */
export async function serveCustomers(count: number): Promise<Report> {
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    coffees.push(makeCoffee(customer));
  }

  // allSettled waits for every coffee and never rejects, so one
  // failure no longer hides how the others ended.
  const results = await Promise.allSettled(coffees);
  const failed = results.flatMap((result, i) =>
    result.status === "rejected" ? [i + 1] : [],
  );
  return { served: count - failed.length, failed };
}
