import { expect, test } from "vitest";
import { ACTION_MS, ActionError } from "../src/index.ts";
import {
  runOnFakeClock,
  spansOf,
  withSetting,
} from "../src/testing.ts";
import {
  serveEachReported,
  serveOrStopAll,
} from "./cancellable-shop.ts";

test("allSettled reports each customer", async () => {
  const run = await withSetting("COFFEE_FAIL", "milk:2", () =>
    runOnFakeClock(() => serveEachReported(4)),
  );
  expect(run.value).toEqual([
    { customer: 1, served: true },
    { customer: 2, served: false },
    { customer: 3, served: true },
    { customer: 4, served: false },
  ]);
  expect(run.elapsed).toBe(ACTION_MS);
});

test("an abort stops the other customers", async () => {
  const run = await withSetting("COFFEE_FAIL", "pay:2", () =>
    runOnFakeClock(() => serveOrStopAll(3).catch((error) => error)),
  );
  expect(run.value).toBeInstanceOf(ActionError);
  expect(run.elapsed).toBe(ACTION_MS);
  // Customer 1's actions ended in the same instant, before the abort;
  // customer 2's espresso and milk, and all of customer 3's, stopped.
  expect(spansOf(run.spans, 1)).toHaveLength(3);
  expect(spansOf(run.spans, 2)).toHaveLength(0);
  expect(spansOf(run.spans, 3)).toHaveLength(0);
});
