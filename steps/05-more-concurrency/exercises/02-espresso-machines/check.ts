import { ACTION_MS, sleep, type Span } from "@coffee/shared";
import { loadExercise } from "@coffee/shared/exercise";
import { runOnFakeClock } from "@coffee/shared/testing";
import { beforeAll, describe, expect, test } from "vitest";
import type * as Machines from "./solution/machines.ts";

let m: typeof Machines;

beforeAll(async () => {
  m = await loadExercise(import.meta.url, "machines.ts");
});

/** Returns the most spans of `list` that ran at the same moment. */
function mostAtOnce(list: readonly Span[]): number {
  const edges = list.flatMap((s) => [
    { at: s.start, change: 1 },
    { at: s.end, change: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.change - b.change);
  let now = 0;
  let most = 0;
  for (const edge of edges) {
    now += edge.change;
    most = Math.max(most, now);
  }
  return most;
}

const CASES = [
  [5, 2],
  [7, 3],
  [3, 5],
  [4, 1],
] as const;

describe.each(CASES)(
  "%i customers, %i machines",
  (customers, machines) => {
    test("never more espressos than machines", async () => {
      const run = await runOnFakeClock(() =>
        m.serveCustomers(customers, machines),
      );
      const espressos = run.spans.filter(
        (s) => s.action === "espresso",
      );
      expect(espressos, "espressos made").toHaveLength(customers);
      expect(
        mostAtOnce(espressos),
        "espressos at once",
      ).toBeLessThanOrEqual(machines);
    });

    test("pay and milk start at once", async () => {
      const run = await runOnFakeClock(() =>
        m.serveCustomers(customers, machines),
      );
      const others = run.spans.filter((s) => s.action !== "espresso");
      expect(
        others.map((s) => s.start),
        "starts of pay and milk",
      ).toEqual(Array(2 * customers).fill(0));
    });

    test("takes the predicted time", async () => {
      const run = await runOnFakeClock(() =>
        m.serveCustomers(customers, machines),
      );
      const predicted = m.predictedActionTimes(customers, machines);
      expect(run.elapsed, "ms taken").toBe(
        Math.ceil(customers / machines) * ACTION_MS,
      );
      expect(predicted * ACTION_MS, "your prediction, in ms").toBe(
        run.elapsed,
      );
    });
  },
);

describe("Semaphore", () => {
  test("serves waiters in order", async () => {
    const run = await runOnFakeClock(() => m.serveCustomers(5, 2));
    const order = run.spans
      .filter((s) => s.action === "espresso")
      .sort((a, b) => a.start - b.start || a.customer - b.customer)
      .map((s) => s.customer);
    expect(order, "customers in espresso order").toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  test("rejects a release without acquire", () => {
    const machines = new m.Semaphore(2);
    expect(
      () => machines.release(),
      "release() on a new semaphore",
    ).toThrow();
  });

  test("frees a machine after a failure", async () => {
    const machines = new m.Semaphore(1);
    const outcome = (coffee: Promise<void>) =>
      Promise.race([
        coffee.then(
          () => "made",
          () => "failed",
        ),
        sleep(10 * ACTION_MS).then(() => "still waiting for a machine"),
      ]);
    const run = await runOnFakeClock(async () => {
      process.env.COFFEE_FAIL = "espresso";
      const first = await outcome(m.makeCoffee(1, machines));
      delete process.env.COFFEE_FAIL;
      const second = await outcome(m.makeCoffee(2, machines));
      return [first, second];
    }).finally(() => delete process.env.COFFEE_FAIL);
    expect(run.value, "the two coffees").toEqual(["failed", "made"]);
  });
});
