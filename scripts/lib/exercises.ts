/**
 * The exercises of each step: found on disk under
 * `steps/NN-…/exercises/NN-name/`, with a task (README.md), a
 * starter, a check (check.ts), hints (hints.md) and a reference
 * solution. The learner edits a working copy of the starter under
 * `.coffee/work/`, so the starter itself stays as it was.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
} from "node:fs";
import path from "node:path";
import { stateDir, workDir } from "@coffee/shared/exercise";
import { stepDir, steps, type Step } from "./catalog.ts";
import { UsageError } from "./cli.ts";

/** One exercise of one step. */
export interface Exercise {
  step: Step;
  /** Its folder name, such as `02-espresso-machines`. */
  folder: string;
  /** Its place in the step, from 1. */
  number: number;
  /** The folder name without its number, such as `espresso-machines`. */
  name: string;
  /** Its title: the first heading of its README.md. */
  title: string;
  /** Its folder under the step, absolute. */
  dir: string;
  /** The learner's working copy, absolute. */
  workDir: string;
  /** The files the learner edits, relative to the working copy. */
  files: string[];
}

/** Key of an exercise in the progress file: `05/espresso-machines`. */
export function exerciseKey(exercise: Exercise): string {
  const step = String(exercise.step.number).padStart(2, "0");
  return `${step}/${exercise.name}`;
}

/** Returns a path relative to the repository, for messages. */
export function shown(file: string): string {
  return path.relative(process.cwd(), file) || ".";
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(
            path.join(dir, entry.name),
            `${prefix}${entry.name}/`,
          )
        : [`${prefix}${entry.name}`],
    )
    .sort();
}

function titleOf(readme: string): string {
  const text = existsSync(readme) ? readFileSync(readme, "utf8") : "";
  return /^# (.+)$/m.exec(text)?.[1]?.trim() ?? "(untitled)";
}

function readExercise(step: Step, folder: string): Exercise {
  const dir = path.join(stepDir(step), "exercises", folder);
  const match = /^(\d{2})-(.+)$/.exec(folder)!;
  return {
    step,
    folder,
    number: Number(match[1]),
    name: match[2]!,
    title: titleOf(path.join(dir, "README.md")),
    dir,
    workDir: workDir(step.folder, folder),
    files: listFiles(path.join(dir, "starter")),
  };
}

/** Returns the exercises of `step`, in order; none when it has none. */
export function exercisesOf(step: Step): Exercise[] {
  const root = path.join(stepDir(step), "exercises");
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d{2}-.+/.test(e.name))
    .map((e) => readExercise(step, e.name))
    .sort((a, b) => a.number - b.number);
}

/** Returns every exercise of every step, in order. */
export function allExercises(): Exercise[] {
  return steps.flatMap(exercisesOf);
}

/**
 * Finds an exercise of `step` by number (`2`) or name
 * (`espresso-machines`). Throws a UsageError that lists the valid ones.
 */
export function findExercise(step: Step, raw: unknown): Exercise {
  const text = String(raw ?? "").trim();
  const list = exercisesOf(step);
  const found = list.find(
    (e) =>
      e.name === text ||
      e.folder === text ||
      (/^\d{1,2}$/.test(text) && e.number === Number(text)),
  );
  if (found) return found;
  const valid = list.map((e) => `${e.number} (${e.name})`).join(", ");
  throw new UsageError(
    list.length === 0
      ? `step ${step.number} has no exercises yet`
      : `step ${step.number} has no exercise "${text}": use ${valid}, ` +
          `such as pnpm check ${step.number} ${list[0]!.name}`,
  );
}

/** One hint: a `## ` heading of hints.md and the text under it. */
export interface Hint {
  title: string;
  body: string;
}

/** Returns the hints of an exercise, in the order they are shown. */
export function hintsOf(exercise: Exercise): Hint[] {
  const file = path.join(exercise.dir, "hints.md");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split(/^## /m)
    .slice(1)
    .map((part) => {
      const [title = "", ...rest] = part.split("\n");
      return { title: title.trim(), body: rest.join("\n").trim() };
    });
}

/** Returns whether the learner's working copy exists. */
export function hasWorkCopy(exercise: Exercise): boolean {
  return exercise.files.every((file) =>
    existsSync(path.join(exercise.workDir, file)),
  );
}

/**
 * Creates the working copy from the starter, keeping every file the
 * learner already has. Returns the files it created.
 */
export function ensureWorkCopy(exercise: Exercise): string[] {
  const created: string[] = [];
  for (const file of exercise.files) {
    const target = path.join(exercise.workDir, file);
    if (existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(exercise.dir, "starter", file), target);
    created.push(target);
  }
  return created;
}

/** Returns whether any file of the working copy differs from the starter. */
export function workDiffers(exercise: Exercise): boolean {
  return exercise.files.some((file) => {
    const work = path.join(exercise.workDir, file);
    if (!existsSync(work)) return false;
    const starter = path.join(exercise.dir, "starter", file);
    return readFileSync(work, "utf8") !== readFileSync(starter, "utf8");
  });
}

/**
 * Moves the working copy to `.coffee/backup/` and copies the starter
 * in its place. Returns the backup folder, or undefined when there was
 * no working copy to keep.
 */
export function resetWorkCopy(exercise: Exercise): string | undefined {
  let backup: string | undefined;
  if (existsSync(exercise.workDir)) {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    backup = path.join(
      stateDir(),
      "backup",
      `${exercise.step.folder}-${exercise.folder}-${stamp}`,
    );
    mkdirSync(path.dirname(backup), { recursive: true });
    renameSync(exercise.workDir, backup);
  }
  ensureWorkCopy(exercise);
  return backup;
}

/** Returns a command for an exercise, such as `pnpm check 5 espresso-machines`. */
export function command(verb: string, exercise: Exercise): string {
  return `pnpm ${verb} ${exercise.step.number} ${exercise.name}`;
}
