import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { sleep } from "@coffee/shared";
import {
  startTestProcess,
  stopAllTestProcesses,
  type TestProcess,
} from "@coffee/shared/test-process";
import { afterEach, describe, expect, test, vi } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// Each test starts tsx twice (the command and its step) and waits for
// them to stop: seconds each on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const markers: string[] = [];

// A failing test may leave a step's server behind in its own group:
// kill whatever carries a marker, then the commands' groups.
afterEach(async () => {
  for (const marker of markers.splice(0)) {
    for (const pid of processesWith(marker))
      process.kill(pid, "SIGKILL");
  }
  await stopAllTestProcesses();
});

/** Returns a port that the system had free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) =>
    server.listen(0, "127.0.0.1", resolve),
  );
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/**
 * Returns the ids of processes whose environment holds `marker`: the
 * command and everything it started, whatever their process group.
 */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const environ = readFileSync(`/proc/${name}/environ`, "latin1");
      if (environ.includes(marker)) found.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts `pnpm step …` as `node --import tsx scripts/step.ts …`. */
function startStep(args: string[]) {
  const mark = randomUUID();
  const command = startTestProcess("scripts/step.ts", {
    cwd: ROOT,
    args,
    env: { COFFEE_TEST_MARK: mark, COFFEE_LOG: "summary" },
  });
  const marker = `COFFEE_TEST_MARK=${mark}`;
  markers.push(marker);
  return { command, marker };
}

/** Expects the command gone, with no process it started left over. */
async function expectNothingLeft(
  command: TestProcess,
  marker: string,
  port?: number,
): Promise<void> {
  const exit = await command.exited;
  expect(exit.code, command.lines.join("\n")).not.toBe(0);
  expect(processesWith(marker)).toEqual([]);
  if (port !== undefined) expect(await accepts(port)).toBe(false);
}

describe.each(["SIGINT", "SIGTERM"] as const)(
  "pnpm step on %s",
  (signal) => {
    test("stops a server kept up with --serve", async () => {
      const port = await freePort();
      const { command, marker } = startStep([
        "5",
        "--serve",
        "--port",
        String(port),
      ]);
      await command.waitForLine(/Ctrl-C stops it/);
      expect(await accepts(port)).toBe(true);
      process.kill(command.pid, signal);
      await expectNothingLeft(command, marker, port);
    });

    test("stops a server in the middle of a request", async () => {
      const { command, marker } = startStep(["2", "--speed", "1"]);
      const [, url] = await command.waitForLine(
        /listening on (http\S+)/,
      );
      await command.waitForLine(/GET \/serve-customer\/3/);
      process.kill(command.pid, signal);
      await expectNothingLeft(
        command,
        marker,
        Number(new URL(url!).port),
      );
    });

    test("stops a server that is still starting", async () => {
      const { command, marker } = startStep(["4"]);
      await command.waitForLine(/Step 4:/);
      process.kill(command.pid, signal);
      await expectNothingLeft(command, marker);
    });

    test("stops a program step while it runs", async () => {
      const { command, marker } = startStep(["1", "--speed", "1"]);
      await command.waitForLine(/Step 1:/);
      await sleep(500);
      process.kill(command.pid, signal);
      await expectNothingLeft(command, marker);
    });
  },
);

test("a second Ctrl-C still leaves nothing behind", async () => {
  const port = await freePort();
  const { command, marker } = startStep([
    "3",
    "--serve",
    "--port",
    String(port),
  ]);
  await command.waitForLine(/Ctrl-C stops it/);
  process.kill(command.pid, "SIGINT");
  process.kill(command.pid, "SIGINT");
  await expectNothingLeft(command, marker, port);
});
