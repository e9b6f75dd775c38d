/**
 * The real engines: a Docker engine for step 6, and the current
 * Kubernetes context for steps 7 to 10 (only with --kube, so that
 * no command touches a cluster by surprise).
 *
 * NOTE: this machine has neither, so these paths were written to the
 * documented commands but never run here; the stand-in paths were.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { readBuildTag } from "@coffee/shared/deploy/files";
import { $, type ProcessPromise } from "zx";
import { ROOT, stepDir } from "./catalog.ts";
import { say } from "./cli.ts";
import { lessonOf } from "./lessons.ts";
import { runLesson, type Target } from "./run-lesson.ts";
import { get, type RunOptions } from "./run-step.ts";

/** How long `docker info` may take to answer, in ms. */
const DOCKER_INFO_TIMEOUT_MS = 5_000;

/** How long the app may take to answer after start, in ms. */
const START_TIMEOUT_MS = 30_000;

/** Where step 10 reaches the Gateway on kind (deploy/kind.yaml). */
const GATEWAY_URL =
  process.env.COFFEE_GATEWAY_URL || "http://127.0.0.1:8000";

/** Returns whether a Docker engine answers, and if not, why. */
export async function dockerAnswers(): Promise<{
  ok: boolean;
  reason: string;
}> {
  const result = await $({
    quiet: true,
    nothrow: true,
    timeout: DOCKER_INFO_TIMEOUT_MS,
  })`docker info --format {{.ServerVersion}}`;
  if (result.exitCode === 0) return { ok: true, reason: "" };
  const firstLine = (result.stderr || result.stdout)
    .trim()
    .split("\n")[0];
  return {
    ok: false,
    reason: `docker info failed: ${firstLine || `exit code ${result.exitCode}`}`,
  };
}

/** Polls `url` until anything answers, or `timeoutMs` passes. */
async function answering(url: string, timeoutMs = START_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await get(url)).status !== 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** Builds and runs step 6's image, sends the request, and stops it. */
export async function runOnDocker(
  options: RunOptions,
): Promise<number> {
  const dir = stepDir(options.step);
  const tag = readBuildTag(dir) ?? "scaling-coffee:dev";
  const name = `coffee-step-${options.step.folder.slice(0, 2)}-pnpm`;
  const dockerfile = path.relative(ROOT, path.join(dir, "Dockerfile"));
  say(`docker build --file ${dockerfile} --tag ${tag} .`);
  await $({
    cwd: ROOT,
    stdio: "inherit",
  })`docker build --file ${dockerfile} --tag ${tag} .`;
  process.once("exit", () =>
    spawnSync("docker", ["rm", "--force", name]),
  );
  await $`docker run --detach --rm --name ${name} --publish 127.0.0.1::8080 --env COFFEE_SPEED=${options.speed} ${tag}`;
  try {
    const port = (await $`docker port ${name} 8080/tcp`).stdout
      .trim()
      .split("\n")[0];
    const base = `http://${port}`;
    const target: Target = {
      whenReady: async () =>
        (await answering(`${base}/`)) ? base : undefined,
      restartCount: async () => 0,
      restartAfter: async () => undefined,
    };
    const outcomes = await runLesson(
      lessonOf(6, options.customers),
      target,
      options.customers,
    );
    await $({ stdio: "inherit" })`docker logs ${name}`;
    return outcomes.every((o) => o.ok) ? 0 : 1;
  } finally {
    const started = performance.now();
    await $({ nothrow: true })`docker stop --timeout 10 ${name}`;
    say(
      `docker stop took ${((performance.now() - started) / 1000).toFixed(1)} s: node, as PID 1, handled SIGTERM`,
    );
  }
}

const SELECTOR = "app.kubernetes.io/name=coffee";

async function restartTotal(): Promise<number> {
  const out = await $({
    quiet: true,
  })`kubectl get pods -l ${SELECTOR} -o jsonpath={.items[*].status.containerStatuses[*].restartCount}`;
  return out.stdout
    .split(/\s+/)
    .filter(Boolean)
    .reduce((sum, n) => sum + Number(n), 0);
}

async function lastTermination(): Promise<string> {
  const out = await $({
    quiet: true,
  })`kubectl get pods -l ${SELECTOR} -o jsonpath={.items[*].status.containerStatuses[*].lastState.terminated.reason}`;
  const reason = out.stdout.trim();
  return reason === "OOMKilled"
    ? "OOMKilled: out of memory"
    : reason || "restarted";
}

/** Starts `kubectl port-forward` and resolves with its local URL. */
async function portForward(): Promise<{
  url: string;
  process: ProcessPromise;
}> {
  const forward = $({
    quiet: true,
    nothrow: true,
  })`kubectl port-forward deployment/coffee :8080`;
  for await (const line of forward.stdout) {
    const port = /127\.0\.0\.1:(\d+)/.exec(String(line))?.[1];
    if (port)
      return { url: `http://127.0.0.1:${port}`, process: forward };
  }
  throw new Error(
    "kubectl port-forward ended before it forwarded a port",
  );
}

/**
 * Applies the step's manifests to the current context, waits for the
 * rollout, runs the lesson, and deletes what it applied.
 */
export async function runOnKube(options: RunOptions): Promise<number> {
  const dir = path.join(stepDir(options.step), "k8s");
  const context = (
    await $({ quiet: true })`kubectl config current-context`
  ).stdout.trim();
  say(
    `--kube: applying ${path.relative(ROOT, dir)} to context ${context}`,
  );
  await $({ stdio: "inherit" })`kubectl apply -k ${dir}`;
  let forward: { url: string; process: ProcessPromise } | undefined;
  try {
    const target: Target = {
      whenReady: async () => {
        await $({
          stdio: "inherit",
        })`kubectl rollout status deployment/coffee --timeout=180s`;
        if (options.step.number >= 10) return GATEWAY_URL;
        // A port-forward ends with the pod it reached, so each wait
        // starts a new one.
        void forward?.process.kill();
        forward = await portForward();
        return forward.url;
      },
      restartCount: restartTotal,
      restartAfter: async (seen) => {
        for (let i = 0; i < 30; i++) {
          if ((await restartTotal()) > seen) return lastTermination();
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
        return undefined;
      },
    };
    const lesson = lessonOf(
      options.step.number,
      options.customersSet ? options.customers : undefined,
    );
    const outcomes = await runLesson(lesson, target, options.customers);
    return outcomes.some((o) => !o.ok) && lesson.kind !== "sequence"
      ? 1
      : 0;
  } finally {
    void forward?.process.kill();
    await $({
      stdio: "inherit",
      nothrow: true,
    })`kubectl delete -k ${dir} --wait=true`;
  }
}
