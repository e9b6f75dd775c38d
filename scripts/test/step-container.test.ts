import { describe, expect, test } from "vitest";
import { parseArgs } from "../lib/step-args.ts";
import { processesWith, runScript } from "./helpers.ts";

const onLinux = process.platform === "linux";

describe("pnpm step 8 --speed 100", () => {
  test("prints the table up to the crash", async () => {
    const run = await runScript("step", ["8", "--speed", "100"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/a local stand-in for a Kubernetes/);
    expect(run.stdout).toMatch(/ 3000 → \S+, waited/);
    expect(run.stdout).toMatch(/30000 → out of memory, restarted/);
    expect(run.stdout).toMatch(/› restarts: 1/);
    if (onLinux) expect(processesWith(run.marker)).toEqual([]);
  }, 90_000);
});

describe("pnpm step 10 --speed 100", () => {
  test("names the pod of each answer", async () => {
    const run = await runScript("step", ["10", "--speed", "100"]);
    expect(run.code).toBe(0);
    const pods = [...run.stdout.matchAll(/waited \S+ {2}\((\S+)\)/g)];
    expect(pods).toHaveLength(2);
    expect(pods[0]?.[1]).not.toBe(pods[1]?.[1]);
    if (onLinux) expect(processesWith(run.marker)).toEqual([]);
  }, 90_000);
});

describe("container options", () => {
  test("--kube is rejected before step 6", () => {
    expect(() => parseArgs(["5", "--kube"])).toThrow(
      /work from step 6 on, not step 5/,
    );
  });

  test("--docker is rejected before step 6", () => {
    expect(() => parseArgs(["3", "--docker"])).toThrow(
      /work from step 6 on, not step 3/,
    );
  });

  test("--kube is read for step 8", () => {
    const options = parseArgs(["8", "--kube"]);
    expect(options).toMatchObject({ kube: true, docker: false });
  });

  test("--customers replaces the lesson", () => {
    const options = parseArgs(["8", "--customers", "30"]);
    expect(options).toMatchObject({
      customersSet: true,
      customers: 30,
    });
  });

  test("--kube on step 6 names the steps it works on", async () => {
    const run = await runScript("step", ["6", "--kube"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--kube works from step 7 on/);
  }, 30_000);
});
