/**
 * The learner's exercise commands: exercise, check, hint, solution,
 * reset and progress. Each returns its exit code.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { question } from "zx";
import { isBuilt, steps, type Step } from "./catalog.ts";
import { runChecks } from "./check-runner.ts";
import { printOutcome } from "./check-report.ts";
import { colours, findStep, say, UsageError } from "./cli.ts";
import {
  command,
  ensureWorkCopy,
  exerciseKey,
  exercisesOf,
  findExercise,
  hintsOf,
  resetWorkCopy,
  shown,
  workDiffers,
  type Exercise,
} from "./exercises.ts";
import { renderMarkdown } from "./markdown.ts";
import {
  bar,
  isDone,
  nextExercise,
  readProgress,
  setCurrentStep,
  stepsWithExercises,
  updateExercise,
} from "./progress.ts";
import { isWsl, watch } from "./watch.ts";

const write = (line = "") => process.stdout.write(`${line}\n`);

/** The words after the verb, and the flags. */
export interface Args {
  _: string[];
  watch?: boolean;
  poll?: boolean;
  force?: boolean;
  yes?: boolean;
  all?: boolean;
}

function stepOf(args: Args, verb: string): Step {
  const raw = args._[0] ?? readProgress().currentStep;
  if (raw === undefined) {
    throw new UsageError(
      `which step? such as pnpm ${verb} 5 (pnpm progress lists them)`,
    );
  }
  return findStep(raw);
}

function selected(args: Args, verb: string): Exercise[] {
  const step = stepOf(args, verb);
  if (args._[1] !== undefined) return [findExercise(step, args._[1])];
  const list = exercisesOf(step);
  if (list.length === 0) {
    throw new UsageError(
      `step ${step.number} has no exercises yet: pnpm progress lists ` +
        "the steps that have some",
    );
  }
  return list;
}

function oneExercise(args: Args, verb: string): Exercise {
  if (args._.length < 2) {
    const step = stepOf(args, verb);
    const names = exercisesOf(step).map((e) => e.name);
    throw new UsageError(
      `which exercise of step ${step.number}? such as pnpm ${verb} ` +
        `${step.number} ${names[0] ?? "NAME"} (pnpm exercise ` +
        `${step.number} lists them)`,
    );
  }
  return findExercise(stepOf(args, verb), args._[1]);
}

function filesLine(exercise: Exercise): string {
  return exercise.files
    .map((file) => shown(path.join(exercise.workDir, file)))
    .join(", ");
}

function listStep(step: Step): void {
  const progress = readProgress();
  say(colours.bold(`Step ${step.number}: ${step.title}`));
  for (const exercise of exercisesOf(step)) {
    ensureWorkCopy(exercise);
    const mark = isDone(progress, exercise)
      ? colours.green("✓ done")
      : colours.dim("· to do");
    write(`  ${exercise.number}. ${exercise.title}  ${mark}`);
    write(colours.dim(`     edit ${filesLine(exercise)}`));
    write(colours.dim(`     task ${command("exercise", exercise)}`));
  }
  write();
  say(
    `Check your work with pnpm check ${step.number}, or one exercise ` +
      `with pnpm check ${step.number} NAME (add --watch to re-check on save).`,
  );
}

/** `pnpm exercise [N] [exercise]`: lists a step's exercises, or shows one. */
export function exerciseCommand(args: Args): number {
  if (args._.length === 0 && readProgress().currentStep === undefined) {
    return progressCommand();
  }
  const step = stepOf(args, "exercise");
  if (!isBuilt(step) && exercisesOf(step).length === 0) {
    throw new UsageError(
      `step ${step.number} (${step.folder}) is not built yet and has ` +
        "no exercises: pnpm progress lists the steps that have some",
    );
  }
  setCurrentStep(step);
  if (args._[1] === undefined) {
    listStep(step);
    return 0;
  }
  const exercise = findExercise(step, args._[1]);
  const created = ensureWorkCopy(exercise);
  const task = readFileSync(
    path.join(exercise.dir, "README.md"),
    "utf8",
  );
  process.stdout.write(renderMarkdown(task));
  write();
  if (created.length > 0)
    say("Your copy was created from the starter.");
  say(`Edit: ${filesLine(exercise)}`);
  say(
    `Check: ${command("check", exercise)} (add --watch to re-check on save)`,
  );
  say(`Stuck? ${command("hint", exercise)}`);
  return 0;
}

async function checkOnce(exercises: Exercise[]): Promise<boolean> {
  for (const exercise of exercises) {
    for (const file of ensureWorkCopy(exercise)) {
      say(`Created your copy ${shown(file)} from the starter.`);
    }
  }
  const outcomes = await runChecks(exercises, "work");
  const now = new Date().toISOString();
  for (const outcome of outcomes) {
    printOutcome(outcome);
    updateExercise(outcome.exercise, (entry) => ({
      ...entry,
      checkedAt: now,
      ...(outcome.passed ? { passedAt: now } : {}),
    }));
  }
  const passed = outcomes.filter((o) => o.passed).length;
  write();
  say(`${passed} of ${outcomes.length} exercises pass.`);
  const next = nextExercise(readProgress());
  if (passed === outcomes.length && next) {
    say(`Next: ${command("exercise", next)}`);
  }
  return passed === outcomes.length;
}

/** `pnpm check [N] [exercise] [--watch] [--poll]`. */
export async function checkCommand(args: Args): Promise<number> {
  const exercises = selected(args, "check");
  const passed = await checkOnce(exercises);
  if (!args.watch) return passed ? 0 : 1;

  const poll = Boolean(args.poll) || isWsl();
  const dirs = exercises.map((e) => e.workDir);
  await watch(dirs, {
    poll,
    onChange: async (files) => {
      write();
      say(`Changed: ${[...new Set(files)].map(shown).join(", ")}`);
      await checkOnce(exercises);
      say(colours.dim("Watching for changes; Ctrl-C stops."));
    },
  });
  say(
    `Watching ${dirs.map(shown).join(", ")}` +
      `${poll ? " by polling" : ""}; Ctrl-C stops.`,
  );
  return new Promise<number>(() => {
    // Runs until Ctrl-C; the default SIGINT handling ends the process.
  });
}

/** `pnpm hint N exercise`: shows the next hint, one more each time. */
export function hintCommand(args: Args): number {
  const exercise = oneExercise(args, "hint");
  const hints = hintsOf(exercise);
  if (hints.length === 0) {
    say(`${exercise.title} has no hints: its task says it all.`);
    return 0;
  }
  const shownBefore =
    readProgress().exercises[
      `${String(exercise.step.number).padStart(2, "0")}/${exercise.name}`
    ]?.hintsShown ?? 0;
  const count = args.all
    ? hints.length
    : Math.min(shownBefore + 1, hints.length);
  updateExercise(exercise, (entry) => ({
    ...entry,
    hintsShown: count,
  }));
  hints.slice(args.all ? 0 : count - 1, count).forEach((hint, i) => {
    const number = (args.all ? 0 : count - 1) + i + 1;
    const heading = `## Hint ${number} of ${hints.length}: ${hint.title.replace(/^Hint \d+:\s*/, "")}`;
    process.stdout.write(renderMarkdown(`${heading}\n\n${hint.body}`));
  });
  write();
  if (count < hints.length) {
    say(`Another hint: ${command("hint", exercise)}`);
  } else {
    say(
      `That was the last hint. The reference solution opens once your ` +
        `check passes (${command("solution", exercise)} --force opens it now).`,
    );
  }
  return 0;
}

function printFiles(exercise: Exercise, folder: "solution"): void {
  for (const file of exercise.files) {
    const text = readFileSync(
      path.join(exercise.dir, folder, file),
      "utf8",
    );
    const language = path.extname(file).slice(1);
    process.stdout.write(
      renderMarkdown(`### ${file}\n\n\`\`\`${language}\n${text}\`\`\``),
    );
  }
}

/** `pnpm solution N exercise [--force]`. */
export function solutionCommand(args: Args): number {
  const exercise = oneExercise(args, "solution");
  const passed = isDone(readProgress(), exercise);
  if (!passed && !args.force) {
    throw new UsageError(
      `the reference solution of "${exercise.title}" opens after your ` +
        `check passes: run ${command("check", exercise)}, or see it now ` +
        `with ${command("solution", exercise)} --force`,
    );
  }
  if (!passed) {
    updateExercise(exercise, (entry) => ({
      ...entry,
      solutionForced: true,
    }));
  }
  say(colours.bold(`The reference solution of "${exercise.title}":`));
  printFiles(exercise, "solution");
  say(
    `It lives in ${shown(path.join(exercise.dir, "solution"))}; yours in ` +
      `${shown(exercise.workDir)}.`,
  );
  return 0;
}

async function confirm(prompt: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    throw new UsageError(
      "pnpm reset asks before it replaces your work, and there is no " +
        "terminal to ask on: add --yes to reset without asking",
    );
  }
  const answer = await question(`${prompt} [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}

/** `pnpm reset N [exercise] [--yes]`: restores the starter. */
export async function resetCommand(args: Args): Promise<number> {
  if (args._.length === 0) {
    throw new UsageError(
      "which step? such as pnpm reset 5, or pnpm reset 5 pay-first",
    );
  }
  const exercises = selected(args, "reset");
  const changed = exercises.filter(workDiffers);
  if (changed.length > 0) {
    const names = changed.map((e) => `  ${filesLine(e)}`).join("\n");
    write(
      `Your changes to these files will be replaced by the starter:\n${names}`,
    );
    if (!(await confirm("Reset them?", Boolean(args.yes)))) {
      say("Nothing was reset.");
      return 1;
    }
  }
  for (const exercise of exercises) {
    const backup = resetWorkCopy(exercise);
    updateExercise(exercise, ({ passedAt: _passed, ...rest }) => rest);
    const kept = backup
      ? ` (your old copy is in ${shown(backup)})`
      : "";
    say(`Reset ${exercise.title}${kept}`);
  }
  return 0;
}

/** `pnpm progress`: done and remaining, per step. */
export function progressCommand(args?: Args): number {
  const [stray] = args?._ ?? [];
  if (stray !== undefined) {
    throw new UsageError(
      `pnpm progress shows every step and takes no argument, not ` +
        `"${stray}": pnpm exercise ${stray} lists one step's exercises`,
    );
  }
  const progress = readProgress();
  let done = 0;
  let total = 0;
  say(colours.bold("Your progress (kept in .coffee/progress.json)"));
  for (const step of stepsWithExercises()) {
    const list = exercisesOf(step);
    const finished = list.filter((e) => isDone(progress, e));
    done += finished.length;
    total += list.length;
    const here =
      progress.currentStep === step.number ? " ← you are here" : "";
    write(
      `  ${String(step.number).padStart(2)}  ${bar(finished.length, list.length)} ` +
        `${finished.length}/${list.length}  ${step.title}${colours.cyan(here)}`,
    );
    for (const exercise of list.filter((e) => !isDone(progress, e))) {
      write(
        colours.dim(
          `        to do: ${exercise.title} (${command("exercise", exercise)})`,
        ),
      );
    }
  }
  const unlisted = steps.filter((s) => exercisesOf(s).length === 0);
  if (unlisted.length > 0) {
    write(
      colours.dim(
        `  no exercises yet: steps ${unlisted.map((s) => s.number).join(", ")}`,
      ),
    );
  }
  write();
  say(`${done} of ${total} exercises done.`);
  const next = nextExercise(progress);
  say(
    next
      ? `Next: ${command("exercise", next)}`
      : "All done: well brewed.",
  );
  return 0;
}
