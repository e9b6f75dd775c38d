import { describe, expect, test } from "vitest";
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

describe("parseDuration", () => {
  test.each([
    ["6.02238615s", 6022.38615],
    ["12.548µs", 0.012548],
    ["850ns", 0.00085],
    ["1.5ms", 1.5],
    ["1m30s", 90_000],
    ["1h0m0s", 3_600_000],
    ["0s", 0],
  ])("reads %s", (text, ms) => {
    expect(parseDuration(text)).toBeCloseTo(ms, 9);
  });

  test("round-trips formatMs", () => {
    for (const ms of [0.0005, 0.25, 17.5, 2001.408751, 95_000]) {
      expect(parseDuration(formatMs(ms))).toBeCloseTo(ms, 6);
    }
  });

  test.each(["", "6 s", "fast", "1.5", "2s and more"])(
    "rejects %j",
    (text) => {
      expect(() => parseDuration(text)).toThrow(RangeError);
    },
  );
});
