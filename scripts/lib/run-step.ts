/**
 * Runs one step the way `pnpm step` shows it: a program once, or a
 * server that gets the talk's request and is then stopped.
 */
import { get as httpGet } from "node:http";
import path from "node:path";
import {
  ACTION_MS,
  formatMs,
  parseDuration,
  sleep,
  startStopwatch,
  type Stopwatch,
} from "@coffee/shared";
import { stepDir, type Step } from "./catalog.ts";
import { startTypeScript, stop, type Started } from "./children.ts";
import { colours, say } from "./cli.ts";
import { timelineEnv } from "./timeline/run.ts";
import {
  isContainerStep,
  runContainerStep,
} from "./run-container-step.ts";

/** The options of one `pnpm step` run. */
export interface RunOptions {
  step: Step;
  customers: number;
  speed: number;
  /** Keep the server running on `port` until Ctrl-C. */
  serve: boolean;
  port: number;
  /** Draw the timeline of the run from its spans afterwards. */
  timeline?: boolean;
  /** Whether --customers was given, replacing a lesson's sequence. */
  customersSet?: boolean;
  /** Step 6: build and run the real image (--docker). */
  docker?: boolean;
  /** Steps 7 to 10: use the current Kubernetes context (--kube). */
  kube?: boolean;
  /** Also called with each line the step prints, after printing it. */
  onLine?(line: string, stream: "out" | "err"): void;
}

/** How long a server may take to start listening, in ms. */
const LISTEN_TIMEOUT_MS = 20_000;

const LISTENING = /listening on (http:\/\/\S+)/;

/**
 * Returns whether the learner set COFFEE_LOG=quiet. The runner reads
 * the step's listening and Took lines, so the step then logs a summary
 * and the runner prints none of it but its errors.
 */
function quiet(): boolean {
  return process.env.COFFEE_LOG === "quiet";
}

/** Prints a line of the step's output, unless COFFEE_LOG is quiet. */
export function printLine(line: string, stream: "out" | "err"): void {
  if (stream === "out" && quiet()) return;
  (stream === "err" ? process.stderr : process.stdout).write(
    `${line}\n`,
  );
}

/** Returns the environment of a step process: speed, logging, colours. */
export function stepEnv(options: RunOptions): Record<string, string> {
  const coloured = process.stdout.isTTY && !process.env.NO_COLOR;
  return {
    COFFEE_SPEED: String(options.speed),
    COFFEE_LOG: quiet() ? "summary" : process.env.COFFEE_LOG || "auto",
    FORCE_COLOR: coloured ? "1" : "0",
    HOST: "127.0.0.1",
    PORT: options.serve ? String(options.port) : "0",
    ...timelineEnv(options),
  };
}

function startStep(options: RunOptions, onLine = printLine): Started {
  const cwd = stepDir(options.step);
  return startTypeScript(path.join("src", "main.ts"), {
    cwd,
    env: stepEnv(options),
    onLine: (line, stream) => {
      onLine(line, stream);
      options.onLine?.(line, stream);
    },
  });
}

function reportTime(options: RunOptions, elapsedMs: number): void {
  const { step, customers, speed } = options;
  const customersServed = step.kind === "program" ? 1 : customers;
  const ideal = (step.actionTimes(customersServed) * ACTION_MS) / speed;
  const ratio =
    ideal > 0 ? ` (${(elapsedMs / ideal).toFixed(2)} × ideal)` : "";
  say(
    `Time taken: ${colours.bold(formatMs(elapsedMs))}; ideal at ` +
      `speed ${speed}: ${formatMs(ideal)}${ratio}`,
  );
}

/** The line in which a step reports its own time. */
const TOOK = /Took (\S+) to serve coffee/;

/**
 * Runs a program step once and reports the time from its own "Took"
 * line, which leaves out Node.js start-up; resolves with its exit code.
 */
export async function runProgram(options: RunOptions): Promise<number> {
  const stopwatch = startStopwatch();
  let took: string | undefined;
  const started = startStep(options, (line, stream) => {
    printLine(line, stream);
    took = TOOK.exec(line)?.[1] ?? took;
  });
  const code = await started.exited;
  if (code !== 0 || took === undefined) {
    say(
      colours.red(
        `step ${options.step.number} exited with code ${code}`,
      ),
    );
    return code || 1;
  }
  reportTime(options, parseDuration(took));
  say(
    `From start to exit, with Node.js start-up: ${stopwatch.elapsed()}`,
  );
  return 0;
}

/**
 * Resolves with the server's URL once it logs that it listens, or
 * with undefined when it exits or takes too long first.
 */
function waitForListening(options: RunOptions): {
  started: Started;
  url: Promise<string | undefined>;
} {
  let found: (url: string | undefined) => void = () => {};
  const url = new Promise<string | undefined>((resolve) => {
    found = resolve;
  });
  const started = startStep(options, (line, stream) => {
    printLine(line, stream);
    const match = LISTENING.exec(line);
    if (match?.[1]) found(match[1]);
  });
  void started.exited.then(() => found(undefined));
  const timer = setTimeout(() => found(undefined), LISTEN_TIMEOUT_MS);
  void url.then(() => clearTimeout(timer));
  return { started, url };
}

/**
 * Starts a server step, sends it the request, shows the response and
 * the time, and stops it; with `serve`, keeps it up until Ctrl-C.
 * Resolves with the command's exit code.
 */
export async function runServer(options: RunOptions): Promise<number> {
  if (isContainerStep(options.step)) return runContainerStep(options);
  const { started, url } = waitForListening(options);
  const base = await url;
  if (!base) {
    const { exitCode, signalCode } = started.child;
    const why =
      signalCode !== null
        ? `the server was stopped by ${signalCode} before it listened`
        : exitCode !== null
          ? `the server exited with code ${exitCode} before it listened`
          : `the server did not listen within ${LISTEN_TIMEOUT_MS / 1000} s`;
    say(colours.red(why));
    await stop(started);
    return 1;
  }
  if (options.serve) {
    say(`The server is up. Try: curl ${base}/serve-customer/3`);
    say("Ctrl-C stops it.");
    return started.exited;
  }
  const code = await sendRequest(options, base, started);
  const crashed = started.child.exitCode;
  const exit = await stop(started);
  if (crashed !== null) {
    say(colours.red(`the server crashed with exit code ${crashed}`));
    return 1;
  }
  if (exit !== 0) {
    say(
      colours.red(`the server exited with code ${exit} when stopped`),
    );
    return 1;
  }
  return code;
}

async function sendRequest(
  options: RunOptions,
  base: string,
  started: Started,
): Promise<number> {
  const target = `/serve-customer/${options.customers}`;
  say(`GET ${target}`);
  const stopwatch = startStopwatch();
  const progress = reportProgress(options, stopwatch);
  const answer = await Promise.race([
    get(`${base}${target}`),
    started.exited.then((code) => ({
      status: 0,
      text: `the server exited with code ${code} while serving`,
    })),
  ]);
  const elapsed = stopwatch.elapsedMs();
  clearInterval(progress);
  if (answer.status !== 200) {
    say(
      colours.red(
        `answer: ${answer.status || "none"} ${answer.text.trim()}`,
      ),
    );
    return 1;
  }
  say(`answer: 200 ${answer.text.trim()}`);
  reportTime(options, elapsed);
  if (options.step.actionTimes(options.customers) === 0) {
    // The actions still run after the response, so wait to show their lines.
    await sleep((3 * ACTION_MS) / options.speed + 300);
    if (started.child.exitCode === null) {
      say("The answer came first: the actions above ended after it.");
    }
  }
  return 0;
}

/** How often a long request reports that it is still running, in ms. */
const PROGRESS_EVERY_MS = 5000;

/**
 * Prints every few seconds how long the request has run and how long
 * it should take, so that a long run does not look stuck.
 */
function reportProgress(options: RunOptions, stopwatch: Stopwatch) {
  const { step, customers, speed } = options;
  const ideal = (step.actionTimes(customers) * ACTION_MS) / speed;
  return setInterval(() => {
    const soFar = formatMs(
      Math.round(stopwatch.elapsedMs() / 1000) * 1000,
    );
    say(
      colours.dim(
        `still serving: ${soFar} so far, ideal ${formatMs(ideal)}`,
      ),
    );
  }, PROGRESS_EVERY_MS);
}

/** Sends a GET for text; resolves with status 0 when it fails. */
export function get(
  url: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = httpGet(
      url,
      { headers: { accept: "text/plain" } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text }),
        );
        res.on("error", (error) =>
          resolve({ status: 0, text: error.message }),
        );
      },
    );
    req.on("error", (error) =>
      resolve({ status: 0, text: error.message }),
    );
  });
}
