// One coffee is three actions, awaited one after another, and timed.
import { perform, startStopwatch, type Action } from "@coffee/shared";

/** How long each action of one coffee took, in ms. */
export type ActionTimes = Record<Action, number>;

/** Makes one coffee and returns how long each action took. */
export async function makeCoffee(
  customer: number,
): Promise<ActionTimes> {
  // TODO: time each action with startStopwatch() and return its ms.
  void startStopwatch;
  await perform("pay", customer);
  await perform("espresso", customer);
  await perform("milk", customer);
  return { pay: 0, espresso: 0, milk: 0 };
}

// TODO: which share of the total time is spent waiting (0 to 1)?
/** The share of one coffee's time spent waiting for actions. */
export const waitingShare: number | undefined = undefined;
