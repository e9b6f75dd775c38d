/**
 * Runs one benchmark: starts a fresh server process with the stats
 * route on, sends one request, reads the process's own measurements
 * before and after, and stops it.
 */
import { get } from "node:http";
import path from "node:path";
import {
  sleep,
  startStopwatch,
  STATS_PATH,
  type ProcessStats,
} from "@coffee/shared";
import { startTypeScript, stop, type Started } from "../children.ts";
import { freePort } from "../ports.ts";
import { perCustomer, ratioOf, type RunResult } from "./results.ts";

/** One run of the plan. */
export interface RunSpec {
  id: string;
  target: string;
  /** The folder whose `src/main.ts` is the server. */
  dir: string;
  customers: number;
  speed: number;
  log: string;
  nodeFlags: string[];
  /** How many actions one customer has in flight at once. */
  actionsAtOnce: number;
  idealMs: number;
  /** The maximum time the request may take, in ms. */
  timeoutMs?: number | undefined;
}

/** How long a server may take to respond to its first stats request. */
const READY_TIMEOUT_MS = 20_000;

/** The maximum time a measured request may take, in ms. */
export const REQUEST_TIMEOUT_MS = 10 * 60_000;

/** A line of a native stack trace, such as ` 3: 0xb8ced1 node::Abort()`. */
const NATIVE_FRAME = /^\s*\d+: 0x[0-9a-f]+ /;

/** Lines of a server's stderr kept to explain a failure. */
const KEPT_LINES = 12;

interface Reply {
  status: number;
  body: string;
}

function request(url: string, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve) => {
    const req = get(
      url,
      { headers: { accept: "application/json" }, timeout: timeoutMs },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body }),
        );
        res.on("error", (e) => resolve({ status: 0, body: e.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (error) =>
      resolve({ status: 0, body: error.message }),
    );
  });
}

async function readStats(
  base: string,
): Promise<ProcessStats | undefined> {
  const reply = await request(`${base}${STATS_PATH}?reset=1`, 5000);
  return reply.status === 200 ? JSON.parse(reply.body) : undefined;
}

async function waitReady(
  base: string,
  started: Started,
): Promise<ProcessStats | undefined> {
  const stopwatch = startStopwatch();
  while (stopwatch.elapsedMs() < READY_TIMEOUT_MS) {
    if (started.child.exitCode !== null) return undefined;
    const stats = await readStats(base);
    if (stats) return stats;
    await sleep(50);
  }
  return undefined;
}

function startServer(spec: RunSpec, port: number, errors: string[]) {
  return startTypeScript(path.join("src", "main.ts"), {
    cwd: spec.dir,
    env: {
      COFFEE_SPEED: String(spec.speed),
      COFFEE_LOG: spec.log,
      COFFEE_STATS: "1",
      COFFEE_MAX_CUSTOMERS: String(Math.max(5_000_000, spec.customers)),
      FORCE_COLOR: "0",
      HOST: "127.0.0.1",
      PORT: String(port),
    },
    nodeFlags: spec.nodeFlags,
    onLine: (line, stream) => {
      if (stream !== "err" || !line.trim()) return;
      // V8's native stack after a fatal error would push out the error.
      if (NATIVE_FRAME.test(line)) return;
      errors.push(line);
      if (errors.length > KEPT_LINES) errors.shift();
    },
  });
}

/** Runs `spec` once and returns what it measured. */
export async function runOnce(spec: RunSpec): Promise<RunResult> {
  const errors: string[] = [];
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = startServer(spec, port, errors);
  try {
    const before = await waitReady(base, started);
    if (!before) {
      return failed(spec, "the server did not start", errors, started);
    }
    const stopwatch = startStopwatch();
    const reply = await Promise.race([
      request(
        `${base}/serve-customer/${spec.customers}`,
        spec.timeoutMs ?? REQUEST_TIMEOUT_MS,
      ),
      started.exited.then((code) => ({ status: -code, body: "" })),
    ]);
    const tookMs = stopwatch.elapsedMs();
    if (reply.status !== 200) {
      // A crashed server may still be writing its fatal error.
      await Promise.race([started.exited, sleep(2000)]);
      const reason =
        reply.status < 0 || started.child.exitCode !== null
          ? `the server exited with code ${started.child.exitCode ?? -reply.status}`
          : `answer ${reply.status}: ${reply.body.slice(0, 200)}`;
      return failed(spec, reason, errors, started, tookMs);
    }
    const after = await readStats(base);
    if (!after)
      return failed(spec, "no stats after the run", errors, started);
    return measured(spec, tookMs, before, after);
  } finally {
    await stop(started);
  }
}

function measured(
  spec: RunSpec,
  tookMs: number,
  before: ProcessStats,
  after: ProcessStats,
): RunResult {
  const customersInFlight = Math.round(
    after.peakActionsInFlight / spec.actionsAtOnce,
  );
  return {
    ...base(spec),
    status: "ok",
    tookMs,
    ratio: ratioOf(tookMs, spec.idealMs),
    baselineRss: before.rss,
    peakRss: after.peakRss,
    peakHeapUsed: after.peakHeapUsed,
    heapLimit: after.heapLimit,
    customersInFlight,
    rssPerCustomer: perCustomer(
      after.peakRss,
      before.rss,
      customersInFlight,
    ),
    heapPerCustomer: perCustomer(
      after.peakHeapUsed,
      before.heapUsed,
      customersInFlight,
    ),
    eventLoopDelay: after.eventLoopDelay,
    gcMs: after.gcMs,
    cpuMs: after.cpuMs,
  };
}

function base(spec: RunSpec) {
  return {
    id: spec.id,
    target: spec.target,
    customers: spec.customers,
    speed: spec.speed,
    log: spec.log,
    nodeFlags: spec.nodeFlags,
    idealMs: spec.idealMs,
  };
}

function failed(
  spec: RunSpec,
  reason: string,
  errors: readonly string[],
  started: Started,
  tookMs = 0,
): RunResult {
  const detail = errors.length > 0 ? `\n${errors.join("\n")}` : "";
  return {
    ...base(spec),
    status: "failed",
    error: `${reason}${detail}`,
    exitCode: started.child.exitCode ?? undefined,
    tookMs,
    ratio: null,
    baselineRss: 0,
    peakRss: 0,
    peakHeapUsed: 0,
    heapLimit: 0,
    customersInFlight: 0,
    rssPerCustomer: null,
    heapPerCustomer: null,
    eventLoopDelay: null,
    gcMs: null,
    cpuMs: null,
  };
}
