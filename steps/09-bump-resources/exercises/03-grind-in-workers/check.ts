import { pbkdf2Sync } from "node:crypto";
import { loadExercise } from "@coffee/shared/exercise";
import { beforeAll, describe, expect, test } from "vitest";
import type * as Grind from "./solution/grind.ts";

let grind: typeof Grind;

beforeAll(async () => {
  grind = await loadExercise(import.meta.url, "grind.ts");
});

/** Runs `work` and returns the longest the event loop was blocked, in ms. */
async function longestBlock<T>(work: () => Promise<T>) {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    const value = await work();
    longest = Math.max(longest, performance.now() - last);
    return { value, longest };
  } finally {
    clearInterval(timer);
  }
}

describe("four grinds", () => {
  let run: { value: number[]; longest: number };
  let oneGrindMs: number;

  beforeAll(async () => {
    const started = performance.now();
    pbkdf2Sync("beans", "salt", grind.GRIND_ROUNDS, 32, "sha256");
    oneGrindMs = performance.now() - started;
    run = await longestBlock(() => grind.grindAll(4));
  }, 60_000);

  test("returns one thread per grind", () => {
    expect(run.value, "threadIds").toHaveLength(4);
  });

  test("grinds off the main thread", () => {
    for (const [i, thread] of run.value.entries()) {
      expect(thread, `threadId of grind ${i + 1} (0 is main)`).not.toBe(
        0,
      );
    }
  });

  test("keeps the event loop free", () => {
    // Grinding on the main thread blocks it for four grinds at once.
    expect(
      run.longest,
      `ms the loop was blocked; one grind takes ${Math.round(oneGrindMs)} ms`,
    ).toBeLessThan(oneGrindMs * 2);
  });
});

test("grinds nothing for zero", async () => {
  expect(await grind.grindAll(0), "grindAll(0)").toEqual([]);
});
