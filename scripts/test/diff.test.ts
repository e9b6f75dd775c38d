import { describe, expect, test } from "vitest";
import { steps } from "../lib/catalog.ts";
import {
  colourLine,
  compared,
  diffedFiles,
  stepChanges,
} from "../lib/step-diff.ts";
import { runScript } from "./helpers.ts";

const [, , step3, step4, step5, step6] = steps;

describe("stepChanges", () => {
  test("shows the lesson's lines of 4 → 5", () => {
    const changes = stepChanges(step4!, step5!);
    const coffee = changes.find((c) => c.file === "src/coffee.ts");
    expect(coffee?.patch).toContain("+  await Promise.all([");
    expect(coffee?.patch).toContain(
      '-  await perform("pay", customer);',
    );
    expect(coffee?.patch).toMatch(/^@@ /m);
  });

  test("leaves out package, tests and exercises", () => {
    const files = stepChanges(step4!, step5!).map((c) => c.file);
    expect(files.every((f) => f.startsWith("src/"))).toBe(true);
    expect(diffedFiles(step5!, false)).not.toContain("package.json");
  });

  test("--all adds them", () => {
    const files = stepChanges(step4!, step5!, true).map((c) => c.file);
    expect(files).toContain("package.json");
    expect(files).toContain("test/coffee.test.ts");
    expect(files.some((f) => f.startsWith("exercises/"))).toBe(true);
  });

  test("counts added and removed lines", () => {
    const coffee = stepChanges(step3!, step4!).find(
      (c) => c.file === "src/coffee.ts",
    );
    const lines = coffee!.patch.split("\n");
    expect(coffee!.added).toBe(
      lines.filter((l) => l.startsWith("+") && !l.startsWith("+++"))
        .length,
    );
    expect(coffee!.removed).toBeGreaterThan(0);
  });

  test("names a new file's old side /dev/null", () => {
    const dockerfile = stepChanges(step5!, step6!).find(
      (c) => c.file === "Dockerfile",
    );
    expect(dockerfile?.patch).toContain("--- /dev/null\n");
    expect(dockerfile?.patch).toContain(
      "+++ steps/06-containerize/Dockerfile\n",
    );
  });

  test("lists only the lesson paths that exist", () => {
    expect(compared(step4!, step5!)).toBe("src");
    expect(compared(step5!, step6!)).toBe("src, Dockerfile");
  });

  test("colours nothing without a terminal", () => {
    expect(colourLine("+added")).toBe("+added");
  });
});

describe("pnpm diff", () => {
  test("one step compares with the one before", async () => {
    const run = await runScript("diff", ["5"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Step 4 → step 5");
    expect(run.stdout).toContain(
      "--- steps/04-wait-for-all/src/coffee.ts",
    );
    expect(run.stdout).toContain(
      "+++ steps/05-more-concurrency/src/coffee.ts",
    );
    expect(run.stdout).toMatch(/\d+ file\(s\) changed/);
  }, 20_000);

  test.each([
    [["0"], 'unknown step "0": use a number from 1 to 10'],
    [["1"], "step 1 is the first step"],
    [["4", "x"], 'unknown step "x"'],
    [["1", "2", "3"], "one or two steps"],
    [["5", "--colour"], "unknown option --colour"],
  ])(
    "rejects %j",
    async (args, message) => {
      const run = await runScript("diff", args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\bat \S+:\d+:\d+/);
    },
    20_000,
  );
});
