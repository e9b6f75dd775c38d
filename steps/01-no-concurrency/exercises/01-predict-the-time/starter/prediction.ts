// Predict first, then measure: how long does each run take?

/** Your predictions, in ms, written before you run anything. */
export const predicted = {
  // TODO: replace each undefined with your prediction in ms.
  /** `pnpm step 1`: one customer at the talk's speed. */
  oneCustomer: undefined as number | undefined,
  /** Two customers, one after another, at the talk's speed. */
  twoCustomersInTurn: undefined as number | undefined,
  /** `pnpm step 1 --speed 10`: one customer. */
  oneCustomerAtSpeed10: undefined as number | undefined,
};

// TODO: run `pnpm step 1 --speed 10` and copy the ms of its
// "Took … to serve coffee" line here.
/** What `pnpm step 1 --speed 10` measured, in ms. */
export const measuredAtSpeed10: number | undefined = undefined;
