// One coffee is three actions, awaited one after another, and timed.
import { perform, startStopwatch, type Action } from "@coffee/shared";

/** How long each action of one coffee took, in ms. */
export type ActionTimes = Record<Action, number>;

/** Makes one coffee and returns how long each action took. */
export async function makeCoffee(
  customer: number,
): Promise<ActionTimes> {
  const times: ActionTimes = { pay: 0, espresso: 0, milk: 0 };
  for (const action of ["pay", "espresso", "milk"] as const) {
    const stopwatch = startStopwatch();
    await perform(action, customer);
    times[action] = stopwatch.elapsedMs();
  }
  return times;
}

/** Nearly all of it: the actions are timer waits, not computation. */
export const waitingShare = 1;
