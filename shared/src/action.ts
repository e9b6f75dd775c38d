/**
 * The three actions of a coffee. They are fake work: each one waits
 * one action time on the workshop clock (through the global, fakeable
 * `setTimeout`), as the talk's time.Sleep does, then logs its line and
 * records its span.
 */
import { afterMs } from "./alarm.ts";
import { actionDuration, now, sleep } from "./clock.ts";
import { fixedSetting } from "./fixed-settings.ts";
import { logAction } from "./log.ts";
import { ACTIONS, recordSpan, type Action } from "./spans.ts";
import { actionEnded, actionStarted } from "./stats.ts";

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

/** The action that fails on purpose, and for every how many customers. */
export type FailurePlan = { action: Action; every: number } | undefined;

/**
 * Reads `COFFEE_FAIL`, or `raw` when given: `milk` makes every milk
 * action fail, `milk:3` every third customer's. Throws a RangeError
 * for any other value.
 */
export function failurePlan(raw?: string): FailurePlan {
  if (raw !== undefined) return parseFailurePlan(raw);
  return failureSetting();
}

const failureSetting = fixedSetting(() =>
  parseFailurePlan(process.env.COFFEE_FAIL),
);

function parseFailurePlan(raw: string | undefined): FailurePlan {
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
 * plans this action to fail, and with the signal's reason as soon as
 * `signal` aborts (the action then records and logs nothing).
 *
 * Without a signal it is a plain function around one promise, not an
 * async function, because an `await` here would add a suspended frame
 * and more promises to every action in flight. That was about 800
 * bytes per customer of step 5, measured with `process.memoryUsage()`
 * on Node.js 20. Actions that end in the same millisecond share a
 * timer (see alarm.ts).
 */
export function perform(
  action: Action,
  customer: number,
  signal?: AbortSignal,
): Promise<void> {
  const start = now();
  actionStarted();
  if (signal) {
    return sleep(actionDuration(), signal).then(
      () => {
        actionEnded();
        finish(action, customer, start, now());
      },
      (reason: unknown) => {
        actionEnded();
        throw reason;
      },
    );
  }
  return new Promise((resolve, reject) => {
    const done = (end: number) => {
      actionEnded();
      try {
        finish(action, customer, start, end);
        resolve();
      } catch (error) {
        reject(error);
      }
    };
    afterMs(actionDuration(), done, start);
  });
}

function finish(
  action: Action,
  customer: number,
  start: number,
  end: number,
): void {
  const plan = failurePlan();
  if (plan?.action === action && customer % plan.every === 0) {
    throw new ActionError(action, customer);
  }
  recordSpan(customer, action, start, end);
  logAction(customer, action, DONE[action]);
}
