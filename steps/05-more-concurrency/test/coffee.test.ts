import { ACTION_MS, ActionError } from "@coffee/shared";
import {
  runOnFakeClock,
  spansOf,
  withSetting,
} from "@coffee/shared/testing";
import { expect, test } from "vitest";
import { makeCoffee, serveCustomers } from "../src/coffee.ts";

test("one coffee takes one action time", async () => {
  const run = await runOnFakeClock(() => makeCoffee(1));
  expect(run.elapsed).toBe(ACTION_MS);
});

test.each([1, 3, 300])("serves %i customers in 1 action", async (n) => {
  const run = await runOnFakeClock(() => serveCustomers(n));
  expect(run.elapsed).toBe(ACTION_MS);
  expect(run.spans).toHaveLength(3 * n);
});

test("every action starts at once", async () => {
  const run = await runOnFakeClock(() => serveCustomers(3));
  expect(run.spans.map((span) => span.start)).toEqual(Array(9).fill(0));
});

test("a failure rejects at once, others go on", async () => {
  const run = await withSetting("COFFEE_FAIL", "pay:2", () =>
    runOnFakeClock(() => serveCustomers(3).catch((error) => error)),
  );
  expect(run.value).toBeInstanceOf(ActionError);
  expect(run.elapsed).toBe(ACTION_MS);
  expect(run.spans).toHaveLength(8);
  const customer2 = spansOf(run.spans, 2).map((span) => span.action);
  expect(customer2).toEqual(["espresso", "milk"]);
});
