/**
 * The three actions of a coffee. They are fake work: each one waits
 * one action time on the workshop clock, as the talk's time.Sleep does,
 * then logs its line and records its span.
 */
import { actionDuration, now, sleep } from "./clock.ts";
import { logAction } from "./log.ts";
import { ACTIONS, recordSpan, type Action } from "./spans.ts";

/** The line each action logs when it ends, as in the talk. */
export const DONE: Record<Action, string> = {
  pay: "💳 paid",
  espresso: "☕ espresso made",
  milk: "🥛 milk steamed",
};

/** An action that failed on purpose, through `COFFEE_FAIL`. */
export class ActionError extends Error {
  override readonly name = "ActionError";

  constructor(
    readonly action: Action,
    readonly customer: number,
  ) {
    super(`${action} failed for customer ${customer} (COFFEE_FAIL)`);
  }
}

/**
 * Reads `COFFEE_FAIL`: `milk` makes every milk action fail, `milk:3`
 * every third customer's. Throws a RangeError for any other value.
 */
export function failurePlan(
  raw = process.env.COFFEE_FAIL,
): { action: Action; every: number } | undefined {
  if (raw === undefined || raw === "") return undefined;
  const [action, every = "1"] = raw.split(":");
  if (
    !ACTIONS.includes(action as Action) ||
    !/^[1-9]\d*$/.test(every)
  ) {
    throw new RangeError(
      `invalid COFFEE_FAIL "${raw}": use an action (${ACTIONS.join(", ")})` +
        ", optionally with :N to fail every Nth customer, such as milk:3",
    );
  }
  return { action: action as Action, every: Number(every) };
}

/**
 * Performs one action for `customer`: waits one action time, then
 * logs and records it. Rejects with an ActionError when `COFFEE_FAIL`
 * says this action fails, and with the signal's reason as soon as
 * `signal` aborts (the action then records and logs nothing).
 */
export async function perform(
  action: Action,
  customer: number,
  signal?: AbortSignal,
): Promise<void> {
  const start = now();
  await sleep(actionDuration(), signal);
  const plan = failurePlan();
  if (plan?.action === action && customer % plan.every === 0) {
    throw new ActionError(action, customer);
  }
  recordSpan(customer, action, start, now());
  logAction(customer, action, DONE[action]);
}
