import { afterEach, expect, test, vi } from "vitest";
import {
  ACTION_MS,
  actionDuration,
  currentSpeed,
  now,
  parseSpeed,
  sleep,
} from "../src/clock.ts";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

test("the talk's action takes two seconds", () => {
  expect(ACTION_MS).toBe(2000);
});

test.each([
  ["1", 1],
  ["20", 20],
  ["0.5", 0.5],
  ["10000", 10000],
])("parses speed %s", (raw, expected) => {
  expect(parseSpeed(raw)).toBe(expected);
});

test.each(["0", "-2", "abc", "", "1e3", "10001", "Infinity", "2x"])(
  "rejects speed %j",
  (raw) => {
    expect(() => parseSpeed(raw)).toThrow(`invalid speed "${raw}"`);
  },
);

test("speed divides the action time", () => {
  vi.stubEnv("COFFEE_SPEED", "20");
  expect(currentSpeed()).toBe(20);
  expect(actionDuration()).toBe(100);
});

test("speed defaults to real time", () => {
  vi.stubEnv("COFFEE_SPEED", "");
  expect(actionDuration()).toBe(ACTION_MS);
});

test("sleep follows fake timers", async () => {
  vi.useFakeTimers();
  const start = now();
  const done = sleep(1500);
  await vi.advanceTimersByTimeAsync(1500);
  await done;
  expect(now() - start).toBe(1500);
});
