import { ACTION_MS } from "@coffee/shared";
import { loadExercise } from "@coffee/shared/exercise";
import { runOnFakeClock } from "@coffee/shared/testing";
import { afterEach, beforeAll, expect, test } from "vitest";
import type * as Coffee from "./solution/coffee.ts";

let coffee: typeof Coffee;

beforeAll(async () => {
  coffee = await loadExercise(import.meta.url, "coffee.ts");
});

afterEach(() => {
  delete process.env.COFFEE_FAIL;
});

async function serveFive(fail?: string) {
  if (fail) process.env.COFFEE_FAIL = fail;
  return runOnFakeClock(() => coffee.serveCustomers(5));
}

test("reports five coffees made", async () => {
  const run = await serveFive();
  expect(run.value, "report without failures").toEqual({
    served: 5,
    failed: [],
  });
});

test("resolves when coffees fail", async () => {
  const run = await serveFive("milk:2").catch((error: Error) => error);
  expect(
    run,
    "serveCustomers(5) with COFFEE_FAIL=milk:2",
  ).not.toBeInstanceOf(Error);
});

test("names the customers who failed", async () => {
  const run = await serveFive("milk:2");
  expect(run.value.failed, "failed customers").toEqual([2, 4]);
  expect(run.value.served, "coffees made").toBe(3);
});

test("waits for every coffee", async () => {
  const run = await serveFive("milk:2");
  expect(run.elapsed, "ms until the report").toBe(3 * ACTION_MS);
  expect(run.settled, "ms until the last action").toBe(run.elapsed);
});
