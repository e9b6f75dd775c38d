/**
 * Timers for many actions at once. Node.js makes one Timeout object
 * (about 200 bytes) per `setTimeout`, and fires each separately;
 * actions that end in the same millisecond here share one timer,
 * so 300,000 customers started in one loop need a few thousand.
 */
import { now } from "./clock.ts";

interface Bucket {
  deadline: number;
  /** The `setTimeout` that armed it: real, or Vitest's fake one. */
  armedWith: typeof setTimeout;
  callbacks: ((firedAt: number) => void)[];
}

let last: Bucket | undefined;

/**
 * Calls `callback` once `ms` milliseconds have passed since `from`,
 * rounded up to the next whole millisecond of the workshop clock
 * (`now()`), through the global, fakeable `setTimeout`. The callback
 * gets the time its timer fired, read once for all that share it.
 */
export function afterMs(
  ms: number,
  callback: (firedAt: number) => void,
  from = now(),
): void {
  const deadline = Math.ceil(from + ms);
  if (last?.deadline === deadline && last.armedWith === setTimeout) {
    last.callbacks.push(callback);
    return;
  }
  const bucket: Bucket = {
    deadline,
    armedWith: setTimeout,
    callbacks: [callback],
  };
  last = bucket;
  setTimeout(() => {
    if (last === bucket) last = undefined;
    const firedAt = now();
    for (const call of bucket.callbacks) call(firedAt);
  }, deadline - from);
}
