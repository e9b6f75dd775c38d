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
  callbacks: (() => void)[];
}

let last: Bucket | undefined;

/**
 * Calls `callback` once `ms` milliseconds have passed, rounded up to
 * the next whole millisecond of the workshop clock (`now()`), through
 * the global, fakeable `setTimeout`.
 */
export function afterMs(ms: number, callback: () => void): void {
  const deadline = Math.ceil(now() + ms);
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
    for (const call of bucket.callbacks) call();
  }, deadline - now());
}
