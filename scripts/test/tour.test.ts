import { describe, expect, test } from "vitest";
import { isBuilt, steps } from "../lib/catalog.ts";
import { paragraphs } from "../lib/markdown.ts";
import {
  idealMs,
  lessonText,
  resultsTable,
  tookMs,
} from "../lib/tour.ts";
import { progressText } from "../lib/status-line.ts";
import { processesWith, runScript } from "./helpers.ts";

describe("tour parts", () => {
  test("reads a step's Took line", () => {
    const line =
      "2026/12/04 14:05:01 Took 2.0014s to serve coffee to 3 customer(s)";
    expect(tookMs(line)).toBeCloseTo(2001.4, 6);
    expect(tookMs("customer 1 💳 paid")).toBeUndefined();
  });

  test("ideal times follow the speed", () => {
    expect(idealMs(steps[0]!, 1)).toBe(6000);
    expect(idealMs(steps[1]!, 10)).toBe(1800);
    expect(idealMs(steps[2]!, 1)).toBe(0);
  });

  test("table shows ours and the ratio", () => {
    const table = resultsTable([{ step: steps[1]!, ours: 1850 }], 10);
    expect(table).toContain("1.85s");
    expect(table).toContain("1.03 ×");
    expect(table).toContain("18.0 s for 3 customers");
  });

  test("progress text fills its bar", () => {
    expect(progressText(500, 1000)).toMatch(
      /^▓{10}░{10} 500ms of about 1s$/,
    );
    expect(progressText(3000, 1000)).toMatch(/^▓{20} /);
  });
});

describe("pnpm tour --yes", () => {
  test("runs every built step and ends with a table", async () => {
    const run = await runScript("tour", ["--yes", "--speed", "100"]);
    expect(run.code).toBe(0);
    for (const step of steps) {
      expect(run.stdout).toContain(
        ` Step ${step.number} of ${steps.length} `,
      );
      const row = new RegExp(`│ ${step.number} ${step.talkTitle}`);
      expect(run.stdout, `row of step ${step.number}`).toMatch(row);
      if (!isBuilt(step)) continue;
      expect(run.stdout).toContain(`Your progress:`);
    }
    expect(run.stdout).toMatch(/│ ideal,\s/);
    expect(run.stdout).toContain("speed 100");
    expect(run.stdout).not.toContain("Enter: next step");
    expect(processesWith(run.marker)).toEqual([]);
  }, 180_000);

  test("--from starts later", async () => {
    const run = await runScript("tour", [
      "--yes",
      "--speed",
      "100",
      "--from",
      "10",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(" Step 9 of ");
    expect(run.stdout).toContain(" Step 10 of ");
  }, 120_000);

  test.each([
    [["--speed", "0"], 'invalid speed "0"'],
    [["--from", "11"], 'unknown step "11"'],
    [["--pause"], "unknown option --pause"],
    [["now"], "unknown argument now"],
  ])(
    "rejects %j",
    async (args, message) => {
      const run = await runScript("tour", args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    },
    20_000,
  );
});

describe("lesson text", () => {
  test.each(steps.filter(isBuilt).map((step) => [step.number, step]))(
    "step %i has a sentence to notice",
    (_number, step) => {
      const notice = lessonText(step)!.notice;
      expect(notice.length).toBeGreaterThan(40);
      expect(notice.endsWith(":")).toBe(false);
      expect(notice.startsWith("![")).toBe(false);
    },
  );

  test("paragraphs keep numbers and bold openings", () => {
    const text =
      "2.0 s for three.\n\n**Bold.** Text.\n\n1. a list\n\n- b";
    expect(paragraphs(text)).toEqual([
      "2.0 s for three.",
      "**Bold.** Text.",
    ]);
  });
});
