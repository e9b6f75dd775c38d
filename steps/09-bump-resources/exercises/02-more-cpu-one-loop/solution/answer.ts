// How many grinds does one event loop run at the same time?

/** No faster: the grinds run one after another on one thread. */
export const speedupWithFourCores = 1;

/**
 * `parallelism` as cpu-probe.ts printed it: 1 on the 2-core shared VM
 * with Node.js 20.20.2.
 */
export const parallelism = 1;
