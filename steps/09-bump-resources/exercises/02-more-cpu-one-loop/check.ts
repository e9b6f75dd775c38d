import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadExercise, runTypeScript } from "@coffee/shared/exercise";
import { beforeAll, expect, test } from "vitest";
import type * as Answer from "./solution/answer.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
let answer: typeof Answer;
let probe: { parallelism: number };

beforeAll(async () => {
  answer = await loadExercise(import.meta.url, "answer.ts");
  const run = await runTypeScript(path.join(here, "cpu-probe.ts"));
  expect(run.code, `cpu-probe.ts failed: ${run.stderr.trim()}`).toBe(0);
  probe = JSON.parse(run.stdout.trim());
}, 60_000);

test("predicts no speed-up from more cores", () => {
  expect(
    answer.speedupWithFourCores,
    "speedupWithFourCores",
  ).toBeTypeOf("number");
  expect(
    answer.speedupWithFourCores,
    "times faster with 4 cores",
  ).toBeCloseTo(1, 1);
});

test("measures the grinds at once", () => {
  expect(answer.parallelism, "parallelism").toBeTypeOf("number");
  expect(
    Math.abs(answer.parallelism! - probe.parallelism),
    `distance from the probe's parallelism of ${probe.parallelism}`,
  ).toBeLessThanOrEqual(0.15);
});
