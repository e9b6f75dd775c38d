/**
 * Runs learner commands as child processes, as a learner would, and
 * finds any process they left behind.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { ROOT } from "../lib/catalog.ts";

const TSX = import.meta.resolve("tsx");

/** A command that is running; `output` grows as it prints. */
export interface Command {
  pid: number;
  /** The environment marker that every process it starts inherits. */
  marker: string;
  output: { stdout: string; stderr: string };
  exited: Promise<number>;
  /** Resolves with the first match of `pattern` in stdout. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
}

/** Starts `scripts/<script>.ts` with `args`, as `pnpm <script>` does. */
export function startScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Command {
  const marker = randomUUID();
  const child = spawn(
    process.execPath,
    [
      "--import",
      TSX,
      path.join(ROOT, "scripts", `${script}.ts`),
      ...args,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NO_COLOR: "1",
        COFFEE_TEST_RUN: marker,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output = { stdout: "", stderr: "" };
  const watchers: (() => void)[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    output.stdout += chunk.toString();
    watchers.forEach((check) => check());
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const exited = new Promise<number>((resolve) =>
    child.once("close", (code, signal) =>
      resolve(code ?? (signal === "SIGINT" ? 130 : 1)),
    ),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output.stdout);
        if (match) resolve(match);
      };
      watchers.push(check);
      check();
      void exited.then(() =>
        reject(new Error(`exited before printing ${pattern}`)),
      );
    });
  return { pid: child.pid!, marker, output, exited, waitFor };
}

/** Runs a script to its end; resolves with its exit code and output. */
export async function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
) {
  const command = startScript(script, args, env);
  const code = await command.exited;
  return { code, ...command.output, marker: command.marker };
}

/** Returns the pids of live processes whose environment has `marker`. */
export function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, "latin1");
      if (environ.includes(`COFFEE_TEST_RUN=${marker}`)) {
        found.push(Number(entry));
      }
    } catch {
      // The process ended, or is not ours to read.
    }
  }
  return found;
}

/** Resolves with whether something accepts connections on the port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
