import { ACTION_MS } from "@coffee/shared";
import {
  overlappingPairs,
  runOnFakeClock,
  spansOf,
} from "@coffee/shared/testing";
import { expect, test } from "vitest";
import { makeCoffee } from "../src/coffee.ts";

test("one coffee takes three action times", async () => {
  const run = await runOnFakeClock(() => makeCoffee(1));
  expect(run.elapsed).toBe(3 * ACTION_MS);
});

test("actions run in the talk's order", async () => {
  const run = await runOnFakeClock(() => makeCoffee(1));
  const order = spansOf(run.spans, 1).map((span) => span.action);
  expect(order).toEqual(["pay", "espresso", "milk"]);
});

test("no two actions run at once", async () => {
  const run = await runOnFakeClock(() => makeCoffee(1));
  expect(run.spans).toHaveLength(3);
  expect(overlappingPairs(run.spans)).toEqual([]);
});
