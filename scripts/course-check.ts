/**
 * `pnpm course-check`: proves that every exercise can be checked (its
 * starter fails, its solution passes) and that every lesson README
 * has its sections. With --json, prints the findings as JSON.
 */
import { runChecks, type CheckOutcome } from "./lib/check-runner.ts";
import { colours, parseOptions, runCommand, say } from "./lib/cli.ts";
import {
  builtSteps,
  exerciseProblems,
  lessonProblems,
  lessonText,
} from "./lib/course.ts";
import {
  allExercises,
  exerciseKey,
  exercisesOf,
} from "./lib/exercises.ts";

function failures(outcome: CheckOutcome): string[] {
  return [
    ...outcome.errors,
    ...outcome.tests
      .filter((t) => !t.passed)
      .map((t) => `${t.name}: ${t.message ?? "failed"}`),
  ];
}

async function main(): Promise<number> {
  const args = parseOptions(
    process.argv.slice(2),
    { boolean: ["json", "help"] },
    "course-check",
  );
  if (args.help) {
    process.stdout.write(
      "Usage: pnpm course-check [--json]\n\nChecks that every starter fails, every solution passes and every\nlesson README has its sections.\n",
    );
    return 0;
  }
  const exercises = allExercises();
  const starter = await runChecks(exercises, "starter");
  const solution = await runChecks(exercises, "solution");
  const report = {
    exercises: exercises.map((exercise, i) => ({
      key: exerciseKey(exercise),
      problems: exerciseProblems(exercise),
      starterPassed: starter[i]!.passed,
      solutionPassed: solution[i]!.passed,
      solutionFailures: failures(solution[i]!),
    })),
    lessons: builtSteps().map((step) => {
      const text = lessonText(step);
      return {
        step: step.number,
        folder: step.folder,
        missing: text === undefined,
        problems:
          text === undefined
            ? []
            : lessonProblems(step, text, exercisesOf(step)),
      };
    }),
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  }
  let bad = 0;
  for (const entry of report.exercises) {
    const wrong = [
      ...entry.problems,
      ...(entry.starterPassed
        ? ["the untouched starter passes its check"]
        : []),
      ...(entry.solutionPassed
        ? []
        : entry.solutionFailures.map((f) => `solution: ${f}`)),
    ];
    if (wrong.length > 0) bad += 1;
    if (!args.json) {
      const mark =
        wrong.length === 0 ? colours.green("✓") : colours.red("✗");
      process.stdout.write(`${mark} exercise ${entry.key}\n`);
      for (const line of wrong) process.stdout.write(`    ${line}\n`);
    }
  }
  for (const lesson of report.lessons) {
    const wrong = lesson.missing
      ? ["README.md is missing"]
      : lesson.problems;
    if (wrong.length > 0) bad += 1;
    if (!args.json) {
      const mark =
        wrong.length === 0 ? colours.green("✓") : colours.red("✗");
      process.stdout.write(
        `${mark} lesson ${lesson.folder}/README.md\n`,
      );
      for (const line of wrong) process.stdout.write(`    ${line}\n`);
    }
  }
  if (!args.json)
    say(bad === 0 ? "The course checks out." : `${bad} problems.`);
  return bad === 0 ? 0 : 1;
}

await runCommand(main);
