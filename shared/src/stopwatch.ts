import { now } from "./clock.ts";
import { formatMs } from "./duration.ts";

/** A running stopwatch, read as often as needed. */
export interface Stopwatch {
  /** Milliseconds since the stopwatch started, with fractions. */
  elapsedMs(): number;
  /** The elapsed time as Go prints a duration, such as `2.0014s`. */
  elapsed(): string;
}

/** Starts a stopwatch on the workshop's clock (fakeable in tests). */
export function startStopwatch(): Stopwatch {
  const started = now();
  const elapsedMs = () => now() - started;
  return { elapsedMs, elapsed: () => formatMs(elapsedMs()) };
}
