/**
 * Helpers for the tests of every step: run code on Vitest's fake
 * clock and read the spans it recorded. Test code only: imports vitest.
 */
import { vi } from "vitest";
import { now } from "./clock.ts";
import { overlap, spans, type Span } from "./spans.ts";

/** What a run on the fake clock recorded. */
export interface FakeRun<T> {
  /** The value `work` resolved to. */
  value: T;
  /** Fake milliseconds from the start of `work` until it resolved. */
  elapsed: number;
  /** Fake milliseconds until the last pending timer had fired. */
  settled: number;
  /** Spans recorded during the run, times relative to its start. */
  spans: Span[];
}

/**
 * Runs `work` on fake timers until it resolves and every timer it
 * left behind has fired. Exact: the times do not depend on the machine.
 */
export async function runOnFakeClock<T>(
  work: () => Promise<T> | T,
): Promise<FakeRun<T>> {
  vi.useFakeTimers();
  spans.clear();
  try {
    const start = now();
    let elapsed = Number.NaN;
    // Settled into a result at once, so that a rejection waits for
    // the timers instead of being reported as unhandled.
    const outcome = Promise.resolve()
      .then(work)
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      )
      .finally(() => {
        elapsed = now() - start;
      });
    await vi.runAllTimersAsync();
    const result = await outcome;
    if (!result.ok) throw result.error;
    const value = result.value;
    const settled = now() - start;
    const relative = spans.list().map((span) => ({
      ...span,
      start: span.start - start,
      end: span.end - start,
    }));
    return { value, elapsed, settled, spans: relative };
  } finally {
    vi.useRealTimers();
  }
}

/** Returns every pair of spans that ran at the same time. */
export function overlappingPairs(
  list: readonly Span[],
): [Span, Span][] {
  const pairs: [Span, Span][] = [];
  list.forEach((a, i) => {
    for (const b of list.slice(i + 1))
      if (overlap(a, b)) pairs.push([a, b]);
  });
  return pairs;
}

/** Returns the spans of one customer in the order they started. */
export function spansOf(
  list: readonly Span[],
  customer: number,
): Span[] {
  return list
    .filter((span) => span.customer === customer)
    .sort((a, b) => a.start - b.start);
}

/**
 * Runs `work` with the environment variable `name` set to `value`,
 * such as `COFFEE_FAIL`, and restores the earlier value afterwards.
 */
export async function withSetting<T>(
  name: string,
  value: string,
  work: () => Promise<T>,
): Promise<T> {
  const saved = process.env[name];
  process.env[name] = value;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}
