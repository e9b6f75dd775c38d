/**
 * Starts a TypeScript entry point as a real process for tests that
 * need one: a crash, a signal, a port left open. Each process runs in
 * its own process group, which `stopAllTestProcesses` kills. Test
 * code only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

/** The tsx loader, so that plain `node` runs TypeScript. */
const TSX = import.meta.resolve("tsx");

/** How long `waitForLine` waits before it fails, in ms. */
const LINE_TIMEOUT_MS = 20_000;

/** The exit code and signal of a process that ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A started process and everything it printed so far. */
export interface TestProcess {
  child: ChildProcess;
  /** The process id, which is also its process group's id. */
  pid: number;
  /** Every line printed on stdout and stderr, in order of arrival. */
  lines: string[];
  exited: Promise<Exit>;
  /** Resolves with the first match of `pattern` in a printed line. */
  waitForLine(pattern: RegExp): Promise<RegExpExecArray>;
}

const started = new Set<TestProcess>();

/** The folder, arguments, environment and flags of a test process. */
export interface TestProcessOptions {
  cwd: string;
  /** Arguments after the entry point. */
  args?: string[];
  /** Variables added to this process's environment. */
  env?: Record<string, string>;
  /**
   * Flags for node after the tsx loader, so an `--import` among them
   * may name a TypeScript file.
   */
  nodeFlags?: string[];
}

/** Starts `node --import tsx <flags> <entry> <args>` in its own group. */
export function startTestProcess(
  entry: string,
  options: TestProcessOptions,
): TestProcess {
  const args = [
    "--import",
    TSX,
    ...(options.nodeFlags ?? []),
    entry,
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const input of [child.stdout, child.stderr]) {
    createInterface({ input: input! }).on("line", (line) => {
      lines.push(line);
      for (const listener of listeners) listener(line);
    });
  }
  const exited = new Promise<Exit>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  const waitForLine = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = (line: string) => {
        const match = pattern.exec(line);
        if (match) finish(() => resolve(match));
      };
      const timer = setTimeout(
        () => finish(() => reject(lineMissing(pattern, lines))),
        LINE_TIMEOUT_MS,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      void exited.then(() =>
        finish(() => reject(lineMissing(pattern, lines))),
      );
      listeners.add(check);
      lines.forEach(check);
    });
  const test = { child, pid: child.pid!, lines, exited, waitForLine };
  started.add(test);
  return test;
}

function lineMissing(pattern: RegExp, lines: string[]): Error {
  return new Error(
    `no line matched ${pattern}; the process printed:\n${lines.join("\n")}`,
  );
}

/** Sends `signal` to the whole process group of `test`, if any is left. */
export function signalGroup(
  test: TestProcess,
  signal: NodeJS.Signals,
): void {
  try {
    process.kill(-test.pid, signal);
  } catch {
    // The group has no process left.
  }
}

/**
 * Kills every process group that a test started, for `afterEach`,
 * including processes that outlived their group's first process.
 */
export async function stopAllTestProcesses(): Promise<void> {
  const left = [...started];
  started.clear();
  for (const test of left) signalGroup(test, "SIGKILL");
  await Promise.all(left.map((test) => test.exited));
}
