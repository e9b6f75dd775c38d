import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { ActionError, failurePlan, perform } from "../src/action.ts";
import { ACTION_MS } from "../src/clock.ts";
import { setLogSink } from "../src/log.ts";
import { runOnFakeClock } from "../src/testing.ts";

let lines: string[];

beforeEach(() => {
  lines = [];
  setLogSink((line) => lines.push(line));
  vi.stubEnv("COFFEE_LOG", "actions");
  vi.stubEnv("COFFEE_FAIL", "");
  vi.stubEnv("COFFEE_SPEED", "");
});

afterEach(() => {
  setLogSink(undefined);
  vi.unstubAllEnvs();
});

test("an action takes one action time", async () => {
  const run = await runOnFakeClock(() => perform("espresso", 4));
  expect(run.elapsed).toBe(ACTION_MS);
});

test("an action records its span", async () => {
  const run = await runOnFakeClock(() => perform("espresso", 4));
  expect(run.spans).toEqual([
    {
      customer: 4,
      action: "espresso",
      start: 0,
      end: ACTION_MS,
      source: undefined,
    },
  ]);
});

test("an action logs its line when it ends", async () => {
  await runOnFakeClock(() => perform("milk", 2));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/customer 2 🥛 milk steamed$/);
});

test("COFFEE_FAIL fails the named action", async () => {
  vi.stubEnv("COFFEE_FAIL", "milk");
  const failed = runOnFakeClock(() => perform("milk", 1));
  await expect(failed).rejects.toThrow(ActionError);
});

test("COFFEE_FAIL leaves other actions alone", async () => {
  vi.stubEnv("COFFEE_FAIL", "milk");
  const run = await runOnFakeClock(() => perform("pay", 1));
  expect(run.spans).toHaveLength(1);
});

test("COFFEE_FAIL with :N fails every Nth customer", () => {
  expect(failurePlan("milk:3")).toEqual({ action: "milk", every: 3 });
});

test.each(["tea", "milk:0", "milk:x", "milk:-1"])(
  "rejects COFFEE_FAIL %j",
  (raw) => {
    expect(() => failurePlan(raw)).toThrow(
      `invalid COFFEE_FAIL "${raw}"`,
    );
  },
);
