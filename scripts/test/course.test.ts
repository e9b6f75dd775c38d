import { beforeAll, describe, expect, test } from "vitest";
import { steps } from "../lib/catalog.ts";
import {
  builtSteps,
  LESSON_SECTIONS,
  lessonProblems,
} from "../lib/course.ts";
import { allExercises, exerciseKey } from "../lib/exercises.ts";
import { runScript } from "./helpers.ts";

interface Report {
  exercises: {
    key: string;
    problems: string[];
    starterPassed: boolean;
    solutionPassed: boolean;
    solutionFailures: string[];
  }[];
  lessons: {
    folder: string;
    missing: boolean;
    problems: string[];
  }[];
}

let report: Report;

beforeAll(async () => {
  const run = await runScript("course-check", ["--json"]);
  const start = run.stdout.indexOf("{");
  report = JSON.parse(run.stdout.slice(start)) as Report;
}, 240_000);

const exercises = allExercises().map((e) => ({ key: exerciseKey(e) }));

test("every step has two exercises", () => {
  for (const step of steps) {
    const count = allExercises().filter((e) => e.step === step).length;
    expect(
      count,
      `exercises of step ${step.number}`,
    ).toBeGreaterThanOrEqual(2);
  }
});

describe.each(exercises)("exercise $key", ({ key }) => {
  const entry = () => report.exercises.find((e) => e.key === key);

  test("has a task, starter, check, hints, solution", () => {
    expect(entry()?.problems).toEqual([]);
  });

  test("untouched starter fails its check", () => {
    expect(entry()?.starterPassed).toBe(false);
  });

  test("reference solution passes its check", () => {
    expect(entry()?.solutionFailures).toEqual([]);
    expect(entry()?.solutionPassed).toBe(true);
  });
});

describe.each(builtSteps().map((s) => ({ folder: s.folder })))(
  "lesson $folder",
  ({ folder }) => {
    test("README has the lesson's sections", () => {
      const lesson = report.lessons.find((l) => l.folder === folder);
      expect(
        lesson?.missing,
        `${folder}/README.md is missing`,
      ).toBeFalsy();
      expect(lesson?.problems).toEqual([]);
    });
  },
);

describe("lessonProblems", () => {
  const step = steps[4]!;
  const good = [
    "# 05-more-concurrency: the actions overlap too",
    "One sentence.",
    ...LESSON_SECTIONS.map((name) =>
      name === "Output"
        ? "## Output\n\n```\nTook 2s\n```"
        : `## ${name}\n\nText.`,
    ),
  ].join("\n\n");

  test("accepts a complete lesson", () => {
    expect(lessonProblems(step, good)).toEqual([]);
  });

  test("accepts a title in words", () => {
    const text = good.replace(/^# .*$/m, "# Step 5: more concurrency");
    expect(lessonProblems(step, text)).toEqual([]);
  });

  test("rejects a title of another folder", () => {
    const text = good.replace(/^# .*$/m, "# 04-wait-for-all");
    expect(lessonProblems(step, text)[0]).toContain(
      "does not name the folder 05-more-concurrency",
    );
  });

  test("rejects a missing section", () => {
    const text = good.replace("## Limits", "## Caveats");
    expect(lessonProblems(step, text)).toContain(
      'missing section "## Limits"',
    );
  });

  test("rejects sections out of order", () => {
    const text = good
      .replace("## Run", "## TEMP")
      .replace("## Output", "## Run")
      .replace("## TEMP", "## Output");
    expect(lessonProblems(step, text)).toContain(
      'section "## Output" is out of order',
    );
  });

  test("rejects an Output without a block", () => {
    const text = good.replace("```\nTook 2s\n```", "It took 2 s.");
    expect(lessonProblems(step, text)).toContain(
      'section "## Output" has no pasted output block',
    );
  });

  test("rejects an unlisted exercise", () => {
    const [exercise] = allExercises().filter((e) => e.step === step);
    expect(lessonProblems(step, good, [exercise!])).toContain(
      `section "## Exercises" does not list "${exercise!.title}"`,
    );
  });
});
