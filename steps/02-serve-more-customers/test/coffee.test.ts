import { ACTION_MS } from "@coffee/shared";
import {
  overlappingPairs,
  runOnFakeClock,
  spansOf,
} from "@coffee/shared/testing";
import { expect, test } from "vitest";
import { serveCustomers } from "../src/coffee.ts";

test.each([1, 3, 7])("serves %i customers in 3N", async (n) => {
  const run = await runOnFakeClock(() => serveCustomers(n));
  expect(run.elapsed).toBe(3 * n * ACTION_MS);
  expect(run.spans).toHaveLength(3 * n);
});

test("no two actions run at once", async () => {
  const run = await runOnFakeClock(() => serveCustomers(3));
  expect(overlappingPairs(run.spans)).toEqual([]);
});

test("customers are served in order", async () => {
  const run = await runOnFakeClock(() => serveCustomers(3));
  const firstStart = [1, 2, 3].map(
    (c) => spansOf(run.spans, c)[0]?.start,
  );
  expect(firstStart).toEqual([0, 3 * ACTION_MS, 6 * ACTION_MS]);
});
