import { expect, test } from "vitest";
import {
  heapLimitMiB,
  parseCpu,
  parseMemory,
} from "../src/deploy/quantity.ts";

test.each([
  ["96Mi", 96 * 2 ** 20],
  ["1Gi", 2 ** 30],
  ["3092M", 3092e6],
  ["1024M", 1024e6],
  ["512Ki", 512 * 1024],
  ["1000", 1000],
])("memory %s is %i bytes", (quantity, bytes) => {
  expect(parseMemory(quantity)).toBe(bytes);
});

test.each([
  ["250m", 250],
  ["1", 1000],
  ["0.5", 500],
  ["4", 4000],
])("cpu %s is %i millicores", (quantity, millicores) => {
  expect(parseCpu(quantity)).toBe(millicores);
});

test.each(["96MB", "ten", "-1Mi", ""])(
  "memory %j is rejected",
  (raw) => {
    expect(() => parseMemory(raw)).toThrow(/invalid memory quantity/);
  },
);

test("cpu with a unit other than m is rejected", () => {
  expect(() => parseCpu("2k")).toThrow(/invalid CPU quantity "2k"/);
});

test.each([
  ["96Mi", 32],
  ["512Mi", 384],
  ["3092M", 2211],
  ["1Gi", 768],
])("heap for a %s limit is %i MiB", (limit, heap) => {
  expect(heapLimitMiB(limit)).toBe(heap);
});

test("heap for the talk's 10Mi is rejected", () => {
  expect(() => heapLimitMiB("10Mi")).toThrow(
    /10Mi leaves no room for a V8 heap.*at least 72Mi/,
  );
});
