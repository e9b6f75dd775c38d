/**
 * What every learner command shares: a mistake ends the command with
 * a message and exit code 2, never with a stack trace.
 */
import { terminalColours } from "@coffee/shared";
import { minimist } from "zx";
import { steps, type Step } from "./catalog.ts";

/** A mistake in how a command was called; its message says the fix. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Chalk for stdout: colours on a terminal only, off for NO_COLOR. */
export const colours = terminalColours();

/** Prints one line of the command's own, marked apart from the step's. */
export function say(message: string): void {
  process.stdout.write(`${colours.cyan("›")} ${message}\n`);
}

/**
 * Runs a command's main function. A UsageError or RangeError prints
 * its message and exits 2; anything else prints its message and
 * exits 1.
 */
export async function runCommand(main: () => Promise<number>) {
  // A reader that closes early, such as `| head`, ends the command
  // quietly instead of with an EPIPE stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  try {
    process.exitCode = await main();
  } catch (error) {
    const usage =
      error instanceof UsageError || error instanceof RangeError;
    const message =
      error instanceof Error ? error.message : String(error);
    process.stderr.write(`${colours.red("error:")} ${message}\n`);
    process.exitCode = usage ? 2 : 1;
  }
}

/**
 * Finds a step by its number as typed (`5`, `05`). Throws a
 * UsageError that lists the valid numbers.
 */
export function findStep(raw: unknown): Step {
  const text = String(raw ?? "");
  const step = /^\d{1,2}$/.test(text)
    ? steps.find((s) => s.number === Number(text))
    : undefined;
  if (!step) {
    throw new UsageError(
      `unknown step "${text}": use a number from 1 to ${steps.length}, ` +
        "such as pnpm step 5 (pnpm step lists them)",
    );
  }
  return step;
}

/** The options of a command line, as minimist takes them. */
export type OptionSpec = NonNullable<Parameters<typeof minimist>[1]>;

/**
 * Parses a command line with minimist. Throws a UsageError that names
 * any unknown option and points to `pnpm <command> --help`, unless
 * --help was given.
 */
export function parseOptions(
  argv: string[],
  spec: OptionSpec,
  command: string,
): ReturnType<typeof minimist> {
  const unknown: string[] = [];
  const args = minimist(argv, {
    ...spec,
    unknown: (arg) => {
      if (arg.startsWith("-")) unknown.push(arg);
      return !arg.startsWith("-");
    },
  });
  if (unknown.length > 0 && !args.help) {
    throw new UsageError(
      `unknown option ${unknown.join(", ")}: see pnpm ${command} --help`,
    );
  }
  return args;
}
