/** The command line of `pnpm load`: its help, options and checks. */
import { parseSpeed } from "@coffee/shared";
import { minimist } from "zx";
import { isBuilt, steps, type Step } from "../catalog.ts";
import { findStep, UsageError } from "../cli.ts";
import { checkTarget } from "./target.ts";
import type { LoadOptions } from "./run.ts";

/** The text of `pnpm load --help`. */
export const LOAD_HELP = `Usage: pnpm load [N] [options]

Starts server step N (default 5) on 127.0.0.1, sends it requests from
many connections at once with autocannon, prints requests per second,
latency percentiles, errors, non-2xx responses and which replica
answered how many, then stops it. With --url, loads a server that is
already running instead, such as one from pnpm step 10 --serve.
Requests still in flight when --duration ends are cut off and not
counted; the server logs each as a client that disconnected.

Options:
  --url URL        load this running server (loopback addresses only)
  --allow-remote   allow a --url host off this machine: your own only
  --connections C  connections at once (default 10, at most 1000); each
                   is kept alive, so behind a Service it stays on one
                   replica
  --duration S     seconds to send requests for (default 10, at most 600)
  --amount R       requests in all, instead of --duration (at most 1000000)
  --customers N    customers per request to a started step (default 3)
  --speed X        speed of a started step (default 1: 2 s actions)
  --timeout S      seconds before a request counts as timed out (default 30)
  --help           show this help

Examples:
  pnpm load
  pnpm load 5 --connections 50 --duration 5 --speed 10
  pnpm load --url http://127.0.0.1:8080/serve-customer/3 --amount 200`;

/** The parsed command line of `pnpm load`. */
export interface LoadCommand {
  /** The step to start, unless `url` names a running server. */
  step?: Step | undefined;
  url?: URL | undefined;
  customers: number;
  speed: number;
  load: Omit<LoadOptions, "url">;
}

function wholeNumber(
  args: Record<string, unknown>,
  name: string,
  fallback: number | undefined,
  max: number,
): number | undefined {
  const raw = args[name];
  if (raw === undefined) return fallback;
  const text = String(raw);
  const value = /^[1-9]\d*$/.test(text) ? Number(text) : NaN;
  if (!(value <= max)) {
    throw new UsageError(
      `invalid --${name} "${text}": use a whole number from 1 to ${max}`,
    );
  }
  return value;
}

function parseStep(args: {
  _: string[];
  url?: string;
}): Step | undefined {
  if (args._.length > 1) {
    throw new UsageError(
      `one step at a time, not "${args._.join(" ")}": such as pnpm load 5`,
    );
  }
  if (args.url !== undefined) {
    if (args._.length > 0) {
      throw new UsageError("give a step number or --url, not both");
    }
    return undefined;
  }
  const step = findStep(args._[0] ?? "5");
  if (step.kind !== "server" || !isBuilt(step)) {
    const servers = steps.filter(
      (s) => s.kind === "server" && isBuilt(s),
    );
    throw new UsageError(
      `step ${step.number} is not a built server step: use one of ` +
        servers.map((s) => s.number).join(", "),
    );
  }
  return step;
}

/** Turns the command line into a load command, or throws UsageError. */
export function parseLoadArgs(argv: string[]): LoadCommand | "help" {
  const strings = [
    "url",
    "connections",
    "duration",
    "amount",
    "customers",
    "speed",
    "timeout",
  ];
  const args = minimist(argv, {
    string: strings,
    boolean: ["help", "allow-remote"],
    unknown: (arg) => {
      if (!arg.startsWith("-")) return true;
      throw new UsageError(
        `unknown option ${arg}: see pnpm load --help`,
      );
    },
  });
  if (args.help) return "help";
  for (const name of strings) {
    if (args[name] === "" || Array.isArray(args[name])) {
      throw new UsageError(
        `--${name} needs one value: see pnpm load --help`,
      );
    }
  }
  const step = parseStep(args as { _: string[]; url?: string });
  return {
    step,
    url:
      args.url === undefined
        ? undefined
        : checkTarget(args.url, Boolean(args["allow-remote"])),
    customers: wholeNumber(args, "customers", 3, 1_000_000)!,
    speed: args.speed === undefined ? 1 : parseSpeed(args.speed),
    load: {
      connections: wholeNumber(args, "connections", 10, 1000)!,
      durationS: wholeNumber(args, "duration", 10, 600)!,
      amount: wholeNumber(args, "amount", undefined, 1_000_000),
      timeoutS: wholeNumber(args, "timeout", 30, 600)!,
    },
  };
}
