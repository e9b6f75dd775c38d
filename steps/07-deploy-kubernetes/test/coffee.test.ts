import { ACTION_MS } from "@coffee/shared";
import { runOnFakeClock } from "@coffee/shared/testing";
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
