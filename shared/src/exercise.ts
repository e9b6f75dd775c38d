/**
 * Where the files of an exercise live, and loading the one that a
 * check tests: the learner's working copy under `.coffee/work/`, or
 * the exercise's untouched starter or its reference solution.
 * Imported by the exercise checks and by the workshop's commands.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The environment variable that chooses which copy a check loads. */
export const TARGET_ENV = "COFFEE_EXERCISE_TARGET";

/** The copy of an exercise that a check runs against. */
export type ExerciseTarget = "work" | "starter" | "solution";

const TARGETS: readonly ExerciseTarget[] = [
  "work",
  "starter",
  "solution",
];

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Returns the folder of the learner's state (`.coffee/` in the
 * repository, or `COFFEE_STATE_DIR`): progress and working copies.
 * It must be inside the repository, so that the working copies find
 * the workspace's packages.
 */
export function stateDir(): string {
  return process.env.COFFEE_STATE_DIR || path.join(ROOT, ".coffee");
}

/** Returns the folder of the learner's copy of one exercise. */
export function workDir(stepFolder: string, exercise: string): string {
  return path.join(stateDir(), "work", stepFolder, exercise);
}

/**
 * Returns the copy chosen by `COFFEE_EXERCISE_TARGET` (default
 * `work`); throws a RangeError that lists the valid values.
 */
export function exerciseTarget(): ExerciseTarget {
  const raw = process.env[TARGET_ENV] || "work";
  if (!TARGETS.includes(raw as ExerciseTarget)) {
    throw new RangeError(
      `invalid ${TARGET_ENV} "${raw}": use one of ${TARGETS.join(", ")}`,
    );
  }
  return raw as ExerciseTarget;
}

/**
 * Returns the absolute path of `file` in the copy under test, for a
 * check whose module URL is `checkUrl`
 * (`steps/<step>/exercises/<exercise>/check.ts`).
 */
export function exerciseFile(checkUrl: string, file: string): string {
  const exerciseDir = path.dirname(fileURLToPath(checkUrl));
  const target = exerciseTarget();
  if (target !== "work") return path.join(exerciseDir, target, file);
  const exercise = path.basename(exerciseDir);
  const stepFolder = path.basename(
    path.dirname(path.dirname(exerciseDir)),
  );
  return path.join(workDir(stepFolder, exercise), file);
}

/**
 * Imports `file` from the copy under test. Throws an Error that names
 * the command that creates the working copy when it is missing.
 */
export async function loadExercise<T>(
  checkUrl: string,
  file: string,
): Promise<T> {
  const found = exerciseFile(checkUrl, file);
  if (!existsSync(found)) {
    throw new Error(
      `missing ${path.relative(ROOT, found)}: pnpm exercise N creates ` +
        "your copy of the step's exercises",
    );
  }
  return (await import(pathToFileURL(found).href)) as T;
}

/** The exit code and output of a process from `runTypeScript`. */
export interface ProcessResult {
  /** The exit code, or 128 + the signal number when killed. */
  code: number;
  stdout: string;
  stderr: string;
}

/** How long `runTypeScript` lets a process run by default, in ms. */
export const RUN_TIMEOUT_MS = 20_000;

/**
 * Runs a TypeScript file with node and tsx, as its own process, and
 * resolves with its exit code and output. The process is killed after
 * `timeoutMs`, and its environment leaves out Vitest's markers so that
 * it logs as a learner's run would.
 */
export function runTypeScript(
  file: string,
  args: string[] = [],
  options: {
    env?: Record<string, string>;
    nodeFlags?: string[];
    timeoutMs?: number;
  } = {},
): Promise<ProcessResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), "--import", "tsx", file, ...args],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk));
  const timer = setTimeout(
    () => child.kill("SIGKILL"),
    options.timeoutMs ?? RUN_TIMEOUT_MS,
  );
  return new Promise((resolve) => {
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const number = signal ? constants.signals[signal] : 0;
      resolve({ code: code ?? 128 + number, ...output });
    });
  });
}

/** One instruction of a Dockerfile, such as `CMD ["node", "main.js"]`. */
export interface DockerInstruction {
  /** The instruction in capitals, such as `CMD`. */
  keyword: string;
  /** The rest of the instruction, continuation lines joined. */
  args: string;
  /** The build stage it belongs to, from 0 at the first FROM. */
  stage: number;
}

/**
 * Parses a Dockerfile into its instructions: joins lines that end
 * with `\`, and skips comments and blank lines. Enough for checks;
 * parser directives and heredocs are not handled.
 */
export function dockerfileInstructions(
  text: string,
): DockerInstruction[] {
  const logical = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  let stage = -1;
  return logical.map((line) => {
    const [keyword = "", ...rest] = line.split(/\s+/);
    if (keyword.toUpperCase() === "FROM") stage += 1;
    return {
      keyword: keyword.toUpperCase(),
      args: rest.join(" "),
      stage: Math.max(stage, 0),
    };
  });
}
