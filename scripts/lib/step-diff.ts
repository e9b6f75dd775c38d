/**
 * The changes of one step from another: a unified diff (jsdiff) of the
 * two step folders, so that it works without git.
 */
import {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
} from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { stepDir, type Step } from "./catalog.ts";
import { colours } from "./cli.ts";

/** The files a step's lesson changes: its code and deployment files. */
const LESSON_PATHS = ["src", "Dockerfile", ".dockerignore", "k8s"];

/** Never shown, even with --all: installed or generated files. */
const NEVER = new Set(["node_modules", "dist", ".coffee"]);

/** Lists a folder's files relative to it, sorted. */
function listFiles(root: string, relative = ""): string[] {
  const here = path.join(root, relative);
  if (!existsSync(here)) return [];
  if (!statSync(here).isDirectory()) return [relative];
  return readdirSync(here)
    .filter((name) => !NEVER.has(name))
    .flatMap((name) => listFiles(root, path.posix.join(relative, name)))
    .sort();
}

/** Returns the files of a step that a diff compares. */
export function diffedFiles(step: Step, all: boolean): string[] {
  const root = stepDir(step);
  return all
    ? listFiles(root)
    : LESSON_PATHS.flatMap((name) => listFiles(root, name));
}

/** Returns the lesson paths that either step has, such as "src, k8s". */
export function compared(from: Step, to: Step): string {
  return LESSON_PATHS.filter((name) =>
    [from, to].some((step) =>
      existsSync(path.join(stepDir(step), name)),
    ),
  ).join(", ");
}

/** One file's change between two steps. */
export interface FileChange {
  file: string;
  patch: string;
  added: number;
  removed: number;
}

/** Returns a step's file, or undefined where the step has none. */
function read(step: Step, file: string): string | undefined {
  const full = path.join(stepDir(step), file);
  return existsSync(full) ? readFileSync(full, "utf8") : undefined;
}

/** Returns the changed files between `from` and `to`, each a patch. */
export function stepChanges(
  from: Step,
  to: Step,
  all = false,
): FileChange[] {
  const files = new Set([
    ...diffedFiles(from, all),
    ...diffedFiles(to, all),
  ]);
  const changes: FileChange[] = [];
  for (const file of [...files].sort()) {
    const before = read(from, file);
    const after = read(to, file);
    if (before === after) continue;
    // A file that one side lacks is named /dev/null, as git does.
    const patch = createTwoFilesPatch(
      before === undefined
        ? "/dev/null"
        : `steps/${from.folder}/${file}`,
      after === undefined ? "/dev/null" : `steps/${to.folder}/${file}`,
      before ?? "",
      after ?? "",
      undefined,
      undefined,
      { context: 3 },
    );
    const lines = patch.split("\n");
    changes.push({
      file,
      patch,
      added: lines.filter((l) => /^\+(?!\+\+)/.test(l)).length,
      removed: lines.filter((l) => /^-(?!--)/.test(l)).length,
    });
  }
  return changes;
}

/** Colours one line of a unified diff, on a terminal only. */
export function colourLine(line: string): string {
  if (/^(\+\+\+|---) /.test(line)) return colours.bold(line);
  if (line.startsWith("@@")) return colours.cyan(line);
  if (line.startsWith("+")) return colours.green(line);
  if (line.startsWith("-")) return colours.red(line);
  return line;
}

/** Returns a patch, coloured, without jsdiff's `====` separator line. */
export function printable(patch: string): string {
  return patch
    .split("\n")
    .filter((line) => !/^={10,}$/.test(line))
    .map(colourLine)
    .join("\n")
    .trimEnd();
}
