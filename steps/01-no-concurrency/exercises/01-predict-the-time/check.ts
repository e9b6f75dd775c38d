import { loadExercise } from "@coffee/shared/exercise";
import {
  expectClose,
  expectMeasured,
  runOnFakeClock,
} from "@coffee/shared/testing";
import { afterEach, beforeAll, expect, test } from "vitest";
import { makeCoffee } from "../../src/coffee.ts";
import type * as Prediction from "./solution/prediction.ts";

let answer: typeof Prediction;

beforeAll(async () => {
  answer = await loadExercise(import.meta.url, "prediction.ts");
});

afterEach(() => {
  delete process.env.COFFEE_SPEED;
});

test("predicts one customer", async () => {
  const run = await runOnFakeClock(() => makeCoffee(1));
  expectClose(
    "predicted.oneCustomer",
    answer.predicted.oneCustomer,
    run.elapsed,
  );
});

test("predicts two customers in turn", async () => {
  const run = await runOnFakeClock(async () => {
    await makeCoffee(1);
    await makeCoffee(2);
  });
  expectClose(
    "predicted.twoCustomersInTurn",
    answer.predicted.twoCustomersInTurn,
    run.elapsed,
  );
});

test("predicts one customer at speed 10", async () => {
  process.env.COFFEE_SPEED = "10";
  const run = await runOnFakeClock(() => makeCoffee(1));
  expectClose(
    "predicted.oneCustomerAtSpeed10",
    answer.predicted.oneCustomerAtSpeed10,
    run.elapsed,
  );
});

test("measures a real run at speed 10", async () => {
  process.env.COFFEE_SPEED = "10";
  const ideal = (await runOnFakeClock(() => makeCoffee(1))).elapsed;
  expectMeasured("measuredAtSpeed10", answer.measuredAtSpeed10, ideal);
});
