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
  delete process.env.COFFEE_SPEED;
});

test.each([
  [1, ACTION_MS],
  [4, ACTION_MS / 4],
])("times each action at speed %i", async (speed, actionMs) => {
  process.env.COFFEE_SPEED = String(speed);
  const run = await runOnFakeClock(() => coffee.makeCoffee(1));
  for (const action of ["pay", "espresso", "milk"] as const) {
    expect(run.value[action], `ms of ${action}`).toBe(actionMs);
  }
});

test("action times add up to the total", async () => {
  const run = await runOnFakeClock(() => coffee.makeCoffee(1));
  const { pay, espresso, milk } = run.value;
  expect(pay + espresso + milk, "sum of the three").toBe(run.elapsed);
});

test("names the share spent waiting", () => {
  expect(
    coffee.waitingShare,
    "waitingShare is still undefined",
  ).toBeTypeOf("number");
  expect(
    coffee.waitingShare,
    "share of time spent waiting",
  ).toBeGreaterThan(0.95);
  expect(
    coffee.waitingShare,
    "a share is at most 1",
  ).toBeLessThanOrEqual(1);
});
