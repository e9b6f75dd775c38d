/**
 * Measures the heap that one customer in flight takes, with and
 * without an AbortSignal passed to its three actions, and prints
 * both in bytes as one JSON line. Run with `--expose-gc`.
 */
import { perform } from "@coffee/shared";

/** How many customers are in flight when the heap is read. */
const CUSTOMERS = 100_000;

/** Returns the heap in use after a full garbage collection. */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc)
    throw new Error("gc() is missing: run with node --expose-gc");
  gc();
  return process.memoryUsage().heapUsed;
}

/** Returns the heap bytes per customer in flight, then lets them end. */
export async function bytesPerCustomer(
  withSignal: boolean,
): Promise<number> {
  const signal = withSignal ? new AbortController().signal : undefined;
  const before = heapAfterGc();
  const coffees: Promise<unknown>[] = [];
  for (let customer = 1; customer <= CUSTOMERS; customer++) {
    coffees.push(
      Promise.all([
        perform("pay", customer, signal),
        perform("espresso", customer, signal),
        perform("milk", customer, signal),
      ]),
    );
  }
  const during = heapAfterGc();
  await Promise.all(coffees);
  return Math.round((during - before) / CUSTOMERS);
}

if (process.argv[1] === import.meta.filename) {
  const plain = await bytesPerCustomer(false);
  const signalled = await bytesPerCustomer(true);
  process.stdout.write(
    `${JSON.stringify({ customers: CUSTOMERS, plain, signalled })}\n`,
  );
}
