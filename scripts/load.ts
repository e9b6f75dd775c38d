/**
 * `pnpm load`: many clients at once against a step, started here on
 * 127.0.0.1 or already running, and what came back.
 */
import { connect } from "node:net";
import path from "node:path";
import { stepDir } from "./lib/catalog.ts";
import {
  startTypeScript,
  stop,
  stopChildrenOnExit,
} from "./lib/children.ts";
import { colours, runCommand, say } from "./lib/cli.ts";
import {
  LOAD_HELP,
  parseLoadArgs,
  type LoadCommand,
} from "./lib/load/args.ts";
import { reportLines } from "./lib/load/print.ts";
import { runLoad } from "./lib/load/run.ts";
import {
  buildStep,
  isContainerStep,
} from "./lib/run-container-step.ts";
import { startStandIn } from "./lib/stand-in-client.ts";

/** How long the first connection to the target may take, in ms. */
const CONNECT_TIMEOUT_MS = 5_000;

/** How long a started step may take to listen, in ms. */
const LISTEN_TIMEOUT_MS = 20_000;

/** A started step: its base URL once it listens, and how to stop it. */
interface Target {
  listening: Promise<string | undefined>;
  stop(): Promise<unknown>;
}

/** Returns the environment of a step started for a load run. */
function loadEnv(command: LoadCommand): Record<string, string> {
  return {
    COFFEE_SPEED: String(command.speed),
    COFFEE_LOG: "summary",
    FORCE_COLOR: "0",
    HOST: "127.0.0.1",
    PORT: "0",
  };
}

/**
 * Starts steps 6 to 10 on the local stand-in, with as many processes
 * as the manifest has replicas, from the step's own built bundle.
 */
async function startOnStandIn(command: LoadCommand): Promise<Target> {
  const step = command.step!;
  await buildStep(step);
  const run = {
    step,
    customers: command.customers,
    speed: command.speed,
    serve: false,
    port: 0,
  };
  const standIn = startStandIn(
    run,
    loadEnv(command),
    (line, stream) => {
      // The stand-in's own lines tell of starts, crashes and stops.
      if (stream === "err") process.stderr.write(`${line}\n`);
      else if (line.includes("[stand-in]")) say(line);
    },
  );
  return {
    listening: standIn.whenReady(LISTEN_TIMEOUT_MS),
    stop: () => standIn.stop(),
  };
}

/** Starts the step with PORT=0 and resolves with its base URL. */
function startStep(command: LoadCommand): Target {
  let found: (url: string | undefined) => void = () => {};
  const listening = new Promise<string | undefined>((resolve) => {
    found = resolve;
  });
  const started = startTypeScript(path.join("src", "main.ts"), {
    cwd: stepDir(command.step!),
    env: loadEnv(command),
    // Only errors are printed: a line per request would flood the load.
    onLine: (line, stream) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1]) found(match[1]);
      if (stream === "err") process.stderr.write(`${line}\n`);
    },
  });
  void started.exited.then(() => found(undefined));
  const timer = setTimeout(() => found(undefined), LISTEN_TIMEOUT_MS);
  void listening.then(() => clearTimeout(timer));
  return { listening, stop: () => stop(started) };
}

async function load(
  command: LoadCommand,
  url: string,
): Promise<number> {
  const { load: options } = command;
  const limit = options.amount
    ? `${options.amount} requests`
    : `${options.durationS} s`;
  // One connection first, so that a wrong URL fails at once instead
  // of after the whole run.
  const failure = await connectionError(url);
  if (failure) {
    say(colours.red(noResponses(url, { [failure]: 1 })));
    return 1;
  }
  say(
    `GET ${url} from ${options.connections} connections for ${limit}`,
  );
  const report = await runLoad({ ...options, url });
  for (const line of reportLines(report)) say(line);
  if (report.requests === 0) {
    say(colours.red(noResponses(url, report.errorCodes)));
  }
  return report.requests === 0 || report.errors + report.non2xx > 0
    ? 1
    : 0;
}

/** Resolves with the error code of a TCP connection to `url`, if any. */
async function connectionError(
  url: string,
): Promise<string | undefined> {
  const { hostname, port, protocol } = new URL(url);
  const socket = connect({
    host: hostname.replace(/^\[|\]$/g, ""),
    port: Number(port || (protocol === "https:" ? 443 : 80)),
    timeout: CONNECT_TIMEOUT_MS,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
      socket.once("timeout", () => reject(new Error("ETIMEDOUT")));
    });
    return undefined;
  } catch (error) {
    return (
      (error as NodeJS.ErrnoException).code ?? (error as Error).message
    );
  } finally {
    socket.destroy();
  }
}

/** Returns what to check when a load run got no response at all. */
function noResponses(
  url: string,
  errorCodes: Record<string, number>,
): string {
  if (errorCodes.ECONNREFUSED) {
    return (
      `connection refused at ${url}: nothing listens there. Start ` +
      "a server first (for example pnpm step 5 --serve), or leave " +
      "out --url and give a step number"
    );
  }
  const codes = Object.keys(errorCodes).join(", ") || "none";
  return `no responses from ${url} (errors: ${codes})`;
}

async function main(): Promise<number> {
  const command = parseLoadArgs(process.argv.slice(2));
  if (command === "help") {
    process.stdout.write(`${LOAD_HELP}\n`);
    return 0;
  }
  if (command.url) return load(command, command.url.href);
  stopChildrenOnExit();
  const target = isContainerStep(command.step!)
    ? await startOnStandIn(command)
    : startStep(command);
  try {
    const base = await target.listening;
    if (!base) {
      say(
        colours.red(
          `step ${command.step!.number} did not start listening`,
        ),
      );
      return 1;
    }
    say(
      `Step ${command.step!.number} listens on ${base} (speed ${command.speed})`,
    );
    return await load(
      command,
      `${base}/serve-customer/${command.customers}`,
    );
  } finally {
    await target.stop();
  }
}

await runCommand(main);
