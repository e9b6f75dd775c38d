import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadExercise, runTypeScript } from "@coffee/shared/exercise";
import { beforeAll, describe, expect, test } from "vitest";
import type * as Answer from "./solution/answer.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
let answer: typeof Answer;

interface ProbeResult {
  served: boolean;
  fatal?: string;
}

async function probe(customers: number, heapMb: number) {
  const run = await runTypeScript(
    path.join(here, "heap-probe.ts"),
    [String(Math.round(customers)), String(heapMb)],
    { timeoutMs: 60_000 },
  );
  const last = run.stdout.trim().split("\n").at(-1) ?? "";
  expect(
    last,
    `heap-probe.ts printed no result: ${run.stderr.trim()}`,
  ).toMatch(/^\{/);
  return JSON.parse(last) as ProbeResult;
}

beforeAll(async () => {
  answer = await loadExercise(import.meta.url, "answer.ts");
});

test("names a heap from 32 to 256 MiB", () => {
  expect(answer.heapMb, "heapMb").toBeGreaterThanOrEqual(32);
  expect(answer.heapMb, "heapMb").toBeLessThanOrEqual(256);
});

test("found the limit within a factor of two", () => {
  expect(answer.lastServed, "lastServed").toBeTypeOf("number");
  expect(answer.firstCrashAt, "firstCrashAt").toBeTypeOf("number");
  expect(answer.firstCrashAt!, "firstCrashAt").toBeGreaterThan(
    answer.lastServed!,
  );
  expect(answer.firstCrashAt!, "firstCrashAt").toBeLessThanOrEqual(
    2 * answer.lastServed!,
  );
});

test("works out the bytes per customer", () => {
  const heapBytes = answer.heapMb * 1024 * 1024;
  expect(answer.bytesPerCustomer, "bytesPerCustomer").toBeTypeOf(
    "number",
  );
  expect(
    answer.bytesPerCustomer!,
    "bytesPerCustomer",
  ).toBeGreaterThanOrEqual((heapBytes / answer.firstCrashAt!) * 0.9);
  expect(
    answer.bytesPerCustomer!,
    "bytesPerCustomer",
  ).toBeLessThanOrEqual((heapBytes / answer.lastServed!) * 1.1);
});

describe("the probe agrees", () => {
  test("serves half of lastServed", async () => {
    expect(answer.lastServed, "lastServed").toBeTypeOf("number");
    const result = await probe(answer.lastServed! / 2, answer.heapMb);
    expect(
      result.served,
      `${answer.lastServed! / 2} customers served`,
    ).toBe(true);
  }, 90_000);

  test("runs out at twice firstCrashAt", async () => {
    expect(answer.firstCrashAt, "firstCrashAt").toBeTypeOf("number");
    const result = await probe(answer.firstCrashAt! * 2, answer.heapMb);
    expect(
      result.served,
      `${answer.firstCrashAt! * 2} customers served`,
    ).toBe(false);
    expect(result.fatal, "the fatal error").toMatch(/heap/i);
  }, 90_000);
});
