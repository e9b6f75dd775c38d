/**
 * The one clock of the workshop: how long an action takes, how much
 * faster than real time we run, a sleep and a time source.
 *
 * Both `sleep` and `now` go through the global `setTimeout` and
 * `performance.now`, so Vitest's fake timers control them in tests.
 * (Fake timers do not reach `node:timers/promises`, so it is not used.)
 */
import { fixedSetting } from "./fixed-settings.ts";

/** The talk's action time: every action waits 2 seconds, in ms. */
export const ACTION_MS = 2000;

/** The environment variable that sets the speed factor of a process. */
export const SPEED_ENV = "COFFEE_SPEED";

/** The largest speed factor accepted: actions of 2000 ms / 10000. */
export const MAX_SPEED = 10_000;

/**
 * Parses a speed factor such as `1`, `20` or `0.5`.
 * Throws a RangeError that names the value and the valid range.
 */
export function parseSpeed(raw: string): number {
  const speed = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!(speed > 0 && speed <= MAX_SPEED)) {
    throw new RangeError(
      `invalid speed "${raw}": use a number above 0 and at most ` +
        `${MAX_SPEED}, such as 1 (real time) or 20 (20 times faster)`,
    );
  }
  return speed;
}

/** Returns the speed factor from `COFFEE_SPEED`, or 1 when unset. */
export function currentSpeed(): number {
  return speedSetting();
}

const speedSetting = fixedSetting(() => {
  const raw = process.env[SPEED_ENV];
  return raw === undefined || raw === "" ? 1 : parseSpeed(raw);
});

/** Returns how long one action waits at the current speed, in ms. */
export function actionDuration(): number {
  return ACTION_MS / currentSpeed();
}

/**
 * The cancellers of each signal's pending sleeps. One abort listener
 * per signal runs them all: Node's EventTarget looks through every
 * listener when one is added, so a listener per sleep would make a
 * request of N actions take time in N squared.
 */
const pendingSleeps = new WeakMap<AbortSignal, Set<() => void>>();

function pendingSleepsOf(signal: AbortSignal): Set<() => void> {
  let pending = pendingSleeps.get(signal);
  if (pending === undefined) {
    const cancellers = new Set<() => void>();
    const cancelAll = () => {
      for (const cancel of cancellers) cancel();
      cancellers.clear();
    };
    signal.addEventListener("abort", cancelAll, { once: true });
    pendingSleeps.set(signal, cancellers);
    pending = cancellers;
  }
  return pending;
}

/**
 * Waits `ms` milliseconds through the global, fakeable `setTimeout`.
 * With `signal`, it rejects with the signal's reason as soon as the
 * signal aborts and clears its timer, so abandoned work keeps no timer
 * or promise alive.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return new Promise((resolve) => setTimeout(resolve, ms));
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const pending = pendingSleepsOf(signal);
    const cancel = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      pending.delete(cancel);
      resolve();
    }, ms);
    pending.add(cancel);
  });
}

/** Returns the time since the process started, in ms with fractions. */
export function now(): number {
  return performance.now();
}
