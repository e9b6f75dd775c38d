/**
 * Starts the processes of a step and makes sure that none outlives the
 * command: each runs in its own process group, which is stopped on
 * success, on failure, and on Ctrl-C or SIGTERM.
 */
import {
  execFileSync,
  spawn,
  type ChildProcess,
} from "node:child_process";
import { createInterface } from "node:readline";
import { say } from "./cli.ts";

/** The tsx loader, so that `node` runs TypeScript without a wrapper. */
const TSX = import.meta.resolve("tsx");

/**
 * How long a process gets to stop on SIGTERM before SIGKILL, in ms:
 * more than the manifests' 15 s termination grace period, so that a
 * stand-in's pods can finish their requests in flight.
 */
export const STOP_GRACE_MS = 20_000;

const running = new Set<ChildProcess>();

/** Output and exit of a started process. */
export interface Started {
  child: ChildProcess;
  /** Resolves with the exit code, or 128 + signal number. */
  exited: Promise<number>;
}

/** Options for a TypeScript entry point started with node and tsx. */
export interface StartOptions {
  cwd: string;
  env: Record<string, string>;
  /** Called with each line that the process prints, and its stream. */
  onLine(line: string, stream: "out" | "err"): void;
  /** Extra flags for node, such as `--max-old-space-size=64`. */
  nodeFlags?: string[];
}

const SIGNALS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGABRT: 6,
  SIGKILL: 9,
  SIGTERM: 15,
};

/** Starts `node --import tsx <entry>` in its own process group. */
export function startTypeScript(
  entry: string,
  options: StartOptions,
): Started {
  const args = [...(options.nodeFlags ?? []), "--import", TSX, entry];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.add(child);
  for (const stream of ["out", "err"] as const) {
    const input = stream === "out" ? child.stdout : child.stderr;
    createInterface({ input: input! }).on("line", (line) =>
      options.onLine(line, stream),
    );
  }
  const exited = new Promise<number>((resolve) => {
    child.once("error", (error) => {
      options.onLine(`could not start node: ${error.message}`, "err");
      resolve(127);
    });
    child.once("close", (code, signal) => {
      running.delete(child);
      resolve(code ?? 128 + (SIGNALS[signal ?? ""] ?? 0));
    });
  });
  return { child, exited };
}

function signalOne(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(child.pid, signal);
  } catch {
    // The process is already gone.
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Stops a started process and everything it started: SIGTERM, then
 * SIGKILL after `graceMs`. Resolves with its exit code.
 */
export async function stop(
  started: Started,
  graceMs = STOP_GRACE_MS,
): Promise<number> {
  // SIGTERM goes to the process alone, so that a stand-in can stop its
  // pods as the kubelet does (preStop, then its own SIGTERM); SIGKILL
  // goes to the whole group.
  signalOne(started.child, "SIGTERM");
  const timer = setTimeout(
    () => signalGroup(started.child, "SIGKILL"),
    graceMs,
  );
  const code = await started.exited;
  clearTimeout(timer);
  return code;
}

/** Stops every process still running, for example on Ctrl-C. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...running].map((child) => stop({ child, exited: exitOf(child) })),
  );
}

function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("close", (code) => resolve(code ?? 1));
  });
}

let installed = false;

/**
 * Makes Ctrl-C, SIGTERM and SIGHUP stop every started process before
 * the command exits, and kills any left when the command exits anyway.
 * A second signal while they stop kills them at once.
 */
export function stopChildrenOnExit(): void {
  if (installed) return;
  installed = true;
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, async () => {
      const code = 128 + (SIGNALS[signal] ?? 1);
      if (stopping) {
        say(`${signal} received again: killing the step's processes`);
        process.exit(code);
      }
      stopping = true;
      say(`${signal} received: stopping the step's processes`);
      await stopAll();
      process.exit(code);
    });
  }
  process.once("exit", () => {
    for (const child of running) signalGroup(child, "SIGKILL");
  });
  watchLaunchers();
}

/** How often the command checks that the processes above it live, in ms. */
const LAUNCHER_CHECK_MS = 500;

/**
 * Stops everything when the command's parent or grandparent ends.
 * pnpm runs a script through `sh -c`, and when pnpm itself is stopped
 * (a kill of its pid, an editor's stop button) it does not pass the
 * signal on, so without this the step's server would outlive it.
 */
function watchLaunchers(): void {
  const launchers = [process.ppid, parentOf(process.ppid)].filter(
    (pid): pid is number => pid !== undefined && pid > 1,
  );
  const timer = setInterval(() => {
    if (launchers.every(isAlive)) return;
    clearInterval(timer);
    say("the command that started this one has ended: stopping");
    void stopAll().then(() => process.exit(129));
  }, LAUNCHER_CHECK_MS);
  timer.unref();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Returns the parent of `pid` from `ps`, or undefined where it fails. */
function parentOf(pid: number): number | undefined {
  try {
    const text = execFileSync(
      "ps",
      ["-o", "ppid=", "-p", String(pid)],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    const parent = Number(text.trim());
    return Number.isInteger(parent) ? parent : undefined;
  } catch {
    return undefined;
  }
}
