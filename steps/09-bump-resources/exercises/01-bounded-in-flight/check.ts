import { ACTION_MS, perform } from "@coffee/shared";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  exerciseFile,
  loadExercise,
  runTypeScript,
} from "@coffee/shared/exercise";
import { runOnFakeClock } from "@coffee/shared/testing";
import { beforeAll, describe, expect, test } from "vitest";
import type * as Bounded from "./solution/bounded.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
let bounded: typeof Bounded;

beforeAll(async () => {
  bounded = await loadExercise(import.meta.url, "bounded.ts");
});

/** What three-million.ts printed. */
interface Outcome {
  resolved: boolean;
  error?: string;
  made: number;
  mostInFlight: number;
  twice: number;
}

describe("3,000,000 customers, 10,000 in flight", () => {
  let outcome: Outcome;

  beforeAll(async () => {
    const run = await runTypeScript(
      path.join(here, "three-million.ts"),
      [exerciseFile(import.meta.url, "bounded.ts")],
      { timeoutMs: 60_000 },
    );
    const last = run.stdout.trim().split("\n").at(-1) ?? "";
    outcome = last.startsWith("{")
      ? (JSON.parse(last) as Outcome)
      : {
          resolved: false,
          error:
            run.code === 137
              ? "did not finish in 60 s"
              : run.stderr.trim(),
          made: 0,
          mostInFlight: 0,
          twice: 0,
        };
  }, 90_000);

  test("resolves instead of crashing", () => {
    const why = outcome.error ? `; it failed: ${outcome.error}` : "";
    expect(
      outcome.resolved,
      `serveBounded(3000000, …) resolved${why}`,
    ).toBe(true);
  });

  test("makes every coffee once", () => {
    expect(outcome.made, "coffees made").toBe(3_000_000);
    expect(outcome.twice, "customers served twice").toBe(0);
  });

  test("keeps at most 10,000 in flight", () => {
    expect(
      outcome.mostInFlight,
      "most coffees in flight",
    ).toBeLessThanOrEqual(10_000);
    expect(outcome.mostInFlight, "uses the bound").toBe(10_000);
  });
});

test.each([
  [10, 3, 4],
  [6, 2, 3],
  [2, 5, 1],
])(
  "serves %i customers, %i in flight, in %i actions",
  async (count, bound, actions) => {
    const coffee = (customer: number) => perform("pay", customer);
    const run = await runOnFakeClock(() =>
      bounded.serveBounded(count, coffee, bound),
    );
    expect(run.elapsed, "ms taken").toBe(actions * ACTION_MS);
    expect(run.spans, "coffees made").toHaveLength(count);
  },
);

test("starts the next as soon as one ends", async () => {
  let started = 0;
  const coffee = async (customer: number) => {
    started += 1;
    // Customer 1 takes three action times, the others one.
    await perform("pay", customer);
    if (customer === 1) await perform("milk", customer);
    if (customer === 1) await perform("espresso", customer);
  };
  const run = await runOnFakeClock(() =>
    bounded.serveBounded(5, coffee, 2),
  );
  expect(started, "coffees started").toBe(5);
  // A pool serves 2, 3, 4 and 5 beside the slow customer 1, one after
  // another; rounds would wait for customer 1 before starting 3.
  expect(run.elapsed, "ms taken").toBe(4 * ACTION_MS);
});
