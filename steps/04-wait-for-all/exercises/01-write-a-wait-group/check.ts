import { readFileSync } from "node:fs";
import { ACTION_MS } from "@coffee/shared";
import { exerciseFile, loadExercise } from "@coffee/shared/exercise";
import { runOnFakeClock } from "@coffee/shared/testing";
import { beforeAll, describe, expect, test } from "vitest";
import type * as Module from "./solution/wait-group.ts";

let wg: typeof Module;

beforeAll(async () => {
  wg = await loadExercise(import.meta.url, "wait-group.ts");
});

/** Resolves with whether `promise` settled within a few turns. */
async function settles(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
  return settled;
}

describe("WaitGroup", () => {
  test("wait resolves at once at zero", async () => {
    const group = new wg.WaitGroup();
    expect(await settles(group.wait()), "wait() on a new group").toBe(
      true,
    );
  });

  test("wait pends until every done", async () => {
    const group = new wg.WaitGroup();
    group.add(2);
    const waiting = group.wait();
    expect(await settles(waiting), "after add(2)").toBe(false);
    group.done();
    expect(await settles(waiting), "after one done()").toBe(false);
    group.done();
    expect(await settles(waiting), "after two done()").toBe(true);
  });

  test("releases every waiter", async () => {
    const group = new wg.WaitGroup();
    group.add();
    const waiters = [group.wait(), group.wait(), group.wait()];
    group.done();
    for (const [i, waiter] of waiters.entries()) {
      expect(await settles(waiter), `waiter ${i + 1}`).toBe(true);
    }
  });

  test("can be used again", async () => {
    const group = new wg.WaitGroup();
    group.add();
    group.done();
    group.add();
    expect(await settles(group.wait()), "wait() after add again").toBe(
      false,
    );
  });

  test("rejects a negative counter", () => {
    const group = new wg.WaitGroup();
    expect(() => group.done(), "done() on a new group").toThrow(
      "negative WaitGroup counter",
    );
  });
});

describe("serveCustomers", () => {
  test("takes three action times", async () => {
    const run = await runOnFakeClock(() => wg.serveCustomers(3));
    expect(run.elapsed, "ms for three customers").toBe(3 * ACTION_MS);
  });

  test("resolves after every action", async () => {
    const run = await runOnFakeClock(() => wg.serveCustomers(3));
    const last = Math.max(...run.spans.map((s) => s.end));
    expect(run.spans, "actions recorded").toHaveLength(9);
    expect(run.elapsed, "resolved at").toBeGreaterThanOrEqual(last);
  });

  test("no longer calls Promise.all", () => {
    const source = readFileSync(
      exerciseFile(import.meta.url, "wait-group.ts"),
      "utf8",
    ).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    expect(source, "your file, without comments").not.toMatch(
      /Promise\.all\b/,
    );
    expect(source, "your file, without comments").toMatch(
      /new WaitGroup\(/,
    );
  });
});
