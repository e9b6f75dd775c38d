import { ACTION_MS } from "@coffee/shared";
import { loadExercise } from "@coffee/shared/exercise";
import { runOnFakeClock, spansOf } from "@coffee/shared/testing";
import { beforeAll, expect, test } from "vitest";
import type * as Coffee from "./solution/coffee.ts";

let coffee: typeof Coffee;

beforeAll(async () => {
  coffee = await loadExercise(import.meta.url, "coffee.ts");
});

test("pay ends before espresso and milk start", async () => {
  const run = await runOnFakeClock(() => coffee.makeCoffee(1));
  const [pay, ...rest] = spansOf(run.spans, 1);
  expect(pay?.action, "the first action to start").toBe("pay");
  for (const span of rest) {
    expect(span.start, `${span.action} starts at`).toBe(pay?.end);
  }
});

test("espresso and milk run at the same time", async () => {
  const run = await runOnFakeClock(() => coffee.makeCoffee(1));
  const actions = spansOf(run.spans, 1).map((span) => span.action);
  expect(actions.sort(), "actions of one coffee").toEqual([
    "espresso",
    "milk",
    "pay",
  ]);
  const espresso = run.spans.find((s) => s.action === "espresso");
  const milk = run.spans.find((s) => s.action === "milk");
  expect(milk?.start, "milk starts with the espresso").toBe(
    espresso?.start,
  );
});

test("one coffee takes two action times", async () => {
  const run = await runOnFakeClock(() => coffee.makeCoffee(1));
  expect(run.elapsed, "ms for one coffee").toBe(2 * ACTION_MS);
});

test("three customers take two action times", async () => {
  const run = await runOnFakeClock(() => coffee.serveCustomers(3));
  expect(run.elapsed, "ms for three customers").toBe(2 * ACTION_MS);
  expect(run.spans, "actions recorded").toHaveLength(9);
});
