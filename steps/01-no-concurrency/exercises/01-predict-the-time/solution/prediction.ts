// Predict first, then measure: how long does each run take?

/** Your predictions, in ms, written before you run anything. */
export const predicted = {
  /** Three waits of 2000 ms in a row. */
  oneCustomer: 6000,
  /** Six waits in a row: the second customer waits for the first. */
  twoCustomersInTurn: 12_000,
  /** Three waits of 2000 / 10 ms in a row. */
  oneCustomerAtSpeed10: 600,
};

/**
 * What `pnpm step 1 --speed 10` measured, in ms: "Took 609.833534ms" on
 * the 2-core shared VM with Node.js 20.20.2.
 */
export const measuredAtSpeed10 = 609.83;
