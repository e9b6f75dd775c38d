/**
 * Runs steps 6 to 10: on a Docker engine (step 6, with --docker or
 * when one answers), on the current Kubernetes context (steps 7 to
 * 10, only with --kube), or else on the local stand-in built from the
 * step's own Dockerfile and manifests.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { $ } from "zx";
import { stepDir, type Step } from "./catalog.ts";
import { colours, say, UsageError } from "./cli.ts";
import { dockerAnswers, runOnDocker, runOnKube } from "./engines.ts";
import { lessonOf } from "./lessons.ts";
import { runLesson, type Target } from "./run-lesson.ts";
import { printLine, stepEnv, type RunOptions } from "./run-step.ts";
import { startStandIn, type StandIn } from "./stand-in-client.ts";

/** How long a crashed pod may take to be reported, in ms. */
const RESTART_REPORT_MS = 5_000;

/** Returns whether the step ships a Dockerfile (steps 6 to 10). */
export function isContainerStep(step: Step): boolean {
  return existsSync(path.join(stepDir(step), "Dockerfile"));
}

function hasManifests(step: Step): boolean {
  return existsSync(path.join(stepDir(step), "k8s"));
}

/**
 * Builds `dist/main.js` with the step's own build script, the one
 * that the Dockerfile runs. Throws an Error with esbuild's output.
 */
export async function buildStep(step: Step): Promise<void> {
  const result = await $({
    cwd: stepDir(step),
    quiet: true,
    nothrow: true,
  })`pnpm run build`;
  if (result.exitCode !== 0) {
    throw new Error(
      `pnpm run build failed in ${step.folder}:\n${result.stderr}`,
    );
  }
}

export function standInTarget(standIn: StandIn): Target {
  return {
    whenReady: () => standIn.whenReady(),
    restartCount: async () => standIn.restarts.length,
    restartAfter: async (seen) =>
      (await standIn.restartAfter(seen, RESTART_REPORT_MS))?.reason,
  };
}

/** Runs the step on the local stand-in; resolves with the exit code. */
async function runStandIn(options: RunOptions): Promise<number> {
  const standIn = startStandIn(options, stepEnv(options), printLine);
  const base = await standIn.whenReady();
  if (!base) {
    const code = standIn.started.child.exitCode;
    say(
      colours.red(
        code === null
          ? "the stand-in's pods did not become ready in time"
          : `the stand-in exited with code ${code} before its pods ` +
              "were ready: its last line above says why",
      ),
    );
    await standIn.stop();
    return 1;
  }
  if (options.serve) {
    say(`The stand-in is up. Try: curl ${base}/serve-customer/3`);
    say("Ctrl-C stops it.");
    return standIn.started.exited;
  }
  const lesson = lessonOf(
    options.step.number,
    options.customersSet ? options.customers : undefined,
  );
  const outcomes = await runLesson(
    lesson,
    standInTarget(standIn),
    options.customers,
  );
  const code = await standIn.stop();
  if (code !== 0) {
    say(
      colours.red(`the stand-in's pods stopped with exit code ${code}`),
    );
  }
  const expectFailure = lesson.kind === "sequence";
  const failed = outcomes.some((o) => !o.ok) && !expectFailure;
  return code !== 0 || failed ? 1 : 0;
}

/** Says which real part is missing and how to get it. */
function explainStandIn(step: Step, reason: string): void {
  const real = hasManifests(step)
    ? "Kubernetes cluster"
    : "Docker engine";
  say(
    colours.yellow(
      `No ${real} here (${reason}): running the local stand-in. ` +
        "For the real one, see deploy/README.md.",
    ),
  );
}

/** Runs step 6 to 10 where the machine allows; resolves with the exit code. */
export async function runContainerStep(
  options: RunOptions,
): Promise<number> {
  const { step } = options;
  if (options.kube && !hasManifests(step)) {
    throw new UsageError(
      `step ${step.number} has no manifests: --kube works from step 7 on`,
    );
  }
  if (options.docker && hasManifests(step)) {
    throw new UsageError(
      `--docker runs step 6's image; steps 7 to 10 run on a cluster with --kube`,
    );
  }
  if (options.kube) return runOnKube(options);
  if (!hasManifests(step)) {
    const engine = await dockerAnswers();
    if (engine.ok) return runOnDocker(options);
    if (options.docker) {
      throw new UsageError(
        `--docker: no Docker engine answers (${engine.reason}): start Docker, or run without --docker`,
      );
    }
    explainStandIn(step, engine.reason);
  } else {
    explainStandIn(step, "--kube not given");
  }
  await buildStep(step);
  return runStandIn(options);
}
