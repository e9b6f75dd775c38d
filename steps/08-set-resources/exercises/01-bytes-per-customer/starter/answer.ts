// How many customers in flight does a heap limit allow?

// TODO: run heap-probe.ts, doubling the customers until it runs out
// of memory, and replace each undefined with what you found.
/** The heap limit you gave heap-probe.ts, in MiB. */
export const heapMb = 64;

/** The largest customer count that was served. */
export const lastServed: number | undefined = undefined;

/** The first customer count that ran out of memory. */
export const firstCrashAt: number | undefined = undefined;

/** Heap bytes divided by `firstCrashAt`. */
export const bytesPerCustomer: number | undefined = undefined;
