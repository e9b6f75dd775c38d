import { ACTION_MS } from "@coffee/shared";
import { runOnFakeClock, spansOf } from "@coffee/shared/testing";
import { expect, test } from "vitest";
import { serveCustomers } from "../src/coffee.ts";

test("returns before any action ends", async () => {
  const run = await runOnFakeClock(() => serveCustomers(3));
  expect(run.elapsed).toBe(0);
  expect(run.spans.every((span) => span.end > run.elapsed)).toBe(true);
});

test("actions end three action times later", async () => {
  const run = await runOnFakeClock(() => serveCustomers(3));
  expect(run.settled).toBe(3 * ACTION_MS);
  expect(run.spans).toHaveLength(9);
});

test("customers overlap, actions inside one do not", async () => {
  const run = await runOnFakeClock(() => serveCustomers(3));
  for (const customer of [1, 2, 3]) {
    const starts = spansOf(run.spans, customer).map((s) => s.start);
    expect(starts, `customer ${customer}`).toEqual([
      0,
      ACTION_MS,
      2 * ACTION_MS,
    ]);
  }
});
