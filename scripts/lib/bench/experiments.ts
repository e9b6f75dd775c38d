/**
 * The experiments of the full benchmark that are not server runs:
 * Promise.all's element limit and CPU work on worker threads. Each is
 * a script under bench/experiments that prints one JSON line.
 */
import path from "node:path";
import { ROOT } from "../catalog.ts";
import { startTypeScript } from "../children.ts";

const EXPERIMENTS_DIR = path.join(ROOT, "bench", "experiments");

/** The experiments, by the key they have in the results file. */
export const EXPERIMENTS = {
  promiseAll: "promise-all.ts",
  workerThreads: "grind.ts",
} as const;

/**
 * Runs one experiment script and returns the JSON it printed. Throws
 * an Error with its stderr when it fails.
 */
export async function runExperiment(file: string): Promise<unknown> {
  const out: string[] = [];
  const err: string[] = [];
  const started = startTypeScript(path.join(EXPERIMENTS_DIR, file), {
    cwd: ROOT,
    env: {},
    onLine: (line, stream) => (stream === "out" ? out : err).push(line),
  });
  const code = await started.exited;
  if (code !== 0) {
    throw new Error(
      `experiment ${file} failed with exit code ${code}: ${err.join("\n")}`,
    );
  }
  return JSON.parse(out.at(-1) ?? "null");
}
