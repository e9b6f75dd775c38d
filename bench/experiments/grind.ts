/**
 * Times grinding beans for several customers on one thread with
 * Promise.all, then on worker threads (tinypool), and prints the
 * times and their ratio as one JSON line.
 */
import { availableParallelism } from "node:os";
import Tinypool from "tinypool";
import { grindBeans } from "./grind-beans.ts";

/** Rounds of one grind: about 0.15 s of one core here. */
export const ROUNDS = 50_000_000;

/** Customers whose beans are ground in each measurement. */
export const CUSTOMERS = 8;

/** Grinds for every customer on this thread, as step 5 would. */
async function onOneThread(): Promise<number> {
  const started = performance.now();
  // Each grind runs to its end before the next one starts, because
  // async code does not make CPU work run in parallel.
  await Promise.all(
    Array.from({ length: CUSTOMERS }, async () => grindBeans(ROUNDS)),
  );
  return performance.now() - started;
}

/** Grinds for every customer on a pool of `threads` workers. */
async function onWorkers(threads: number): Promise<number> {
  const pool = new Tinypool({
    filename: new URL("./grind-worker.mjs", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    // Warm the threads up, so that starting them is not timed.
    await Promise.all(
      Array.from({ length: threads }, () => pool.run(1_000)),
    );
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CUSTOMERS }, () => pool.run(ROUNDS)),
    );
    return performance.now() - started;
  } finally {
    await pool.destroy();
  }
}

if (process.argv[1] === import.meta.filename) {
  const threads = availableParallelism();
  const oneThreadMs = await onOneThread();
  const workersMs = await onWorkers(threads);
  const result = {
    customers: CUSTOMERS,
    rounds: ROUNDS,
    threads,
    oneThreadMs,
    workersMs,
    speedup: oneThreadMs / workersMs,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
