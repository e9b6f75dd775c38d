/** The command line of `pnpm step`: its help, options and checks. */
import { ACTION_MS, parsePort, parseSpeed } from "@coffee/shared";
import { isBuilt, steps, type Step } from "./catalog.ts";
import { colours, findStep, say, UsageError } from "./cli.ts";
import { isContainerStep } from "./run-container-step.ts";
import type { RunOptions } from "./run-step.ts";
import { minimist } from "zx";

/** The text of `pnpm step --help`. */
export const HELP = `Usage: pnpm step [N] [options]

Runs step N (1 to ${steps.length}) and shows its output and the time it took.
With no N, lists the steps.

Options:
  --customers N  customers to serve in one request (default 3, the talk's)
  --speed X      run X times faster than real time: an action waits
                 ${ACTION_MS} ms / X (default 1, the talk's 2 s actions)
  --serve        keep the server running until Ctrl-C, on --port
  --port P       port for --serve (default 8080)
  --docker       step 6: build and run the real image (needs Docker;
                 used anyway when a Docker engine answers)
  --kube         steps 7 to 10: deploy to the current kubectl context,
                 run the lesson's requests, delete (never without it)
  --help         show this help

Examples:
  pnpm step 5
  pnpm step 2 --speed 20
  pnpm step 4 --customers 30 --speed 10
  pnpm step 5 --serve --port 8081
  pnpm step 8 --kube`;

const OPTIONS = {
  string: ["customers", "speed", "port"],
  boolean: ["serve", "help", "docker", "kube"],
  alias: { h: "help" },
};

/** Prints the steps, one line each. */
export function listSteps(): void {
  say("The steps (pnpm step N runs one):");
  for (const step of steps) {
    const label = `${String(step.number).padStart(2)}  ${step.title}`;
    const state = isBuilt(step) ? "" : colours.dim("  (not built yet)");
    process.stdout.write(`  ${label}${state}\n`);
  }
}

function parseCustomers(raw: string | undefined, step: Step): number {
  if (raw === undefined) return 3;
  if (step.kind === "program") {
    throw new UsageError(
      `step ${step.number} serves one customer and takes no ` +
        "--customers: try it on a server step, such as pnpm step 2 " +
        `--customers ${raw}`,
    );
  }
  if (!/^[1-9]\d*$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(
      `invalid --customers "${raw}": use a whole number from 1, ` +
        "such as --customers 30",
    );
  }
  return Number(raw);
}

/** Turns the command line into the run's options, or throws UsageError. */
export function parseArgs(
  argv: string[],
): RunOptions | "list" | "help" {
  const unknown: string[] = [];
  const args = minimist(joinNegativeValues(argv), {
    ...OPTIONS,
    unknown: (arg) => {
      if (arg.startsWith("-")) unknown.push(arg);
      return !arg.startsWith("-");
    },
  });
  if (args.help) return "help";
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown option ${unknown.join(", ")}: see pnpm step --help`,
    );
  }
  if (args._.length === 0) return "list";
  if (args._.length > 1) {
    throw new UsageError(
      `one step at a time, not "${args._.join(" ")}": such as pnpm step 5`,
    );
  }
  for (const name of OPTIONS.string) {
    if (args[name] === "" || Array.isArray(args[name])) {
      throw new UsageError(
        `--${name} needs one value: see pnpm step --help`,
      );
    }
  }
  const step = findStep(args._[0]);
  if (!isBuilt(step)) {
    throw new UsageError(
      `step ${step.number} (${step.folder}) is not built yet: ` +
        "steps with a folder under steps/ can run now",
    );
  }
  if (args.port !== undefined && !args.serve) {
    throw new UsageError(
      "--port goes with --serve: pnpm step 5 --serve --port 8081",
    );
  }
  if (args.serve && step.kind === "program") {
    throw new UsageError(
      `step ${step.number} is a program, not a server: --serve works from step 2 on`,
    );
  }
  if ((args.docker || args.kube) && !isContainerStep(step)) {
    throw new UsageError(
      `--docker and --kube work from step 6 on, not step ${step.number}`,
    );
  }
  return {
    step,
    customers: parseCustomers(args.customers, step),
    speed: args.speed === undefined ? 1 : parseSpeed(args.speed),
    serve: Boolean(args.serve),
    port: args.port === undefined ? 8080 : parsePort(args.port),
    customersSet: args.customers !== undefined,
    docker: Boolean(args.docker),
    kube: Boolean(args.kube),
  };
}

/**
 * Writes `--customers -3` as `--customers=-3`, so that a negative value
 * reaches the value check instead of passing for an unknown option.
 */
function joinNegativeValues(argv: string[]): string[] {
  const joined: string[] = [];
  for (const arg of argv) {
    const last = joined.at(-1);
    const takesValue = OPTIONS.string.some(
      (name) => last === `--${name}`,
    );
    if (takesValue && /^-\d/.test(arg))
      joined[joined.length - 1] += `=${arg}`;
    else joined.push(arg);
  }
  return joined;
}
