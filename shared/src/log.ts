/**
 * The workshop's logger: lines like Go's `log` package
 * (`2026/12/04 14:05:01 message`), with the process or pod name in
 * front once there are several, and colours only on a terminal.
 */
import { Chalk, type ChalkInstance } from "chalk";
import { fixedSetting } from "./fixed-settings.ts";

/**
 * How much is printed, from `COFFEE_LOG`:
 * - `actions`: every action of every customer;
 * - `auto` (the default): actions of the first customers of each
 *   request only, so that large requests neither flood the terminal
 *   nor spend their time printing;
 * - `summary`: no action lines, only starts, stops, results, errors;
 * - `quiet`: nothing (the default under Vitest).
 */
export type Verbosity = "actions" | "auto" | "summary" | "quiet";

const VERBOSITIES: readonly Verbosity[] = [
  "actions",
  "auto",
  "summary",
  "quiet",
];

/** Under `auto`, customers numbered up to this log their actions. */
export const AUTO_ACTION_CUSTOMERS = 10;

/** The destination of finished lines; tests replace it to read them. */
export type LogSink = (line: string, stream: "out" | "err") => void;

const defaultSink: LogSink = (line, stream) =>
  (stream === "err" ? process.stderr : process.stdout).write(
    `${line}\n`,
  );

let sink: LogSink = defaultSink;

/** Sends log lines to `next` instead of stdout and stderr. */
export function setLogSink(next: LogSink | undefined): void {
  sink = next ?? defaultSink;
}

/**
 * Returns the verbosity from `COFFEE_LOG`, or throws a RangeError
 * that lists the valid values.
 */
export function currentVerbosity(): Verbosity {
  return verbositySetting();
}

const verbositySetting = fixedSetting(readVerbosity);

function readVerbosity(): Verbosity {
  const raw = process.env.COFFEE_LOG;
  if (raw === undefined || raw === "") {
    return process.env.VITEST ? "quiet" : "auto";
  }
  if (!VERBOSITIES.includes(raw as Verbosity)) {
    throw new RangeError(
      `invalid COFFEE_LOG "${raw}": use one of ${VERBOSITIES.join(", ")}`,
    );
  }
  return raw as Verbosity;
}

/** Returns chalk with colours on a terminal only, and off for NO_COLOR. */
export function terminalColours(
  stream: NodeJS.WriteStream = process.stdout,
): ChalkInstance {
  const forced = (process.env.FORCE_COLOR ?? "0") !== "0";
  const off =
    Boolean(process.env.NO_COLOR) || !(stream.isTTY || forced);
  return new Chalk({ level: off ? 0 : 1 });
}

/** Returns the process or pod name that prefixes each line, if any. */
export function sourceName(): string | undefined {
  return sourceSetting();
}

const sourceSetting = fixedSetting(
  () => process.env.COFFEE_REPLICA || process.env.POD_NAME || undefined,
);

const two = (n: number) => String(n).padStart(2, "0");

/** Formats a time as Go's log does: `2026/12/04 14:05:01`. */
export function logTimestamp(date: Date): string {
  const day = `${date.getFullYear()}/${two(date.getMonth() + 1)}/${two(date.getDate())}`;
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return `${day} ${time}`;
}

function write(message: string, stream: "out" | "err"): void {
  if (currentVerbosity() === "quiet") return;
  const source = sourceName();
  const who = source ? `[${source}] ` : "";
  sink(`${logTimestamp(new Date())} ${who}${message}`, stream);
}

/** Logs a start, a stop or a result; printed unless quiet. */
export function logInfo(message: string): void {
  write(message, "out");
}

/**
 * Logs an error that the program handled, with its message and any
 * ids in `message`; printed to stderr unless quiet.
 */
export function logError(message: string, error?: unknown): void {
  const reason =
    error === undefined
      ? ""
      : `: ${error instanceof Error ? error.message : String(error)}`;
  write(
    terminalColours(process.stderr).red(`${message}${reason}`),
    "err",
  );
}

/**
 * Returns whether the action lines of `customer` are printed at the
 * current verbosity.
 */
export function logsActionsOf(customer: number): boolean {
  const verbosity = currentVerbosity();
  if (verbosity === "actions") return true;
  return verbosity === "auto" && customer <= AUTO_ACTION_CUSTOMERS;
}

let hiddenNoted = false;

/** Says once per process that `auto` leaves action lines out. */
function noteHiddenActions(): void {
  if (hiddenNoted || currentVerbosity() !== "auto") return;
  hiddenNoted = true;
  write(
    `(actions of customers past ${AUTO_ACTION_CUSTOMERS} are not logged; ` +
      "COFFEE_LOG=actions logs them all)",
    "out",
  );
}

/** The colour of each action's lines on a terminal. */
export const ACTION_COLOURS = {
  pay: "yellow",
  espresso: "magenta",
  milk: "cyan",
} as const;

/**
 * Logs one finished action, such as `customer 2 ☕ espresso made`, in
 * the action's colour on a terminal.
 */
export function logAction(
  customer: number,
  action: keyof typeof ACTION_COLOURS,
  done: string,
): void {
  if (!logsActionsOf(customer)) {
    noteHiddenActions();
    return;
  }
  const paint = terminalColours()[ACTION_COLOURS[action]];
  write(paint(`customer ${customer} ${done}`), "out");
}
