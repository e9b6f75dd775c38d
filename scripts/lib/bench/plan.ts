/**
 * The runs of `pnpm bench`: which server, how many customers, at what
 * speed, with which logging and heap flags, and the targets that the
 * full set is held against.
 */
import path from "node:path";
import { ACTION_MS } from "@coffee/shared";
import { ROOT, stepDir, steps } from "../catalog.ts";
import { MAX_IN_FLIGHT } from "../../../bench/variants/bounded/src/coffee.ts";
import type { Target } from "./results.ts";
import type { RunSpec } from "./server-run.ts";

/** The variant of step 5 that keeps a bounded number in flight. */
export const BOUNDED_DIR = path.join(
  ROOT,
  "bench",
  "variants",
  "bounded",
);

/**
 * Heap sizes for the limit runs, in MiB: the `--max-old-space-size`
 * that steps 8 and 9 set in their manifests for memory limits of 96Mi
 * and 3092M: three quarters of the limit, but at least 64 MiB below
 * it. Change them here with the manifests.
 */
export const HEAP_SIZES_MIB = { step8: 32, step9: 2211 } as const;

/** The maximum time of a run near a memory limit, in ms. */
const HEAVY_RUN_TIMEOUT_MS = 180_000;

/** The maximum time of the bounded variant's run, in ms. */
const BOUNDED_TIMEOUT_MS = 300_000;

/** Actions one customer has in flight at once, per server. */
const ACTIONS_AT_ONCE: Record<string, number> = {
  "step-02": 1,
  "step-04": 1,
  // Step 5 and the bounded variant run a customer's three at once.
  "step-05": 3,
  bounded: 3,
};

interface RunOptions {
  log?: string;
  nodeFlags?: string[];
  suffix?: string;
  timeoutMs?: number;
}

function stepRun(
  number: number,
  customers: number,
  speed: number,
  {
    log = "auto",
    nodeFlags = [],
    suffix = "",
    timeoutMs,
  }: RunOptions = {},
): RunSpec {
  const step = steps[number - 1]!;
  const target = `step-0${number}`;
  return {
    id: `${target}-${customers}${suffix}`,
    target,
    dir: stepDir(step),
    customers,
    speed,
    log,
    nodeFlags,
    actionsAtOnce: ACTIONS_AT_ONCE[target]!,
    idealMs: (step.actionTimes(customers) * ACTION_MS) / speed,
    timeoutMs,
  };
}

function boundedRun(
  customers: number,
  speed: number,
  limit: number,
  heapMiB: number,
): RunSpec {
  return {
    id: `bounded-${customers}`,
    target: "bounded",
    dir: BOUNDED_DIR,
    customers,
    speed,
    log: "auto",
    nodeFlags: [`--max-old-space-size=${heapMiB}`],
    actionsAtOnce: ACTIONS_AT_ONCE.bounded!,
    idealMs: (Math.ceil(customers / limit) * ACTION_MS) / speed,
    timeoutMs: BOUNDED_TIMEOUT_MS,
  };
}

/** Returns every run of the full benchmark, at real speed. */
export function fullPlan(): RunSpec[] {
  const heap = (mib: number) => ({
    nodeFlags: [`--max-old-space-size=${mib}`],
    suffix: `-heap-${mib}`,
    timeoutMs: HEAVY_RUN_TIMEOUT_MS,
  });
  return [
    ...[1, 3, 10].map((n) => stepRun(2, n, 1)),
    ...[3, 300, 30_000, 300_000].map((n) => stepRun(4, n, 1)),
    ...[3, 300, 3_000, 30_000, 100_000, 300_000, 1_000_000].map((n) =>
      stepRun(5, n, 1),
    ),
    // A larger young generation: does tuning the GC change the time?
    stepRun(5, 300_000, 1, {
      nodeFlags: ["--max-semi-space-size=64"],
      suffix: "-semi-space-64",
    }),
    ...["actions", "summary", "quiet"].map((log) =>
      stepRun(5, 30_000, 1, { log, suffix: `-log-${log}` }),
    ),
    boundedRun(3_000_000, 1, MAX_IN_FLIGHT, 1024),
    // Filling the default heap of about 4 GiB takes minutes here.
    stepRun(5, 3_000_000, 1, {
      suffix: "-default-heap",
      timeoutMs: 420_000,
    }),
    ...[3_000, 30_000].map((n) =>
      stepRun(5, n, 1, heap(HEAP_SIZES_MIB.step8)),
    ),
    ...[300_000, 1_000_000].map((n) =>
      stepRun(5, n, 1, heap(HEAP_SIZES_MIB.step9)),
    ),
  ];
}

/** Returns a short set at speed 10 with small counts. */
export function quickPlan(): RunSpec[] {
  return [
    stepRun(2, 3, 10),
    stepRun(4, 300, 10),
    stepRun(5, 3_000, 10),
    stepRun(5, 30_000, 10),
    boundedRun(30_000, 10, MAX_IN_FLIGHT, 1024),
  ];
}

/** The targets of the full set, on a 2-core machine at real speed. */
export const TARGETS: Target[] = [
  {
    name: "step 5 serves 30,000 in at most 1.15 × the ideal 2 s",
    run: "step-05-30000",
    metric: "ratio",
    limit: 1.15,
  },
  {
    name: "step 5 serves 300,000 in at most 2 × the ideal",
    run: "step-05-300000",
    metric: "ratio",
    limit: 2,
  },
  {
    name: "memory per in-flight customer at 300,000 is at most 3 KB",
    run: "step-05-300000",
    metric: "rssPerCustomer",
    limit: 3_000,
  },
  {
    name: "the bounded variant serves 3,000,000 in a 1 GiB heap in 60 s",
    run: "bounded-3000000",
    metric: "tookMs",
    limit: 60_000,
  },
];
