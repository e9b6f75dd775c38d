/**
 * Runs one step the way `pnpm step` shows it: a program once, or a
 * server that gets the talk's request and is then stopped.
 */
import { get as httpGet } from "node:http";
import path from "node:path";
import {
  ACTION_MS,
  formatMs,
  sleep,
  startStopwatch,
} from "@coffee/shared";
import { stepDir, type Step } from "./catalog.ts";
import { startTypeScript, stop, type Started } from "./children.ts";
import { colours, say } from "./cli.ts";

/** What `pnpm step` was asked to do. */
export interface RunOptions {
  step: Step;
  customers: number;
  speed: number;
  /** Keep the server running on `port` until Ctrl-C. */
  serve: boolean;
  port: number;
  /** Also called with each line the step prints, after printing it. */
  onLine?(line: string, stream: "out" | "err"): void;
}

/** How long a server may take to start listening, in ms. */
const LISTEN_TIMEOUT_MS = 20_000;

const LISTENING = /listening on (http:\/\/\S+)/;

function printLine(line: string, stream: "out" | "err"): void {
  (stream === "err" ? process.stderr : process.stdout).write(
    `${line}\n`,
  );
}

/** The environment of a step's process: speed, logging, colours. */
function stepEnv(options: RunOptions): Record<string, string> {
  const coloured = process.stdout.isTTY && !process.env.NO_COLOR;
  return {
    COFFEE_SPEED: String(options.speed),
    COFFEE_LOG: process.env.COFFEE_LOG || "auto",
    FORCE_COLOR: coloured ? "1" : "0",
    HOST: "127.0.0.1",
    PORT: options.serve ? String(options.port) : "0",
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

/** Runs a program step once; resolves with its exit code. */
export async function runProgram(options: RunOptions): Promise<number> {
  const stopwatch = startStopwatch();
  const code = await startStep(options).exited;
  if (code !== 0) {
    say(
      colours.red(
        `step ${options.step.number} exited with code ${code}`,
      ),
    );
    return code;
  }
  reportTime(options, stopwatch.elapsedMs());
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
 * Starts a server step, sends it the request, shows the answer and
 * the time, and stops it; with `serve`, keeps it up until Ctrl-C.
 * Resolves with the command's exit code.
 */
export async function runServer(options: RunOptions): Promise<number> {
  const { started, url } = waitForListening(options);
  const base = await url;
  if (!base) {
    const code = started.child.exitCode;
    say(
      colours.red(
        code === null
          ? `the server did not listen within ${LISTEN_TIMEOUT_MS / 1000} s`
          : `the server exited with code ${code} before it listened`,
      ),
    );
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
  const answer = await Promise.race([
    get(`${base}${target}`),
    started.exited.then((code) => ({
      status: 0,
      text: `the server exited with code ${code} while serving`,
    })),
  ]);
  const elapsed = stopwatch.elapsedMs();
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
    // The actions still run after the answer; wait to show their lines.
    await sleep((3 * ACTION_MS) / options.speed + 300);
    say("The answer came first: the actions above ended after it.");
  }
  return 0;
}

/** Sends a GET for text; resolves with status 0 when it fails. */
function get(url: string): Promise<{ status: number; text: string }> {
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
