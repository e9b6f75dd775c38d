import { createServer } from "node:net";
import { describe, expect, test } from "vitest";
import { freePort } from "../lib/ports.ts";
import { parseArgs } from "../lib/step-args.ts";
import {
  isListening,
  processesWith,
  runScript,
  startScript,
} from "./helpers.ts";

const onLinux = process.platform === "linux";

describe("pnpm step 1", () => {
  test("serves one customer at real speed", async () => {
    const run = await runScript("step", ["1"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/customer 1 💳 paid/);
    expect(run.stdout).toMatch(/customer 1 ☕ espresso made/);
    expect(run.stdout).toMatch(/customer 1 🥛 milk steamed/);
    const took = /Took (\d+\.\d+)s to serve coffee to 1 customer/.exec(
      run.stdout,
    );
    expect(Number(took?.[1])).toBeGreaterThanOrEqual(5.9);
    expect(Number(took?.[1])).toBeLessThan(9);
  }, 20_000);
});

describe("pnpm step 5 --speed 50", () => {
  test("answers and leaves nothing behind", async () => {
    const run = await runScript("step", ["5", "--speed", "50"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /answer: 200 Took \S+ to serve coffee to 3/,
    );
    expect(run.stdout).toMatch(/customer 3 🥛 milk steamed/);
    expect(run.stdout).toMatch(
      /Time taken: \S+; ideal at speed 50: 40ms/,
    );
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(run.stdout)?.[1]);
    expect(await isListening(port)).toBe(false);
    if (onLinux) expect(processesWith(run.marker)).toEqual([]);
  }, 20_000);

  test("serves the customers asked for", async () => {
    const run = await runScript("step", [
      "4",
      "--speed",
      "50",
      "--customers",
      "12",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/to serve coffee to 12 customer\(s\)/);
  }, 20_000);
});

describe("COFFEE_LOG=quiet", () => {
  test.each([
    ["a program step", "1"],
    ["a server step", "5"],
  ])(
    "runs %s without its log",
    async (_what, step) => {
      const run = await runScript("step", [step, "--speed", "50"], {
        COFFEE_LOG: "quiet",
      });
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toMatch(/Time taken: \S+; ideal at speed 50/);
      expect(run.stdout).not.toMatch(/milk steamed|listening on/);
    },
    20_000,
  );
});

describe("--serve", () => {
  test("Ctrl-C stops the server", async () => {
    const port = await freePort();
    const command = startScript("step", [
      "2",
      "--serve",
      "--port",
      String(port),
      "--speed",
      "50",
    ]);
    await command.waitFor(/Ctrl-C stops it/);
    expect(await isListening(port)).toBe(true);
    process.kill(command.pid, "SIGINT");
    expect(await command.exited).toBe(130);
    expect(await isListening(port)).toBe(false);
    if (onLinux) expect(processesWith(command.marker)).toEqual([]);
  }, 20_000);

  test("a port in use is reported", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    const address = blocker.address();
    const port =
      typeof address === "object" && address ? address.port : 0;
    try {
      const run = await runScript("step", [
        "5",
        "--serve",
        "--port",
        String(port),
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`port ${port} is already in use`);
      expect(run.stdout).toContain(
        "exited with code 1 before it listened",
      );
      if (onLinux) expect(processesWith(run.marker)).toEqual([]);
    } finally {
      blocker.close();
    }
  }, 20_000);
});

describe("mistakes", () => {
  test.each([
    [["11"], 'unknown step "11": use a number from 1 to 10'],
    [["five"], 'unknown step "five"'],
    [["5", "--speed", "fast"], 'invalid speed "fast"'],
    [["5", "--speed", "0"], 'invalid speed "0"'],
    [["5", "--customers", "-3"], 'invalid --customers "-3"'],
    [["5", "--customers", "1.5"], 'invalid --customers "1.5"'],
    [["5", "--customers"], "--customers needs one value"],
    [["5", "--frobnicate"], "unknown option --frobnicate"],
    [["1", "--customers", "3"], "step 1 serves one customer"],
    [["1", "--serve"], "step 1 is a program, not a server"],
    [["5", "--port", "8081"], "--port goes with --serve"],
    [["5", "--serve", "--port", "70000"], 'invalid port "70000"'],
    [["4", "5"], "one step at a time"],
  ])("rejects %j", (args, message) => {
    expect(() => parseArgs(args)).toThrow(message);
  });

  test("a mistake exits 2 without a stack trace", async () => {
    const run = await runScript("step", ["5", "--speed", "fast"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid speed "fast"');
    expect(run.stderr).not.toMatch(/\bat \S+:\d+:\d+/);
  }, 20_000);

  test("no step lists them all", async () => {
    const run = await runScript("step", []);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^\s+\d+ {2}\S/gm)).toHaveLength(10);
  }, 20_000);

  test("--help shows the options", async () => {
    const run = await runScript("step", ["--help"]);
    expect(run.code).toBe(0);
    for (const option of [
      "--customers",
      "--speed",
      "--serve",
      "--port",
    ]) {
      expect(run.stdout).toContain(option);
    }
  }, 20_000);
});
