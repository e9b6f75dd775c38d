import { afterEach, expect, test } from "vitest";
import { actionDuration } from "../src/clock.ts";
import { fixSettings, unfixSettings } from "../src/fixed-settings.ts";
import { sourceName } from "../src/log.ts";

const saved = { ...process.env };

afterEach(() => {
  unfixSettings();
  process.env = { ...saved };
});

test("settings follow the environment before the fix", () => {
  process.env.COFFEE_SPEED = "10";
  expect(actionDuration()).toBe(200);
  process.env.COFFEE_SPEED = "100";
  expect(actionDuration()).toBe(20);
});

test("settings keep the first value read after the fix", () => {
  process.env.COFFEE_SPEED = "10";
  process.env.COFFEE_REPLICA = "replica-1";
  fixSettings();
  expect(actionDuration()).toBe(200);
  expect(sourceName()).toBe("replica-1");
  process.env.COFFEE_SPEED = "100";
  process.env.COFFEE_REPLICA = "replica-2";
  expect(actionDuration()).toBe(200);
  expect(sourceName()).toBe("replica-1");
});

test("unfixSettings reads the environment again", () => {
  process.env.COFFEE_SPEED = "10";
  fixSettings();
  expect(actionDuration()).toBe(200);
  unfixSettings();
  process.env.COFFEE_SPEED = "100";
  expect(actionDuration()).toBe(20);
});
