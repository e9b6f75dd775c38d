// Two requests for 3 customers arrive at step 2 at the same moment.

/** When each answer arrives, in ms at the talk's speed. */
export const predicted = {
  // TODO: replace each undefined with your prediction in ms.
  firstAnswer: undefined as number | undefined,
  secondAnswer: undefined as number | undefined,
};

// TODO: copy the two times that curl printed at --speed 10, in ms.
/** The two answers' times at `--speed 10`, in ms. */
export const measuredAtSpeed10: number[] = [];
