// Two requests for 3 customers arrive at step 2 at the same moment.

/** When each answer arrives, in ms at the talk's speed. */
export const predicted = {
  // Each request waits for its own nine actions, and the two handlers
  // wait at the same time, so neither waits for the other.
  firstAnswer: 18_000,
  secondAnswer: 18_000,
};

/**
 * The two answers' times at `--speed 10`, in ms: "Took 1.819711467s"
 * and "Took 1.843237581s" on the 2-core shared VM with Node.js 20.20.2.
 */
export const measuredAtSpeed10: number[] = [1819.7, 1843.2];
