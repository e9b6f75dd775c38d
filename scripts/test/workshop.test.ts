import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../lib/catalog.ts";
import { findStep } from "../lib/cli.ts";
import {
  exercisesOf,
  findExercise,
  hintsOf,
} from "../lib/exercises.ts";
import { runScript, startScript } from "./helpers.ts";

// Each test run keeps its progress and working copies in a folder of
// its own inside the repository, where the copies find the packages.
let state: string;
const exercise = findExercise(findStep(5), "pay-first");
const work = () =>
  path.join(state, "work", exercise.step.folder, exercise.folder);
const run = (args: string[]) =>
  runScript("workshop", args, { COFFEE_STATE_DIR: state });
const progress = () =>
  JSON.parse(readFileSync(path.join(state, "progress.json"), "utf8"));

beforeAll(() => {
  mkdirSync(path.join(ROOT, ".coffee"), { recursive: true });
  state = mkdtempSync(path.join(ROOT, ".coffee", "test-"));
});

afterAll(() => {
  rmSync(state, { recursive: true, force: true });
});

function solve(): void {
  cpSync(path.join(exercise.dir, "solution"), work(), {
    recursive: true,
  });
}

describe("pnpm exercise", () => {
  test("lists a step's exercises and files", async () => {
    const result = await run(["exercise", "5"]);
    expect(result.code).toBe(0);
    for (const listed of exercisesOf(findStep(5))) {
      expect(result.stdout).toContain(listed.title);
    }
    expect(result.stdout).toContain("01-pay-first/coffee.ts");
    const copy = readFileSync(path.join(work(), "coffee.ts"), "utf8");
    const starter = path.join(exercise.dir, "starter", "coffee.ts");
    expect(copy).toBe(readFileSync(starter, "utf8"));
  }, 20_000);

  test("shows one exercise's task", async () => {
    const result = await run(["exercise", "5", "pay-first"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(exercise.title);
    expect(result.stdout).toContain("pnpm check 5 pay-first");
  }, 20_000);

  test("progress rejects a step number", async () => {
    const result = await run(["progress", "4"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not "4"');
    expect(result.stderr).toContain("pnpm exercise 4");
  }, 20_000);

  test("names the valid exercises", async () => {
    const result = await run(["exercise", "5", "latte-art"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no exercise "latte-art"');
    expect(result.stderr).toContain("1 (pay-first)");
    expect(result.stderr).not.toMatch(/\bat \S+:\d+:\d+/);
  }, 20_000);
});

describe("pnpm check", () => {
  test("fails the untouched starter", async () => {
    const result = await run(["check", "5", "pay-first"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "✗ one coffee takes two action times",
    );
    expect(result.stdout).toMatch(/expected: 4000\n\s+got: {6}2000/);
    expect(result.stdout).toContain("pnpm hint 5 pay-first");
    expect(
      progress().exercises["05/pay-first"].passedAt,
    ).toBeUndefined();
  }, 30_000);

  test("passes a solved copy and records it", async () => {
    solve();
    const result = await run(["check", "5", "pay-first"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Passed.");
    expect(progress().exercises["05/pay-first"].passedAt).toMatch(
      /^\d{4}-/,
    );
  }, 30_000);

  test("reports a file that does not load", async () => {
    const other = findExercise(findStep(5), "espresso-machines");
    const copy = path.join(
      state,
      "work",
      other.step.folder,
      other.folder,
    );
    mkdirSync(copy, { recursive: true });
    cpSync(path.join(other.dir, "starter"), copy, { recursive: true });
    const file = path.join(copy, "machines.ts");
    const broken = "export const = ;\n";
    writeFileSync(file, broken);
    const result = await run(["check", "5", "espresso-machines"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("the check could not run");
    expect(result.stdout).not.toMatch(/^\s+at \S+:\d+:\d+/m);
  }, 30_000);

  test("--watch checks again on save", async () => {
    const command = startScript(
      "workshop",
      ["check", "5", "pay-first", "--watch", "--poll"],
      { COFFEE_STATE_DIR: state },
    );
    try {
      await command.waitFor(/Watching .* by polling/);
      const solution = path.join(exercise.dir, "solution", "coffee.ts");
      writeFileSync(
        path.join(work(), "coffee.ts"),
        readFileSync(solution, "utf8"),
      );
      await command.waitFor(/Changed: [\s\S]*1 of 1 exercises pass/);
    } finally {
      process.kill(command.pid, "SIGINT");
      await command.exited;
    }
  }, 60_000);
});

describe("pnpm hint", () => {
  test("shows one more hint each time", async () => {
    const hints = hintsOf(exercise);
    const first = await run(["hint", "5", "pay-first"]);
    expect(first.stdout).toContain(`Hint 1 of ${hints.length}`);
    const second = await run(["hint", "5", "pay-first"]);
    expect(second.stdout).toContain(`Hint 2 of ${hints.length}`);
    expect(second.stdout).not.toContain("Hint 1 of");
    expect(progress().exercises["05/pay-first"].hintsShown).toBe(2);
  }, 30_000);
});

describe("pnpm solution", () => {
  test("waits for the check to pass", async () => {
    const other = findExercise(findStep(4), "report-every-coffee");
    const result = await run(["solution", "4", other.name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("opens after your check passes");
    expect(result.stdout).not.toContain("allSettled");
  }, 20_000);

  test("shows it when forced", async () => {
    const result = await run([
      "solution",
      "4",
      "report-every-coffee",
      "--force",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Promise.allSettled");
    expect(
      progress().exercises["04/report-every-coffee"].solutionForced,
    ).toBe(true);
  }, 20_000);
});

describe("pnpm reset", () => {
  test("asks first, and needs a terminal", async () => {
    solve();
    const result = await run(["reset", "5", "pay-first"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("add --yes");
    const copy = readFileSync(path.join(work(), "coffee.ts"), "utf8");
    expect(copy).toContain(
      "Nothing is made before the customer has paid",
    );
  }, 20_000);

  test("--yes restores the starter and keeps a backup", async () => {
    solve();
    const result = await run(["reset", "5", "pay-first", "--yes"]);
    expect(result.code).toBe(0);
    const backup = /your old copy is in (\S+)\)/.exec(
      result.stdout,
    )?.[1];
    expect(backup).toBeDefined();
    const kept = readFileSync(
      path.join(ROOT, backup!, "coffee.ts"),
      "utf8",
    );
    expect(kept).toContain(
      "Nothing is made before the customer has paid",
    );
    const copy = readFileSync(path.join(work(), "coffee.ts"), "utf8");
    expect(copy).toContain("TODO");
    expect(
      progress().exercises["05/pay-first"].passedAt,
    ).toBeUndefined();
  }, 20_000);
});

describe("pnpm progress", () => {
  test("shows done and remaining", async () => {
    const result = await run(["progress"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\d+ of \d+ exercises done/);
    expect(result.stdout).toContain("to do: Pay first");
    expect(result.stdout).toContain("← you are here");
  }, 20_000);

  test("names a broken progress file", async () => {
    writeFileSync(path.join(state, "progress.json"), "{ not json");
    const result = await run(["progress"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("invalid progress file");
    expect(result.stderr).toContain("delete it");
    rmSync(path.join(state, "progress.json"));
  }, 20_000);
});
