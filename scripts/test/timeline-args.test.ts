import { expect, test } from "vitest";
import { UsageError } from "../lib/cli.ts";
import { timelineEnv } from "../lib/timeline/run.ts";
import { parseArgs } from "../lib/step-args.ts";

test("--timeline is off by default", () => {
  const parsed = parseArgs(["5"]);
  expect(parsed).toMatchObject({ timeline: false });
});

test("--timeline turns the picture on", () => {
  const parsed = parseArgs(["5", "--timeline"]);
  expect(parsed).toMatchObject({ timeline: true });
});

test("--timeline with --serve is rejected", () => {
  expect(() => parseArgs(["5", "--serve", "--timeline"])).toThrow(
    UsageError,
  );
});

test("timeline env names a spans folder", () => {
  expect(timelineEnv({ timeline: false })).toEqual({});
  const env = timelineEnv({ timeline: true });
  expect(env.COFFEE_SPANS_DIR).toMatch(/coffee-spans-/);
});
