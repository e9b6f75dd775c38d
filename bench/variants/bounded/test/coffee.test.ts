import { ACTION_MS } from "@coffee/shared";
import { runOnFakeClock } from "@coffee/shared/testing";
import { expect, test } from "vitest";
import { MAX_IN_FLIGHT, serveCustomers } from "../src/coffee.ts";

/** Returns the most customers that had an action at the same time. */
function maxInFlight(spans: { customer: number; start: number }[]) {
  const perStart = new Map<number, Set<number>>();
  for (const span of spans) {
    const set = perStart.get(span.start) ?? new Set();
    set.add(span.customer);
    perStart.set(span.start, set);
  }
  return Math.max(...[...perStart.values()].map((set) => set.size));
}

test("serves every customer", async () => {
  const run = await runOnFakeClock(() => serveCustomers(7, 3));
  const customers = new Set(run.spans.map((span) => span.customer));
  expect(customers.size).toBe(7);
  expect(run.spans).toHaveLength(21);
});

test("keeps at most the limit in flight", async () => {
  const run = await runOnFakeClock(() => serveCustomers(7, 3));
  expect(maxInFlight(run.spans)).toBe(3);
});

test("takes one action time per turn", async () => {
  const run = await runOnFakeClock(() => serveCustomers(7, 3));
  expect(run.elapsed).toBe(3 * ACTION_MS);
});

test("serves fewer than the limit at once", async () => {
  const run = await runOnFakeClock(() => serveCustomers(3));
  expect(run.elapsed).toBe(ACTION_MS);
  expect(MAX_IN_FLIGHT).toBeGreaterThan(3);
});
