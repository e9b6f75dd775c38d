import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Ajv } from "ajv";
import { afterAll, describe, expect, test } from "vitest";
import { quickPlan } from "../lib/bench/plan.ts";
import {
  experimentLines,
  loggingTable,
  reportMarkdown,
} from "../lib/bench/report.ts";
import {
  checkTargets,
  perCustomer,
  ratioOf,
  RESULTS_SCHEMA,
  type Results,
  type RunResult,
} from "../lib/bench/results.ts";
import { runOnce, type RunSpec } from "../lib/bench/server-run.ts";
import { ROOT } from "../lib/catalog.ts";

const schema = JSON.parse(
  readFileSync(
    path.join(ROOT, "docs", "benchmarks.schema.json"),
    "utf8",
  ),
);
const validate = new Ajv({ allErrors: true }).compile(schema);

const step5 = quickPlan().find((spec) => spec.target === "step-05")!;
const fast: RunSpec = {
  ...step5,
  id: "step-05-30",
  customers: 30,
  speed: 100,
  idealMs: 20,
};

function resultsOf(runs: RunResult[]): Results {
  return {
    schema: RESULTS_SCHEMA,
    command: "pnpm bench --quick",
    startedAt: new Date().toISOString(),
    machine: {
      cpus: 2,
      cpuModel: "test",
      memoryBytes: 1,
      platform: "linux x64",
    },
    node: process.version,
    runs,
    targets: [],
    experiments: {},
  };
}

describe("arithmetic", () => {
  test("ratio is time over ideal", () => {
    expect(ratioOf(2300, 2000)).toBeCloseTo(1.15);
    expect(ratioOf(5, 0)).toBeNull();
  });

  test("per customer divides the growth", () => {
    expect(perCustomer(1_300_000, 100_000, 400)).toBe(3000);
    expect(perCustomer(90, 100, 10)).toBe(0);
    expect(perCustomer(200, 100, 0)).toBeNull();
  });
});

describe("targets", () => {
  const run = (id: string, ratio: number, status: "ok" | "failed") =>
    ({ id, ratio, status }) as RunResult;
  const target = {
    name: "t",
    run: "a",
    metric: "ratio" as const,
    limit: 1.15,
  };

  test("met at or below the limit", () => {
    const [result] = checkTargets([run("a", 1.15, "ok")], [target]);
    expect(result!.met).toBe(true);
    expect(result!.value).toBe(1.15);
  });

  test("missed above the limit", () => {
    const [result] = checkTargets([run("a", 1.2, "ok")], [target]);
    expect(result!.met).toBe(false);
  });

  test("missed when the run failed or is missing", () => {
    const [failed] = checkTargets([run("a", 1, "failed")], [target]);
    const [missing] = checkTargets([], [target]);
    expect(failed!.met).toBe(false);
    expect(missing!.met).toBe(false);
    expect(missing!.value).toBeNull();
  });
});

describe("server runs", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "coffee-bench-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("measures step 5 inside its process", async () => {
    const run = await runOnce(fast);
    expect(run.status, run.error).toBe("ok");
    expect(run.customersInFlight).toBe(30);
    expect(run.ratio).toBeGreaterThanOrEqual(0.9);
    expect(run.peakRss).toBeGreaterThan(0);
    expect(run.rssPerCustomer).not.toBeNull();
    expect(run.eventLoopDelay).not.toBeNull();
    expect(
      validate(resultsOf([run])),
      JSON.stringify(validate.errors),
    ).toBe(true);
  }, 60_000);

  test("reports a server that exits", async () => {
    mkdirSync(path.join(dir, "src"));
    writeFileSync(
      path.join(dir, "src", "main.ts"),
      'console.error("boom: cannot start"); process.exit(3);\n',
    );
    const run = await runOnce({ ...fast, id: "broken", dir });
    expect(run.status).toBe("failed");
    expect(run.error).toContain("the server did not start");
    expect(run.error).toContain("boom: cannot start");
    expect(validate(resultsOf([run]))).toBe(true);
    const { error: _error, ...withoutError } = run;
    expect(validate(resultsOf([withoutError]))).toBe(false);
  }, 60_000);
});

describe("schema", () => {
  test("rejects a run without its time", () => {
    const run = { id: "x", target: "step-05", status: "ok" };
    expect(validate(resultsOf([run as RunResult]))).toBe(false);
  });
});

describe("report", () => {
  const ok = (id: string, log: string, tookMs: number): RunResult => ({
    id,
    target: "step-05",
    customers: 30_000,
    speed: 1,
    log,
    nodeFlags: [],
    status: "ok",
    idealMs: 2000,
    tookMs,
    ratio: ratioOf(tookMs, 2000),
    baselineRss: 50e6,
    peakRss: 120e6,
    peakHeapUsed: 80e6,
    heapLimit: 4e9,
    customersInFlight: 30_000,
    rssPerCustomer: perCustomer(120e6, 50e6, 30_000),
    heapPerCustomer: 2000,
    eventLoopDelay: { mean: 1, p50: 1, p99: 5, max: 9 },
    gcMs: 100,
    cpuMs: 400,
  });

  test("logging table compares with quiet", () => {
    const results = resultsOf([
      ok("step-05-30000", "auto", 2200),
      ok("step-05-30000-log-quiet", "quiet", 2100),
    ]);
    const table = loggingTable(results);
    expect(table).toHaveLength(4);
    expect(table[2]).toBe("| auto | 2.2s | 1.100 | 100ms | 400 ms |");
  });

  test("page states targets and failed runs", () => {
    const failed: RunResult = {
      ...ok("step-05-3000000", "auto", 1000),
      status: "failed",
      error: "the server exited with code 134\nFATAL ERROR: heap",
    };
    const results = resultsOf([
      ok("step-05-30000", "auto", 2200),
      failed,
    ]);
    results.targets = checkTargets(results.runs, [
      {
        name: "fast",
        run: "step-05-30000",
        metric: "ratio",
        limit: 1.15,
      },
    ]);
    const page = reportMarkdown(results);
    expect(page).toContain(
      "| fast | step-05-30000 | 1.100 × | 1.15 × | yes | – |",
    );
    expect(page).toContain("FATAL ERROR: heap");
    expect(page).toContain("Node.js " + process.version);
  });

  test("experiments state the worker ratio", () => {
    const results = resultsOf([]);
    results.experiments = {
      promiseAll: { "2097151": "rejected: RangeError: Too many" },
      workerThreads: {
        customers: 8,
        threads: 2,
        oneThreadMs: 2000,
        workersMs: 1000,
        speedup: 2,
      },
    };
    const lines = experimentLines(results);
    expect(lines).toContain(
      "- 2097151 promises: rejected: RangeError: Too many",
    );
    expect(lines.join("\n")).toContain(
      "2.00 × as fast on this 2-core machine",
    );
  });
});
