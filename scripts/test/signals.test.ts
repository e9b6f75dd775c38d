import { sleep } from "@coffee/shared";
import { freePort } from "../lib/ports.ts";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  isListening,
  processesWith,
  startScript,
  type Command,
} from "./helpers.ts";

// Each test starts tsx twice (the command and its step) and waits for
// them to stop: seconds each on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const markers: string[] = [];

// A failing test may leave a step's server behind in its own process
// group: kill whatever carries a test's marker.
afterEach(() => {
  for (const marker of markers.splice(0)) {
    for (const pid of processesWith(marker))
      process.kill(pid, "SIGKILL");
  }
});

function startStep(args: string[]): Command {
  const command = startScript("step", args, { COFFEE_LOG: "summary" });
  markers.push(command.marker);
  return command;
}

/** Expects the command gone, with no process it started left over. */
async function expectNothingLeft(
  command: Command,
  port?: number,
): Promise<void> {
  const code = await command.exited;
  expect(code, command.output.stdout).not.toBe(0);
  expect(processesWith(command.marker)).toEqual([]);
  if (port !== undefined) expect(await isListening(port)).toBe(false);
}

describe.each(["SIGINT", "SIGTERM"] as const)(
  "pnpm step on %s",
  (signal) => {
    test.each([
      ["a server kept up with --serve", "5"],
      ["the stand-in's replicas", "10"],
    ])("stops %s", async (_what, step) => {
      const port = await freePort();
      const command = startStep([step, "--serve", "--port", `${port}`]);
      await command.waitFor(/Ctrl-C stops it/);
      expect(await isListening(port)).toBe(true);
      process.kill(command.pid, signal);
      await expectNothingLeft(command, port);
    });

    test("stops a server in the middle of a request", async () => {
      const command = startStep(["2", "--speed", "1"]);
      const [, url] = await command.waitFor(/listening on (http\S+)/);
      await command.waitFor(/GET \/serve-customer\/3/);
      process.kill(command.pid, signal);
      await expectNothingLeft(command, Number(new URL(url!).port));
    });

    test("stops a server that is still starting", async () => {
      const command = startStep(["4"]);
      await command.waitFor(/Step 4:/);
      process.kill(command.pid, signal);
      await expectNothingLeft(command);
    });

    test("stops a program step while it runs", async () => {
      const command = startStep(["1", "--speed", "1"]);
      await command.waitFor(/Step 1:/);
      await sleep(500);
      process.kill(command.pid, signal);
      await expectNothingLeft(command);
    });
  },
);

test("a second Ctrl-C still leaves nothing behind", async () => {
  const port = await freePort();
  const command = startStep(["3", "--serve", "--port", String(port)]);
  await command.waitFor(/Ctrl-C stops it/);
  process.kill(command.pid, "SIGINT");
  process.kill(command.pid, "SIGINT");
  await expectNothingLeft(command, port);
});

describe.each(["SIGINT", "SIGTERM"] as const)(
  "other commands on %s",
  (signal) => {
    test.each([
      [
        "pnpm load of a step",
        "load",
        ["5", "--duration", "30"],
        /GET http/,
      ],
      [
        "pnpm load of the stand-in",
        "load",
        ["10", "--duration", "30"],
        /GET http/,
      ],
      ["pnpm bench", "bench", ["--quick"], /run 1\/\d+:/],
      ["pnpm tour", "tour", ["--yes", "--speed", "10"], /Step 2 of/],
    ])("%s leaves nothing", async (_what, script, args, started) => {
      const command = startScript(script, args, {
        COFFEE_LOG: "summary",
      });
      markers.push(command.marker);
      await command.waitFor(started);
      process.kill(command.pid, signal);
      await expectNothingLeft(command);
    });
  },
);
