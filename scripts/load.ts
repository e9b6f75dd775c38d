/**
 * `pnpm load`: many clients at once against a step, started here on
 * 127.0.0.1 or already running, and what came back.
 */
import path from "node:path";
import { stepDir } from "./lib/catalog.ts";
import {
  startTypeScript,
  stop,
  stopChildrenOnExit,
} from "./lib/children.ts";
import type { Started } from "./lib/children.ts";
import { colours, runCommand, say } from "./lib/cli.ts";
import {
  LOAD_HELP,
  parseLoadArgs,
  type LoadCommand,
} from "./lib/load/args.ts";
import { reportLines } from "./lib/load/print.ts";
import { runLoad } from "./lib/load/run.ts";

/** How long a started step may take to listen, in ms. */
const LISTEN_TIMEOUT_MS = 20_000;

/** Starts the step with PORT=0 and resolves with its base URL. */
function startStep(command: LoadCommand): {
  started: Started;
  listening: Promise<string | undefined>;
} {
  let found: (url: string | undefined) => void = () => {};
  const listening = new Promise<string | undefined>((resolve) => {
    found = resolve;
  });
  const started = startTypeScript(path.join("src", "main.ts"), {
    cwd: stepDir(command.step!),
    env: {
      COFFEE_SPEED: String(command.speed),
      COFFEE_LOG: "summary",
      FORCE_COLOR: "0",
      HOST: "127.0.0.1",
      PORT: "0",
    },
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
  return { started, listening };
}

async function load(
  command: LoadCommand,
  url: string,
): Promise<number> {
  const { load: options } = command;
  const limit = options.amount
    ? `${options.amount} requests`
    : `${options.durationS} s`;
  say(
    `GET ${url} from ${options.connections} connections for ${limit}`,
  );
  const report = await runLoad({ ...options, url });
  for (const line of reportLines(report)) say(line);
  return report.errors + report.non2xx > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const command = parseLoadArgs(process.argv.slice(2));
  if (command === "help") {
    process.stdout.write(`${LOAD_HELP}\n`);
    return 0;
  }
  if (command.url) return load(command, command.url.href);
  stopChildrenOnExit();
  const { started, listening } = startStep(command);
  try {
    const base = await listening;
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
    await stop(started);
  }
}

await runCommand(main);
