/**
 * The local stand-in for a container engine or a cluster: runs the
 * image's `node` command once per replica as Node.js cluster workers,
 * which share one port and take its connections in turn (round
 * robin), as a Service's endpoints do. Each worker gets its pod's
 * name and environment, and the heap limit of its memory limit. A
 * crashed worker is started again and counted, as the kubelet counts
 * restarts. SIGTERM stops the pods as the kubelet does: the preStop
 * sleep, SIGTERM, and SIGKILL when the grace period ends.
 *
 * Started by `pnpm step` with the plan as JSON in COFFEE_POD_PLAN.
 * Its own lines start with `[stand-in]`, and `pnpm step` reads them.
 */
import cluster, { type Worker } from "node:cluster";
import path from "node:path";
import { logTimestamp } from "@coffee/shared";
import type { PodPlan } from "./lib/pods.ts";

const plan = JSON.parse(
  process.env.COFFEE_POD_PLAN ?? "null",
) as PodPlan;

/** The kubelet's restart back-off: 10 s, doubling, at most 5 min. */
const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;

const SIGNAL_CODES: Record<string, number> = {
  SIGABRT: 134,
  SIGKILL: 137,
  SIGTERM: 143,
};

interface Pod {
  name: string;
  env: Record<string, string>;
  worker: Worker | undefined;
  restarts: number;
  ready: boolean;
}

const pods: Pod[] = plan.pods.map((pod) => ({
  ...pod,
  worker: undefined,
  restarts: 0,
  ready: false,
}));
let stopping = false;
let port = 0;
/** Exit codes of the pods that stopped, for the stand-in's own. */
const stopCodes: number[] = [];

function report(message: string): void {
  process.stdout.write(
    `${logTimestamp(new Date())} [stand-in] ${message}\n`,
  );
}

function describeExit(code: number | null, signal: string | null) {
  const exit = code ?? SIGNAL_CODES[signal ?? ""] ?? 1;
  const reason =
    signal === "SIGABRT"
      ? " (SIGABRT: V8 reached its heap limit, out of memory)"
      : signal
        ? ` (${signal})`
        : "";
  return { exit, text: `exit code ${exit}${reason}` };
}

function start(pod: Pod): void {
  // The worker gets the pod's environment, but listens on loopback
  // only, on the port of pnpm step --serve or a free one, whatever the
  // image sets.
  pod.worker = cluster.fork({
    ...pod.env,
    COFFEE_REPLICA: "",
    HOST: "127.0.0.1",
    PORT: process.env.PORT || "0",
    COFFEE_SPEED: process.env.COFFEE_SPEED ?? "1",
    COFFEE_LOG: process.env.COFFEE_LOG ?? "auto",
  });
  pod.worker.once("listening", (address) => {
    pod.ready = true;
    port = address.port;
    const ready = pods.filter((p) => p.ready).length;
    if (ready === pods.length) {
      report(
        `ready: ${ready}/${pods.length} ${plan.unit}s at ` +
          `http://127.0.0.1:${port}`,
      );
    }
  });
  pod.worker.once("exit", (code, signal) => exited(pod, code, signal));
}

function exited(pod: Pod, code: number | null, signal: string | null) {
  const { exit, text } = describeExit(code, signal);
  pod.worker = undefined;
  pod.ready = false;
  if (stopping || !plan.restart) {
    report(`${plan.unit} ${pod.name} stopped: ${text}`);
    stopping = true;
    stopCodes.push(exit);
    if (pods.every((p) => !p.worker)) finish();
    return;
  }
  pod.restarts += 1;
  const delay =
    pod.restarts === 1
      ? 0
      : Math.min(
          BACKOFF_START_MS * 2 ** (pod.restarts - 2),
          BACKOFF_MAX_MS,
        );
  report(
    `${plan.unit} ${pod.name} exited: ${text}; restarts: ${pod.restarts}` +
      (delay > 0 ? `; back-off ${delay / 1000} s` : ""),
  );
  setTimeout(() => stopping || start(pod), delay);
}

function finish(): void {
  const restarts = pods.map((p) => `${p.name}: ${p.restarts}`);
  report(`all ${plan.unit}s stopped; restarts: ${restarts.join(", ")}`);
  process.exit(stopCodes.every((code) => code === 0) ? 0 : 1);
}

/** Stops every pod as the kubelet does on a delete. */
function stopAll(signal: string): void {
  if (stopping) return;
  stopping = true;
  report(
    `${signal} received: preStop ${plan.preStopSeconds} s, then ` +
      `SIGTERM, SIGKILL after ${plan.graceSeconds} s`,
  );
  const running = pods.filter((pod) => pod.worker);
  if (running.length === 0) finish();
  for (const pod of running) {
    const worker = pod.worker!;
    setTimeout(
      () => worker.process.kill("SIGTERM"),
      plan.preStopSeconds * 1000,
    );
    setTimeout(
      () => worker.process.kill("SIGKILL"),
      plan.graceSeconds * 1000,
    );
  }
}

cluster.schedulingPolicy = cluster.SCHED_RR;
cluster.setupPrimary({
  exec: path.join(plan.cwd, plan.script),
  args: plan.args,
  cwd: plan.cwd,
  execArgv:
    plan.heapMiB === undefined
      ? []
      : [`--max-old-space-size=${plan.heapMiB}`],
});
const standsFor =
  plan.unit === "pod" ? "a Kubernetes cluster" : "docker run";
report(
  `a local stand-in for ${standsFor}: ${pods.length} process(es) of ` +
    `node ${plan.script}` +
    (plan.heapMiB ? ` with --max-old-space-size=${plan.heapMiB}` : "") +
    ", round robin over one port",
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => stopAll(signal));
}
pods.forEach(start);
