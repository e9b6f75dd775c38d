/**
 * Runs exercise checks with Vitest's Node API and turns the results
 * into plain outcomes: which tests passed, and for each failure what
 * was expected and what happened.
 */
import path from "node:path";
import {
  TARGET_ENV,
  type ExerciseTarget,
} from "@coffee/shared/exercise";
import type { TestModule } from "vitest/node";
import { createVitest } from "vitest/node";
import { ROOT } from "./catalog.ts";
import type { Exercise } from "./exercises.ts";

/** One test of a check, as it ended. */
export interface TestOutcome {
  name: string;
  passed: boolean;
  /** The failure's message, without a stack trace. */
  message?: string;
  expected?: string;
  actual?: string;
}

/** The result of one exercise's check. */
export interface CheckOutcome {
  exercise: Exercise;
  passed: boolean;
  tests: TestOutcome[];
  /** Errors outside any test, such as a file that does not load. */
  errors: string[];
}

/** The maximum time one test or hook of a check may take, in ms. */
export const CHECK_TIMEOUT_MS = 30_000;

function checkFile(exercise: Exercise): string {
  return path.join(exercise.dir, "check.ts");
}

function firstLines(text: string | undefined): string {
  // Vitest appends the stack to some messages; the learner needs none.
  return (text ?? "")
    .split("\n")
    .filter((line) => !/^\s+at /.test(line))
    .join("\n")
    .trim();
}

function outcomeOf(
  exercise: Exercise,
  module?: TestModule,
): CheckOutcome {
  if (!module) {
    return {
      exercise,
      passed: false,
      tests: [],
      errors: ["the check did not run"],
    };
  }
  const tests = [...module.children.allTests()].map((test) => {
    const result = test.result();
    const error = result.errors?.[0];
    return {
      name: test.fullName,
      passed: result.state === "passed",
      message: error ? firstLines(error.message) : undefined,
      expected: error?.expected,
      actual: error?.actual,
    };
  });
  const errors = module.errors().map((e) => firstLines(e.message));
  const passed =
    errors.length === 0 &&
    tests.length > 0 &&
    tests.every((test) => test.passed);
  return { exercise, passed, tests, errors };
}

/**
 * Runs the checks of `exercises` against one copy (the learner's
 * working copy, the starter or the solution), all in one Vitest run.
 */
export async function runChecks(
  exercises: readonly Exercise[],
  target: ExerciseTarget,
): Promise<CheckOutcome[]> {
  const files = exercises.map(checkFile);
  const vitest = await createVitest(
    "test",
    { config: false, watch: false, root: ROOT },
    {
      test: {
        include: ["steps/*/exercises/*/check.ts"],
        env: { [TARGET_ENV]: target, COFFEE_LOG: "quiet" },
        reporters: [{}],
        testTimeout: CHECK_TIMEOUT_MS,
        hookTimeout: CHECK_TIMEOUT_MS,
        passWithNoTests: true,
      },
    },
  );
  try {
    const result = await vitest.start(files);
    const byFile = new Map(
      result.testModules.map((m) => [path.resolve(m.moduleId), m]),
    );
    return exercises.map((e) =>
      outcomeOf(e, byFile.get(path.resolve(checkFile(e)))),
    );
  } finally {
    await vitest.close();
  }
}
