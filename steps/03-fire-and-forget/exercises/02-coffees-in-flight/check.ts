import { ACTION_MS } from "@coffee/shared";
import { loadExercise } from "@coffee/shared/exercise";
import {
  afterEach,
  beforeAll,
  beforeEach,
  expect,
  test,
  vi,
} from "vitest";
import type * as Coffee from "./solution/coffee.ts";

let coffee: typeof Coffee;

beforeAll(async () => {
  coffee = await loadExercise(import.meta.url, "coffee.ts");
});

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(async () => {
  // Let every coffee end, so that the next test starts from zero.
  await vi.runAllTimersAsync();
  vi.useRealTimers();
});

test("counts coffees that were just started", () => {
  coffee.serveCustomers(3);
  expect(coffee.coffeesInFlight(), "in flight right after return").toBe(
    3,
  );
});

test("counts down as coffees are made", async () => {
  coffee.serveCustomers(3);
  await vi.advanceTimersByTimeAsync(2 * ACTION_MS);
  expect(coffee.coffeesInFlight(), "after two action times").toBe(3);
  await vi.advanceTimersByTimeAsync(ACTION_MS);
  expect(coffee.coffeesInFlight(), "after three action times").toBe(0);
});

test("adds up two requests", async () => {
  coffee.serveCustomers(2);
  await vi.advanceTimersByTimeAsync(ACTION_MS);
  coffee.serveCustomers(1);
  expect(coffee.coffeesInFlight(), "two requests in flight").toBe(3);
  await vi.advanceTimersByTimeAsync(2 * ACTION_MS);
  expect(coffee.coffeesInFlight(), "after the first request").toBe(1);
  await vi.advanceTimersByTimeAsync(ACTION_MS);
  expect(coffee.coffeesInFlight(), "after both requests").toBe(0);
});

test("predicts the count", () => {
  expect(coffee.predicted.rightAfterReturn, "right after return").toBe(
    3,
  );
  expect(
    coffee.predicted.afterOneActionTime,
    "after one action time",
  ).toBe(3);
});
