/**
 * `pnpm bench`: runs the server steps at growing customer counts,
 * measures each run inside its server process, and writes the results
 * as JSON and as docs/benchmarks.md with charts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { formatMs } from "@coffee/shared";
import { minimist } from "zx";
import { EXPERIMENTS, runExperiment } from "./lib/bench/experiments.ts";
import { fullPlan, quickPlan, TARGETS } from "./lib/bench/plan.ts";
import { progressFor } from "./lib/bench/progress.ts";
import { writeReport } from "./lib/bench/report.ts";
import {
  checkTargets,
  RESULTS_SCHEMA,
  type Results,
  type RunResult,
} from "./lib/bench/results.ts";
import { runOnce, type RunSpec } from "./lib/bench/server-run.ts";
import { ROOT } from "./lib/catalog.ts";
import { stopChildrenOnExit } from "./lib/children.ts";
import { colours, runCommand, say, UsageError } from "./lib/cli.ts";

const HELP = `Usage: pnpm bench [--quick] [--only TEXT]

Runs the server steps at growing customer counts, one fresh server
process per run, and records per run: the time taken, the ideal time
and their ratio, peak memory, memory per in-flight customer and
event-loop delay.

Options:
  --quick      a short set at speed 10 that takes seconds; writes
               .coffee/bench-quick.json and leaves docs/ alone
  --only TEXT  only the runs whose id contains TEXT, such as step-05
  --help       show this help

The full set runs at real speed (2 s actions) for about 10 minutes and
writes docs/benchmarks.json, docs/benchmarks.md and docs/benchmarks/.`;

/** Returns a run's outcome in one line for the progress output. */
function summarise(run: RunResult): string {
  if (run.status === "failed") {
    return colours.red(`failed: ${run.error?.split("\n")[0]}`);
  }
  const ratio =
    run.ratio === null ? "" : ` (${run.ratio.toFixed(2)} × ideal)`;
  const perCustomer =
    run.rssPerCustomer === null
      ? ""
      : `, ${Math.round(run.rssPerCustomer)} B RSS per customer`;
  return `${formatMs(run.tookMs)}${ratio}${perCustomer}`;
}

function parse(argv: string[]) {
  const args = minimist(argv, {
    boolean: ["quick", "help"],
    string: ["only"],
    unknown: (arg) => {
      throw new UsageError(
        `unknown argument ${arg}: see pnpm bench --help`,
      );
    },
  });
  if (args.only === "" || Array.isArray(args.only)) {
    throw new UsageError(
      "--only needs one value, part of a run's name: such as " +
        "pnpm bench --only step-05",
    );
  }
  return {
    quick: Boolean(args.quick),
    help: Boolean(args.help),
    only: args.only as string | undefined,
  };
}

async function runPlan(plan: RunSpec[]): Promise<RunResult[]> {
  const progress = progressFor(plan.length);
  const runs: RunResult[] = [];
  try {
    for (const spec of plan) {
      progress.start(spec.id);
      const run = await runOnce(spec);
      runs.push(run);
      progress.done(spec.id, summarise(run));
    }
  } finally {
    progress.stop();
  }
  return runs;
}

async function experiments(): Promise<Record<string, unknown>> {
  const found: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(EXPERIMENTS)) {
    say(`experiment ${key} (${file})`);
    found[key] = await runExperiment(file);
  }
  return found;
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  stopChildrenOnExit();
  const plan = (options.quick ? quickPlan() : fullPlan()).filter(
    (spec) => !options.only || spec.id.includes(options.only),
  );
  if (plan.length === 0) {
    throw new UsageError(
      `no run matches --only "${options.only}": try --only step-05`,
    );
  }
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0]!;
  const runs = await runPlan(plan);
  const results: Results = {
    schema: RESULTS_SCHEMA,
    command: ["pnpm bench", ...process.argv.slice(2)].join(" "),
    startedAt,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryBytes: totalmem(),
      platform: `${process.platform} ${process.arch}`,
      loadAverage: { start: loadAtStart, end: loadavg()[0]! },
    },
    node: process.version,
    runs,
    targets:
      options.quick || options.only ? [] : checkTargets(runs, TARGETS),
    experiments:
      options.quick || options.only ? {} : await experiments(),
  };
  write(results, options.quick || Boolean(options.only));
  return runs.every((run) => run.status === "ok" || !options.quick)
    ? 0
    : 1;
}

function write(results: Results, partial: boolean): void {
  if (partial) {
    const dir = path.join(ROOT, ".coffee");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "bench-quick.json");
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    say(`wrote ${path.relative(ROOT, file)}`);
    return;
  }
  for (const file of writeReport(results, path.join(ROOT, "docs"))) {
    say(`wrote ${path.relative(ROOT, file)}`);
  }
}

await runCommand(main);
