import { ACTION_MS, ActionError } from "@coffee/shared";
import {
  runOnFakeClock,
  spansOf,
  withSetting,
} from "@coffee/shared/testing";
import { expect, test } from "vitest";
import { serveCustomers } from "../src/coffee.ts";

test.each([1, 3, 100])(
  "serves %i customers in 3 actions",
  async (n) => {
    const run = await runOnFakeClock(() => serveCustomers(n));
    expect(run.elapsed).toBe(3 * ACTION_MS);
    expect(run.spans).toHaveLength(3 * n);
  },
);

test("waits until the last action ends", async () => {
  const run = await runOnFakeClock(() => serveCustomers(3));
  const lastEnd = Math.max(...run.spans.map((span) => span.end));
  expect(run.elapsed).toBe(lastEnd);
});

test("actions inside a customer run in sequence", async () => {
  const run = await runOnFakeClock(() => serveCustomers(3));
  for (const customer of [1, 2, 3]) {
    const spans = spansOf(run.spans, customer);
    expect(
      spans.map((s) => s.action),
      `customer ${customer}`,
    ).toEqual(["pay", "espresso", "milk"]);
    expect(
      spans.map((s) => s.start),
      `customer ${customer}`,
    ).toEqual([0, ACTION_MS, 2 * ACTION_MS]);
  }
});

test("a failure rejects at once, others go on", async () => {
  const run = await withSetting("COFFEE_FAIL", "pay:2", () =>
    runOnFakeClock(() => serveCustomers(3).catch((error) => error)),
  );
  expect(run.value).toBeInstanceOf(ActionError);
  expect(run.elapsed).toBe(ACTION_MS);
  expect(run.settled).toBe(3 * ACTION_MS);
  expect(spansOf(run.spans, 1)).toHaveLength(3);
  expect(spansOf(run.spans, 2)).toHaveLength(0);
  expect(spansOf(run.spans, 3)).toHaveLength(3);
});
