/**
 * The local stand-in for a container engine or a cluster: runs the
 * image's `node` command once per replica as Node.js cluster workers,
 * each on a loopback port of its own, and puts one port in front of
 * them that hands each new connection to the next ready pod (round
 * robin), as a Service does. Each worker gets its pod's name and
 * environment, and the heap limit of its memory limit. A crashed
 * worker is started again and counted, as the kubelet counts
 * restarts. Its open connections are reset, and so is every new
 * connection while no pod is ready. SIGTERM stops the pods as the
 * kubelet does: out of the rotation, the preStop sleep, SIGTERM, and
 * SIGKILL when the grace period ends.
 *
 * Started by `pnpm step` with the plan as JSON in COFFEE_POD_PLAN.
 * Its own lines start with `[stand-in]`, and `pnpm step` reads them.
 */
import cluster, { type Worker } from "node:cluster";
import net from "node:net";
import path from "node:path";
import { logTimestamp } from "@coffee/shared";
import type { PodPlan } from "./lib/pods.ts";
import { freePort } from "./lib/ports.ts";

const plan = JSON.parse(
  process.env.COFFEE_POD_PLAN ?? "null",
) as PodPlan;

const HOST = "127.0.0.1";

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
  /** The worker's own loopback port, behind the stand-in's. */
  port: number;
  restarts: number;
  /** Listening and not terminating: in the Service's rotation. */
  ready: boolean;
  /** Connections handed to this pod and still open. */
  connections: Set<net.Socket>;
  /** Connections of this run of the pod that ended in a reset. */
  resets: number;
}

const pods: Pod[] = plan.pods.map((pod) => ({
  ...pod,
  worker: undefined,
  port: 0,
  restarts: 0,
  ready: false,
  connections: new Set(),
  resets: 0,
}));
let stopping = false;
/** Index of the pod that the next connection tries first. */
let turn = 0;
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

/** Returns the first ready pod from `turn` on, round the list. */
function nextReadyPod(): Pod | undefined {
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[(turn + i) % pods.length]!;
    if (pod.ready) return pod;
  }
  return undefined;
}

/** Hands a new connection to the next ready pod, or resets it. */
function route(client: net.Socket): void {
  const pod = nextReadyPod();
  if (!pod) {
    // A Service without ready endpoints rejects connections. This one
    // is accepted already, so the stand-in resets it.
    client.resetAndDestroy();
    return;
  }
  turn = (pods.indexOf(pod) + 1) % pods.length;
  const upstream = net.connect({ port: pod.port, host: HOST });
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  pod.connections.add(upstream);
  // A reset on one side resets the other, and a clean end ends it.
  upstream.once("error", () => {
    pod.resets += 1;
    client.resetAndDestroy();
  });
  client.once("error", () => upstream.resetAndDestroy());
  upstream.once("close", () => {
    pod.connections.delete(upstream);
    client.destroy();
  });
  client.once("close", () => upstream.destroy());
  client.pipe(upstream).pipe(client);
}

const service = net.createServer({ noDelay: true }, route);

async function start(pod: Pod): Promise<void> {
  // A restarted container keeps its pod's address, so it gets the same
  // port again while that is free.
  pod.port = await freePort(pod.port);
  if (stopping) return;
  // The worker gets the pod's environment, but listens on loopback
  // only, on a port of its own, whatever the image sets.
  pod.worker = cluster.fork({
    ...pod.env,
    COFFEE_REPLICA: "",
    HOST,
    PORT: String(pod.port),
    COFFEE_SPEED: process.env.COFFEE_SPEED ?? "1",
    COFFEE_LOG: process.env.COFFEE_LOG ?? "auto",
  });
  pod.worker.once("listening", () => {
    if (stopping) return;
    pod.ready = true;
    const ready = pods.filter((p) => p.ready).length;
    if (ready === pods.length) {
      const { port } = service.address() as net.AddressInfo;
      report(
        `ready: ${ready}/${pods.length} ${plan.unit}s at ` +
          `http://${HOST}:${port}`,
      );
    }
  });
  pod.worker.once("exit", (code, signal) => exited(pod, code, signal));
}

function exited(pod: Pod, code: number | null, signal: string | null) {
  const { exit, text } = describeExit(code, signal);
  pod.worker = undefined;
  pod.ready = false;
  const cut = pod.resets + pod.connections.size;
  for (const upstream of pod.connections) {
    upstream.destroy(new Error(`${pod.name} exited`));
  }
  pod.resets = 0;
  if (cut > 0) {
    report(
      `${plan.unit} ${pod.name}: ${cut} open ` +
        `connection${cut === 1 ? "" : "s"} reset as it ended`,
    );
  }
  if (stopping || !plan.restart) {
    report(`${plan.unit} ${pod.name} stopped: ${text}`);
    if (!stopping) beginStopping();
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
  if (pods.length > 1) {
    const ready = pods.filter((p) => p.ready).length;
    report(
      `${ready} of ${pods.length} ${plan.unit}s take connections ` +
        "until it is back",
    );
  }
  setTimeout(() => stopping || void start(pod), delay);
}

function finish(): void {
  const restarts = pods.map((p) => `${p.name}: ${p.restarts}`);
  report(`all ${plan.unit}s stopped; restarts: ${restarts.join(", ")}`);
  process.exit(stopCodes.every((code) => code === 0) ? 0 : 1);
}

/** Takes every pod out of the rotation and closes the port. */
function beginStopping(): void {
  stopping = true;
  for (const pod of pods) pod.ready = false;
  service.close();
}

/** Stops every pod as the kubelet does on a delete. */
function stopAll(signal: string): void {
  if (stopping) return;
  beginStopping();
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

// Each worker accepts the connections of its own port, so the cluster
// primary keeps no connection for a worker that dies.
cluster.schedulingPolicy = cluster.SCHED_NONE;
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
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => stopAll(signal));
}
service.once("error", (error: NodeJS.ErrnoException) => {
  const port = process.env.PORT || "0";
  report(
    error.code === "EADDRINUSE"
      ? `port ${port} is already in use: stop the other server, or ` +
          "choose another port with --port"
      : `could not listen on ${HOST}:${port}: ${error.message}`,
  );
  process.exit(1);
});
service.listen(Number(process.env.PORT || 0), HOST, () => {
  const count = pods.length;
  report(
    `a local stand-in for ${standsFor}: ${count} ` +
      `process${count === 1 ? "" : "es"} of node ${plan.script}` +
      (plan.heapMiB
        ? ` with --max-old-space-size=${plan.heapMiB}`
        : "") +
      ", behind one port that passes each new connection to the " +
      "next ready process",
  );
  for (const pod of pods) void start(pod);
});
