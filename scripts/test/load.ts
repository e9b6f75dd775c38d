/**
 * Load for the stand-in's fault tests: starts a step's stand-in and
 * sends requests on 127.0.0.1, each on a new connection, bounded in
 * count. Test code only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { get } from "node:http";
import { now } from "@coffee/shared";
import { steps } from "../lib/catalog.ts";
import { buildStep } from "../lib/run-container-step.ts";
import { stepEnv } from "../lib/run-step.ts";
import { startStandIn, type StandIn } from "../lib/stand-in-client.ts";

const running: StandIn[] = [];

/** How long one request of the load may wait for its answer, in ms. */
const REQUEST_TIMEOUT_MS = 15_000;

/** Every line the stand-ins printed since the last `stopStandIns`. */
export const standInLines: string[] = [];

/** Builds the JavaScript that the stand-in runs for each step. */
export async function buildSteps(numbers: number[]): Promise<void> {
  await Promise.all(numbers.map((n) => buildStep(steps[n - 1]!)));
}

/** Starts the stand-in of step `number` at `speed`. */
export function startStandInOf(number: number, speed: number): StandIn {
  const step = steps[number - 1]!;
  const run = { step, customers: 3, speed, serve: false, port: 0 };
  const env = { ...stepEnv(run), COFFEE_LOG: "summary" };
  const standIn = startStandIn(run, env, (line) =>
    standInLines.push(line),
  );
  running.push(standIn);
  return standIn;
}

/** Stops every stand-in started, for `afterEach`. */
export async function stopStandIns(): Promise<void> {
  await Promise.all(running.splice(0).map((standIn) => standIn.stop()));
  standInLines.length = 0;
}

/** One request of the load: when it ran and how it ended. */
export interface Outcome {
  start: number;
  end: number;
  /** The status code, or 0 when the connection failed. */
  status: number;
  /** The socket error, such as ECONNRESET or ECONNREFUSED. */
  error?: string;
  body: string;
}

/** Sends one GET on a new connection, so round robin spreads them. */
export function send(url: string): Promise<Outcome> {
  const begin = now();
  return new Promise((resolve) => {
    const done = (status: number, body: string, error?: string) =>
      resolve({ start: begin, end: now(), status, body, error });
    const req = get(url, { agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => done(res.statusCode ?? 0, body));
      res.on("error", (error) => done(0, body, error.message));
    });
    req.on("error", (error: NodeJS.ErrnoException) =>
      done(0, "", error.code ?? error.message),
    );
    // A request that never gets an answer counts as failed, instead of
    // holding the test until its own time-out.
    req.setTimeout(REQUEST_TIMEOUT_MS, () =>
      req.destroy(new Error("timed out")),
    );
  });
}

/** Runs `clients` loops of requests to `url` until `stop()` is true. */
export async function load(
  url: string,
  clients: number,
  stop: () => boolean,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const client = async () => {
    // At most 200 requests per client, whatever happens.
    for (let i = 0; i < 200 && !stop(); i++) {
      outcomes.push(await send(url));
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return outcomes;
}

/** Returns the pids of the stand-in's workers and their pod names. */
export function replicas(
  standIn: StandIn,
): { pid: number; pod: string }[] {
  const parent = standIn.started.child.pid;
  const found: { pid: number; pod: string }[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "latin1");
      const ppid = Number(
        stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1],
      );
      if (ppid !== parent) continue;
      const environ = readFileSync(`/proc/${name}/environ`, "latin1");
      // Other children, such as tsx's esbuild service, have no pod.
      const pod = /(?:^|\0)POD_NAME=([^\0]+)/.exec(environ)?.[1];
      if (pod) found.push({ pid: Number(name), pod });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
