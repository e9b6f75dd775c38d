import { loadExercise } from "@coffee/shared/exercise";
import { runOnFakeClock } from "@coffee/shared/testing";
import { afterEach, beforeAll, expect, test } from "vitest";
import { serveCustomers } from "../../src/coffee.ts";
import type * as Capacity from "./solution/capacity.ts";

let capacity: typeof Capacity;

beforeAll(async () => {
  capacity = await loadExercise(import.meta.url, "capacity.ts");
});

afterEach(() => {
  delete process.env.COFFEE_SPEED;
});

async function timeOf(
  customers: number,
  speed: number,
): Promise<number> {
  process.env.COFFEE_SPEED = String(speed);
  const run = await runOnFakeClock(() => serveCustomers(customers));
  return run.elapsed;
}

test.each([
  [30_000, 1],
  [60_000, 1],
  [29_999, 1],
  [7_000, 2],
  [1_000, 10],
])("fits a %i ms timeout at speed %i", async (timeoutMs, speed) => {
  const answer = capacity.maxCustomersWithin(timeoutMs, speed);
  expect(answer, "a whole number of customers").toSatisfy(
    Number.isInteger,
  );
  expect(answer, "at least one customer fits").toBeGreaterThan(0);
  const inTime = await timeOf(answer, speed);
  expect(inTime, `ms for ${answer} customers`).toBeLessThanOrEqual(
    timeoutMs,
  );
  const tooMany = await timeOf(answer + 1, speed);
  expect(tooMany, `ms for ${answer + 1} customers`).toBeGreaterThan(
    timeoutMs,
  );
});

test("returns 0 when no customer fits", () => {
  expect(
    capacity.maxCustomersWithin(5_999, 1),
    "customers in 5999 ms",
  ).toBe(0);
});
