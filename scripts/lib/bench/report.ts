/**
 * Writes the results of a full benchmark: docs/benchmarks.json, the
 * charts under docs/benchmarks/, and docs/benchmarks.md with tables,
 * the charts and the notes in bench/notes.md.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { formatMs } from "@coffee/shared";
import { ROOT } from "../catalog.ts";
import { lineChart, type Series } from "./charts.ts";
import type { Results, RunResult } from "./results.ts";

const NOTES = path.join(ROOT, "bench", "notes.md");

const COLOURS: Record<string, string> = {
  "step-02": "#888888",
  "step-04": "#d9a400",
  "step-05": "#1f9bb0",
  bounded: "#b4369c",
};

const kib = (bytes: number | null) =>
  bytes === null ? "–" : `${(bytes / 1024).toFixed(2)} KiB`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const count = (n: number) => n.toLocaleString("en-US");
const ms = (value: number | null) =>
  value === null
    ? "–"
    : `${Math.round(value).toLocaleString("en-US")} ms`;

/** Returns the runs of one scaling curve: default logging and heap. */
export function curveRuns(
  results: Results,
  target: string,
): RunResult[] {
  return results.runs.filter(
    (run) =>
      run.target === target &&
      run.id === `${target}-${run.customers}` &&
      run.status === "ok",
  );
}

function runRow(run: RunResult): string {
  if (run.status === "failed") {
    const reason = run.error?.split("\n")[0] ?? "failed";
    return `| ${run.id} | ${count(run.customers)} | failed: ${reason} |||||||||`;
  }
  const delay = run.eventLoopDelay;
  return [
    "",
    run.id,
    count(run.customers),
    formatMs(run.tookMs),
    formatMs(run.idealMs),
    run.ratio === null ? "–" : run.ratio.toFixed(3),
    mib(run.peakRss),
    kib(run.rssPerCustomer),
    kib(run.heapPerCustomer),
    ms(run.gcMs),
    ms(run.cpuMs),
    delay
      ? `${delay.p99.toFixed(0)} / ${delay.max.toFixed(0)} ms`
      : "–",
    "",
  ]
    .join(" | ")
    .trim();
}

const RUN_HEADER = [
  "| run | customers | time taken | ideal | ratio | peak RSS | RSS per in-flight customer | heap per in-flight customer | GC pauses | CPU | event-loop delay p99 / max |",
  "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
];

function runTable(runs: readonly RunResult[]): string[] {
  return [...RUN_HEADER, ...runs.map(runRow)];
}

function targetValue(metric: string, value: number | null): string {
  if (value === null) return "–";
  if (metric === "tookMs") return formatMs(value);
  if (metric === "ratio") return `${value.toFixed(3)} ×`;
  return `${Math.round(value)} B`;
}

function targetTable(results: Results, previous?: Results): string[] {
  if (results.targets.length === 0) {
    return [
      "No target is checked in a partial run (--quick or --only).",
    ];
  }
  const before = (name: string) => {
    const target = previous?.targets.find((t) => t.name === name);
    return target ? targetValue(target.metric, target.value) : "–";
  };
  return [
    "| target | run | measured | limit | met | the run before |",
    "|---|---|--:|--:|---|--:|",
    ...results.targets.map((t) => {
      const value = targetValue(t.metric, t.value);
      const limit =
        t.metric === "ratio"
          ? `${t.limit} ×`
          : targetValue(t.metric, t.limit);
      const met = t.met ? "yes" : "**no**";
      return `| ${t.name} | ${t.run} | ${value} | ${limit} | ${met} | ${before(t.name)} |`;
    }),
  ];
}

/** Returns the logging table: step 5 at 30,000 under each COFFEE_LOG. */
export function loggingTable(results: Results): string[] {
  const runs = results.runs.filter(
    (run) =>
      run.target === "step-05" &&
      run.customers === 30_000 &&
      run.nodeFlags.length === 0 &&
      run.status === "ok",
  );
  const quiet = runs.find((run) => run.log === "quiet");
  if (runs.length === 0) return [];
  return [
    "| COFFEE_LOG | time taken | ratio | more than quiet | CPU |",
    "|---|--:|--:|--:|--:|",
    ...runs.map((run) => {
      const extra = quiet ? formatMs(run.tookMs - quiet.tookMs) : "–";
      const ratio = run.ratio === null ? "–" : run.ratio.toFixed(3);
      return `| ${run.log} | ${formatMs(run.tookMs)} | ${ratio} | ${extra} | ${ms(run.cpuMs)} |`;
    }),
  ];
}

function charts(results: Results, dir: string): string[] {
  const targets = ["step-04", "step-05"];
  const series = (pick: (run: RunResult) => number | null): Series[] =>
    targets.map((target) => ({
      name: target,
      colour: COLOURS[target]!,
      points: curveRuns(results, target)
        .filter((run) => pick(run) !== null)
        .map((run) => [run.customers, pick(run)!] as [number, number]),
    }));
  const pictures = {
    "ratio.svg": lineChart({
      title: "Time taken over the ideal time",
      yLabel: "time taken / ideal",
      series: series((run) => run.ratio),
      mark: { y: 1, label: "ideal" },
    }),
    "memory-per-customer.svg": lineChart({
      title: "RSS per in-flight customer",
      yLabel: "bytes",
      series: series((run) => run.rssPerCustomer),
      mark: { y: 3000, label: "target: 3 KB" },
    }),
    "peak-rss.svg": lineChart({
      title: "Peak RSS of the server process",
      yLabel: "MiB",
      series: series((run) => run.peakRss / 2 ** 20),
    }),
  };
  mkdirSync(dir, { recursive: true });
  return Object.entries(pictures).map(([name, svg]) => {
    const file = path.join(dir, name);
    writeFileSync(file, svg);
    return file;
  });
}

function failures(results: Results): string[] {
  return results.runs
    .filter((run) => run.status === "failed")
    .flatMap((run) => [
      `### ${run.id}`,
      "",
      `${count(run.customers)} customers, node flags: ` +
        `${run.nodeFlags.join(" ") || "none (default heap)"}; ` +
        `failed after ${formatMs(run.tookMs)}:`,
      "",
      "```text",
      run.error ?? "",
      "```",
      "",
    ]);
}

function speedText(results: Results): string {
  const speeds = [...new Set(results.runs.map((run) => run.speed))];
  if (speeds.length === 1 && speeds[0] === 1) {
    return "at real speed (speed 1: every action waits 2 s, as in the talk)";
  }
  return `at speed ${speeds.join(", ")} (an action waits 2 s / speed)`;
}

interface WorkerResult {
  customers: number;
  threads: number;
  oneThreadMs: number;
  workersMs: number;
  speedup: number;
}

/** Returns the paragraphs on Promise.all's limit and worker threads. */
export function experimentLines(results: Results): string[] {
  const lines: string[] = [];
  const outcomes = results.experiments.promiseAll as
    Record<string, string> | undefined;
  if (outcomes) {
    lines.push(
      "`Promise.all` over pending promises that never settle, from " +
        "`bench/experiments/promise-all.ts`:",
      "",
      ...Object.entries(outcomes).map(
        ([count, outcome]) => `- ${count} promises: ${outcome}`,
      ),
      "",
    );
  }
  const workers = results.experiments.workerThreads as
    WorkerResult | undefined;
  if (workers) {
    lines.push(
      `Grinding beans (a CPU-bound loop, \`bench/experiments/grind.ts\`) ` +
        `for ${workers.customers} customers took ` +
        `${formatMs(workers.oneThreadMs)} on one thread with ` +
        `\`Promise.all\`, and ${formatMs(workers.workersMs)} on ` +
        `${workers.threads} worker threads (tinypool): ` +
        `${workers.speedup.toFixed(2)} × as fast on this ` +
        `${results.machine.cpus}-core machine.`,
      "",
    );
  }
  return lines;
}

function loadText(results: Results): string {
  const load = results.machine.loadAverage;
  if (!load) return "";
  return (
    `; 1-minute load average ${load.start.toFixed(1)} at the start ` +
    `and ${load.end.toFixed(1)} at the end`
  );
}

function header(results: Results): string[] {
  const { machine } = results;
  return [
    "# Benchmarks",
    "",
    `Measured with \`${results.command}\` on ${results.startedAt.slice(0, 16).replace("T", " ")} UTC, ` +
      `on a ${machine.cpus}-core shared VM (${machine.cpuModel}, ` +
      `${mib(machine.memoryBytes)} of memory, ${machine.platform}` +
      loadText(results) +
      "), " +
      `Node.js ${results.node}, ${speedText(results)}. ` +
      "Other sessions ran on the same VM, so times vary between runs; " +
      "the load average tells how busy it was. The raw results are " +
      "in [benchmarks.json](benchmarks.json); `pnpm bench` writes " +
      "this page again.",
    "",
  ];
}

/**
 * Returns the markdown page for `results`; `previous`, the run before
 * it, adds its target values for comparison.
 */
export function reportMarkdown(
  results: Results,
  previous?: Results,
): string {
  const byTarget = (target: string) =>
    results.runs.filter((run) => run.target === target);
  const notes = existsSync(NOTES) ? readFileSync(NOTES, "utf8") : "";
  return [
    ...header(results),
    "## Targets",
    "",
    ...targetTable(results, previous),
    "",
    "## Runs",
    "",
    ...["step-02", "step-04", "step-05", "bounded"].flatMap(
      (target) => [
        `### ${target}`,
        "",
        ...runTable(byTarget(target)),
        "",
      ],
    ),
    "![Time taken over the ideal time](benchmarks/ratio.svg)",
    "",
    "![RSS per in-flight customer](benchmarks/memory-per-customer.svg)",
    "",
    "![Peak RSS](benchmarks/peak-rss.svg)",
    "",
    "## What logging costs",
    "",
    "Step 5 at 30,000 customers, once per `COFFEE_LOG` value. `auto` " +
      "(the default) prints the actions of customers 1 to 10 only; " +
      "`actions` prints all 90,000 lines to a pipe that the bench " +
      "reads and drops (a terminal is slower still).",
    "",
    ...loggingTable(results),
    "",
    "## Runs that failed",
    "",
    ...failures(results),
    "## Experiments",
    "",
    ...experimentLines(results),
    "The raw experiment results:",
    "",
    "```json",
    JSON.stringify(results.experiments, null, 2),
    "```",
    "",
    notes,
  ].join("\n");
}

/** Writes the JSON, the charts and the page into `docs`. */
export function writeReport(results: Results, docs: string): string[] {
  mkdirSync(docs, { recursive: true });
  const json = path.join(docs, "benchmarks.json");
  const previous = existsSync(json)
    ? (JSON.parse(readFileSync(json, "utf8")) as Results)
    : undefined;
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  const pictures = charts(results, path.join(docs, "benchmarks"));
  const page = path.join(docs, "benchmarks.md");
  writeFileSync(page, reportMarkdown(results, previous));
  return [json, ...pictures, page];
}
