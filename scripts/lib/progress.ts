/**
 * The learner's progress, kept in `.coffee/progress.json` on this
 * machine only: which exercises passed, how many hints were shown,
 * and the step the learner is on.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { stateDir } from "@coffee/shared/exercise";
import { steps, type Step } from "./catalog.ts";
import { colours } from "./cli.ts";
import {
  allExercises,
  exerciseKey,
  exercisesOf,
  type Exercise,
} from "./exercises.ts";

/** The progress of one exercise. */
export interface ExerciseProgress {
  /** When its check last passed, as an ISO date; unset until then. */
  passedAt?: string;
  /** When its check last ran, as an ISO date. */
  checkedAt?: string;
  /** How many of its hints were shown. */
  hintsShown?: number;
  /** Whether the reference solution was shown before the check passed. */
  solutionForced?: boolean;
}

/** The whole progress file. */
export interface Progress {
  version: 1;
  /** The step the learner last worked on. */
  currentStep?: number;
  exercises: Record<string, ExerciseProgress>;
}

/** Returns the path of the progress file. */
export function progressFile(): string {
  return path.join(stateDir(), "progress.json");
}

/**
 * Reads the progress file; an empty progress when there is none.
 * Throws an Error that names the file when it is not valid.
 */
export function readProgress(): Progress {
  const file = progressFile();
  if (!existsSync(file)) return { version: 1, exercises: {} };
  let parsed: Partial<Progress>;
  try {
    parsed = JSON.parse(
      readFileSync(file, "utf8"),
    ) as Partial<Progress>;
  } catch (error) {
    throw new Error(
      `invalid progress file ${file} (${(error as Error).message}): ` +
        "fix it, or delete it to start counting again",
    );
  }
  if (
    typeof parsed.exercises !== "object" ||
    parsed.exercises === null
  ) {
    throw new Error(
      `invalid progress file ${file}: it has no "exercises" object; ` +
        "delete it to start counting again",
    );
  }
  return { ...parsed, version: 1, exercises: parsed.exercises };
}

/** Writes the progress file whole, so a crash never leaves half of it. */
export function writeProgress(progress: Progress): void {
  const file = progressFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(progress, null, 2)}\n`);
  renameSync(temporary, file);
}

/** Changes the progress of one exercise and saves it. */
export function updateExercise(
  exercise: Exercise,
  change: (entry: ExerciseProgress) => ExerciseProgress,
): ExerciseProgress {
  const progress = readProgress();
  const key = exerciseKey(exercise);
  const entry = change({ ...progress.exercises[key] });
  progress.exercises[key] = entry;
  progress.currentStep = exercise.step.number;
  writeProgress(progress);
  return entry;
}

/** Records the step the learner is on. */
export function setCurrentStep(step: Step): void {
  const progress = readProgress();
  progress.currentStep = step.number;
  writeProgress(progress);
}

/** Returns whether an exercise's check has passed. */
export function isDone(
  progress: Progress,
  exercise: Exercise,
): boolean {
  return Boolean(progress.exercises[exerciseKey(exercise)]?.passedAt);
}

/** Returns the first exercise not done, in step order. */
export function nextExercise(progress: Progress): Exercise | undefined {
  const from = progress.currentStep ?? 1;
  const list = allExercises();
  const ahead = list.filter((e) => e.step.number >= from);
  return [...ahead, ...list].find((e) => !isDone(progress, e));
}

/** Returns `done` out of `total` as a bar of `width` characters. */
export function bar(done: number, total: number, width = 10): string {
  const full = total === 0 ? 0 : Math.round((done / total) * width);
  return `${colours.green("█".repeat(full))}${colours.dim("░".repeat(width - full))}`;
}

/**
 * Returns one line on where the learner is, for `pnpm step` and the
 * tour: exercises done in this step and in all, and what to type next.
 */
export function whereYouAre(step: Step): string {
  const progress = readProgress();
  const all = allExercises();
  const done = all.filter((e) => isDone(progress, e)).length;
  const here = exercisesOf(step);
  const doneHere = here.filter((e) => isDone(progress, e)).length;
  const local =
    here.length === 0
      ? `step ${step.number} has no exercises`
      : `step ${step.number}: ${doneHere} of ${here.length} done ` +
        `(pnpm exercise ${step.number})`;
  return `Your progress: ${done} of ${all.length} exercises done; ${local}`;
}

/** Returns the steps with exercises, for the progress table. */
export function stepsWithExercises(): Step[] {
  return steps.filter((step) => exercisesOf(step).length > 0);
}
