// How many grinds does one event loop run at the same time?

// TODO: replace each undefined with your answer.
/** How many times faster eight grinds finish with 4 cores instead of 2. */
export const speedupWithFourCores: number | undefined = undefined;

/** `parallelism` as cpu-probe.ts printed it on your machine. */
export const parallelism: number | undefined = undefined;
