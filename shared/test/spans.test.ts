import { expect, test } from "vitest";
import {
  FIRST_CUSTOMERS_KEPT,
  overlap,
  SpanRecorder,
  type Span,
} from "../src/spans.ts";

function span(
  customer: number,
  start = customer,
  end = start + 1,
): Span {
  return { customer, action: "pay", start, end };
}

test("recorder keeps spans in order below the limit", () => {
  const recorder = new SpanRecorder(5);
  for (const customer of [1, 2, 3]) recorder.record(span(customer));
  expect(recorder.list().map((s) => s.customer)).toEqual([1, 2, 3]);
  expect(recorder.dropped()).toBe(0);
});

test("recorder keeps the most recent past the limit", () => {
  const recorder = new SpanRecorder(3);
  const late = FIRST_CUSTOMERS_KEPT + 1;
  for (let i = 0; i < 7; i++) recorder.record(span(late + i));
  expect(recorder.list().map((s) => s.customer)).toEqual([
    late + 4,
    late + 5,
    late + 6,
  ]);
  expect(recorder.dropped()).toBe(4);
});

test("recorder keeps first customers past the limit", () => {
  const recorder = new SpanRecorder(2);
  for (const customer of [1, 2, 500, 501, 502]) {
    recorder.record(span(customer));
  }
  expect(recorder.list().map((s) => s.customer)).toEqual([
    1, 2, 501, 502,
  ]);
  expect(recorder.dropped()).toBe(1);
});

test("recorder totals count every span", () => {
  const recorder = new SpanRecorder(2);
  recorder.record(span(30, 10, 40));
  recorder.record(span(31, 5, 20));
  recorder.record(span(32, 12, 50));
  expect(recorder.totals()).toEqual({
    count: 3,
    firstStart: 5,
    lastStart: 12,
    firstEnd: 20,
    lastEnd: 50,
  });
});

test("recorder clear forgets spans and totals", () => {
  const recorder = new SpanRecorder(2);
  for (const customer of [1, 2, 3]) recorder.record(span(customer));
  recorder.clear();
  expect(recorder.list()).toEqual([]);
  expect(recorder.totals().count).toBe(0);
  expect(recorder.dropped()).toBe(0);
});

test.each([
  [span(1, 0, 2), span(2, 1, 3), true],
  [span(1, 0, 2), span(2, 2, 4), false],
  [span(1, 0, 4), span(2, 1, 2), true],
  [span(1, 3, 4), span(2, 0, 1), false],
])("overlap of %o and %o is %s", (a, b, expected) => {
  expect(overlap(a, b)).toBe(expected);
});
