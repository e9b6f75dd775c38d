// How many customers in flight does a heap limit allow?

// Found with heap-probe.ts on the 2-core shared VM with Node.js
// 20.20.2: 16,000 customers were served, 32,000 ran out of memory.

/** The heap limit you gave heap-probe.ts, in MiB. */
export const heapMb = 64;

/** The largest customer count that was served. */
export const lastServed = 16_000;

/** The first customer count that ran out of memory. */
export const firstCrashAt = 32_000;

/** Heap bytes divided by `firstCrashAt`: about 2 KiB per customer. */
export const bytesPerCustomer = (64 * 1024 * 1024) / 32_000;
