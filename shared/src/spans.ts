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

/**
 * Counts and time bounds of every span recorded, kept or not; the
 * times are Infinity and -Infinity while nothing is recorded.
 */
export interface SpanTotals {
  count: number;
  firstStart: number;
  lastStart: number;
  firstEnd: number;
  lastEnd: number;
}

/** The default number of spans kept; older ones are counted, not kept. */
export const DEFAULT_SPAN_LIMIT = 10_000;

/**
 * Spans of customers numbered up to this are kept even when they are
 * older than the most recent `limit`, so that a timeline of a large
 * run can show its first rows.
 */
export const FIRST_CUSTOMERS_KEPT = 20;

/** The most spans of first customers kept, across all requests. */
const FIRST_SPANS_LIMIT = 1_000;

function emptyTotals(): SpanTotals {
  return {
    count: 0,
    firstStart: Infinity,
    lastStart: -Infinity,
    firstEnd: Infinity,
    lastEnd: -Infinity,
  };
}

/**
 * The most recent spans, at most `limit` of them, the spans of the
 * first customers, and totals over all spans, so that a server that
 * runs for days does not grow without bound.
 */
export class SpanRecorder {
  /** A ring: `#next` is where the next span goes once it is full. */
  #ring: Span[] = [];
  #next = 0;
  #first: Span[] = [];
  #totals = emptyTotals();

  constructor(readonly limit = DEFAULT_SPAN_LIMIT) {}

  /** Adds a finished span, dropping the oldest one past the limit. */
  record(span: Span): void {
    this.#count(span);
    if (this.#ring.length < this.limit) {
      this.#ring.push(span);
      return;
    }
    const oldest = this.#ring[this.#next]!;
    if (
      oldest.customer <= FIRST_CUSTOMERS_KEPT &&
      this.#first.length < FIRST_SPANS_LIMIT
    ) {
      this.#first.push(oldest);
    }
    this.#ring[this.#next] = span;
    this.#next = (this.#next + 1) % this.limit;
  }

  #count(span: Span): void {
    const totals = this.#totals;
    totals.count += 1;
    totals.firstStart = Math.min(totals.firstStart, span.start);
    totals.lastStart = Math.max(totals.lastStart, span.start);
    totals.firstEnd = Math.min(totals.firstEnd, span.end);
    totals.lastEnd = Math.max(totals.lastEnd, span.end);
  }

  /**
   * Returns the kept spans, oldest first: the first customers' spans
   * that the limit dropped, then the most recent ones.
   */
  list(): Span[] {
    const recent = [
      ...this.#ring.slice(this.#next),
      ...this.#ring.slice(0, this.#next),
    ];
    return [...this.#first, ...recent];
  }

  /** Returns how many spans were dropped to stay within the limit. */
  dropped(): number {
    return this.#totals.count - this.#ring.length - this.#first.length;
  }

  /** Returns the count and time bounds of every span recorded. */
  totals(): SpanTotals {
    return { ...this.#totals };
  }

  /** Forgets every span, for example between two tests. */
  clear(): void {
    this.#ring = [];
    this.#next = 0;
    this.#first = [];
    this.#totals = emptyTotals();
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
