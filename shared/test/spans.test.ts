import { expect, test } from "vitest";
import { overlap, SpanRecorder, type Span } from "../src/spans.ts";

const span = (customer: number, start: number, end: number): Span => ({
  customer,
  action: "pay",
  start,
  end,
});

test("recorder keeps spans in order", () => {
  const recorder = new SpanRecorder(10);
  recorder.record(span(1, 0, 1));
  recorder.record(span(2, 1, 2));
  expect(recorder.list().map((s) => s.customer)).toEqual([1, 2]);
});

test("recorder drops the oldest past its limit", () => {
  const recorder = new SpanRecorder(2);
  for (const customer of [1, 2, 3])
    recorder.record(span(customer, 0, 1));
  expect(recorder.list().map((s) => s.customer)).toEqual([2, 3]);
  expect(recorder.dropped()).toBe(1);
});

test("clear forgets everything", () => {
  const recorder = new SpanRecorder(1);
  recorder.record(span(1, 0, 1));
  recorder.record(span(2, 0, 1));
  recorder.clear();
  expect(recorder.list()).toEqual([]);
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
