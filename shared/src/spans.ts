/**
 * Records each action as a span (who, what, when, where) so that
 * tests can check who ran at the same time as whom, and so that the
 * timeline can be drawn.
 */
import { sourceName } from "./log.ts";

/** The three actions of one coffee, in the talk's order. */
export const ACTIONS = ["pay", "espresso", "milk"] as const;

/** One of the three actions of making a coffee. */
export type Action = (typeof ACTIONS)[number];

/** One finished action; times are ms on the workshop clock. */
export interface Span {
  customer: number;
  action: Action;
  start: number;
  end: number;
  /** The process or pod that ran the action, when there are several. */
  source?: string | undefined;
}

/** The default number of spans kept; older ones are counted, not kept. */
export const DEFAULT_SPAN_LIMIT = 10_000;

/**
 * The most recent spans, at most `limit` of them, so that a server
 * that runs for days does not grow without bound.
 */
export class SpanRecorder {
  #spans: Span[] = [];
  #dropped = 0;

  constructor(readonly limit = DEFAULT_SPAN_LIMIT) {}

  /** Adds a finished span, dropping the oldest one past the limit. */
  record(span: Span): void {
    this.#spans.push(span);
    if (this.#spans.length > this.limit) {
      this.#spans.shift();
      this.#dropped += 1;
    }
  }

  /** Returns the kept spans, oldest first. */
  list(): readonly Span[] {
    return this.#spans;
  }

  /** Returns how many spans were dropped to stay within the limit. */
  dropped(): number {
    return this.#dropped;
  }

  /** Forgets every span, for example between two tests. */
  clear(): void {
    this.#spans = [];
    this.#dropped = 0;
  }
}

/** The recorder that every action of this process writes to. */
export const spans = new SpanRecorder();

/** Records one action of `customer` that ran from `start` to `end`. */
export function recordSpan(
  customer: number,
  action: Action,
  start: number,
  end: number,
): void {
  spans.record({ customer, action, start, end, source: sourceName() });
}

/** Returns whether two spans ran at the same time for a while. */
export function overlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
