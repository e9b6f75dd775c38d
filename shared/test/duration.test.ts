import { expect, test } from "vitest";
import {
  formatDuration,
  formatMs,
  msToNs,
  parseDuration,
} from "../src/duration.ts";

// Each expected string is what Go's time.Duration.String prints.
const CASES: [bigint, string][] = [
  [0n, "0s"],
  [1n, "1ns"],
  [850n, "850ns"],
  [1_000n, "1µs"],
  [12_548n, "12.548µs"],
  [1_500_000n, "1.5ms"],
  [103_534_804n, "103.534804ms"],
  [2_000_000_000n, "2s"],
  [2_001_408_751n, "2.001408751s"],
  [6_022_386_150n, "6.02238615s"],
  [90_000_000_000n, "1m30s"],
  [3_600_000_000_000n, "1h0m0s"],
  [3_723_500_000_000n, "1h2m3.5s"],
  [-1_500_000n, "-1.5ms"],
];

test.each(CASES)("formats %i ns as %s", (ns, expected) => {
  expect(formatDuration(ns)).toBe(expected);
});

test("converts milliseconds to nanoseconds", () => {
  expect(msToNs(2001.408751)).toBe(2_001_408_751n);
});

test("formats milliseconds", () => {
  expect(formatMs(2000)).toBe("2s");
  expect(formatMs(0.012548)).toBe("12.548µs");
});

test.each(CASES)("parses %i ns back from %s", (ns, text) => {
  expect(parseDuration(text)).toBeCloseTo(Number(ns) / 1e6, 6);
});

test.each(["", "2", "2x", "s", "1.5 s", "abc"])(
  "rejects duration %j",
  (text) => {
    expect(() => parseDuration(text)).toThrow("invalid duration");
  },
);
