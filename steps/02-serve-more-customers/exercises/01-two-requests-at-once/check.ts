import { ACTION_MS } from "@coffee/shared";
import { loadExercise } from "@coffee/shared/exercise";
import {
  expectClose,
  expectMeasured,
  runOnFakeClock,
} from "@coffee/shared/testing";
import { beforeAll, expect, test } from "vitest";
import { serveCustomers } from "../../src/coffee.ts";
import type * as Prediction from "./solution/prediction.ts";

let answer: typeof Prediction;
let exact: { first: number; second: number };

beforeAll(async () => {
  answer = await loadExercise(import.meta.url, "prediction.ts");
  const run = await runOnFakeClock(async () => {
    const started = performance.now();
    const times: number[] = [];
    const request = () =>
      serveCustomers(3).then(() =>
        times.push(performance.now() - started),
      );
    await Promise.all([request(), request()]);
    return times;
  });
  const [first = NaN, second = NaN] = run.value;
  exact = { first, second };
});

test("predicts the first answer", () => {
  expectClose(
    "predicted.firstAnswer",
    answer.predicted.firstAnswer,
    exact.first,
  );
});

test("predicts the second answer", () => {
  expectClose(
    "predicted.secondAnswer",
    answer.predicted.secondAnswer,
    exact.second,
  );
});

test("measures both answers at speed 10", () => {
  const ideal = (9 * ACTION_MS) / 10;
  expect(answer.measuredAtSpeed10, "two measured times").toHaveLength(
    2,
  );
  answer.measuredAtSpeed10.forEach((measured, i) => {
    expectMeasured(`measuredAtSpeed10[${i}]`, measured, ideal);
  });
});
