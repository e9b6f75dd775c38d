/** Prints the outcome of exercise checks in plain words. */
import { colours, say } from "./cli.ts";
import type { CheckOutcome, TestOutcome } from "./check-runner.ts";
import { command, shown } from "./exercises.ts";

const write = (line: string) => process.stdout.write(`${line}\n`);

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

function printFailure(test: TestOutcome): void {
  write(`  ${colours.red("✗")} ${test.name}`);
  const message = (test.message ?? "failed").replace(
    / \/\/ Object\.is equality$/m,
    "",
  );
  const label = /^(.*?): expected /.exec(message)?.[1];
  const comparison = / to be (less|greater) than /.test(message);
  if (
    test.expected === undefined ||
    test.actual === undefined ||
    comparison
  ) {
    write(indent(message, "      "));
    return;
  }
  // The values are clearer on lines of their own than in the message.
  if (label) write(indent(label, "      "));
  write(indent(`expected: ${test.expected}`, "      "));
  write(indent(`got:      ${test.actual}`, "      "));
}

/** Prints one exercise's outcome: each test, and what to do next. */
export function printOutcome(outcome: CheckOutcome): void {
  const { exercise } = outcome;
  const files = exercise.files
    .map((file) => shown(`${exercise.workDir}/${file}`))
    .join(", ");
  const label = `Step ${exercise.step.number}, exercise ${exercise.number}: ${exercise.title}`;
  write("");
  write(colours.bold(label));
  write(colours.dim(`  checking ${files}`));
  for (const error of outcome.errors) {
    write(`  ${colours.red("✗")} the check could not run:`);
    write(indent(error, "      "));
  }
  if (outcome.errors.length > 0) {
    write(colours.dim(`  ${outcome.tests.length} tests did not run`));
  } else {
    for (const test of outcome.tests) {
      if (test.passed) write(`  ${colours.green("✓")} ${test.name}`);
      else printFailure(test);
    }
  }
  if (outcome.passed) {
    say(
      colours.green("Passed.") +
        ` Compare with the reference: ${command("solution", exercise)}`,
    );
  } else {
    const failed = outcome.tests.filter((t) => !t.passed).length;
    const what =
      outcome.errors.length > 0
        ? "the check could not run"
        : `${failed} of ${outcome.tests.length} tests failed`;
    say(
      `${colours.red("Not yet:")} ${what}. A hint: ` +
        command("hint", exercise),
    );
  }
}
