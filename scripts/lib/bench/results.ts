/**
 * The results of `pnpm bench`: one record per run, the arithmetic
 * that turns measurements into ratios, and the targets they are held
 * against. docs/benchmarks.schema.json describes the same shape.
 */
import type { ProcessStats } from "@coffee/shared";

/** The schema version written into every results file. */
export const RESULTS_SCHEMA = 1;

/** The measurements of one run, with sizes in bytes and times in ms. */
export interface RunResult {
  id: string;
  /** The server that ran: `step-05`, or a variant such as `bounded`. */
  target: string;
  customers: number;
  speed: number;
  /** `COFFEE_LOG` of the server process. */
  log: string;
  nodeFlags: string[];
  /** `ok`, or `failed` with the reason in `error`. */
  status: "ok" | "failed";
  error?: string | undefined;
  /** The server's exit code when it ended by itself during the run. */
  exitCode?: number | undefined;
  idealMs: number;
  tookMs: number;
  /** tookMs / idealMs, or null when the ideal is 0. */
  ratio: number | null;
  baselineRss: number;
  peakRss: number;
  peakHeapUsed: number;
  heapLimit: number;
  /** The maximum customers that had an action in flight at once. */
  customersInFlight: number;
  /** (peakRss - baselineRss) / customersInFlight, or null. */
  rssPerCustomer: number | null;
  /** (peakHeapUsed - baseline heapUsed) / customersInFlight, or null. */
  heapPerCustomer: number | null;
  eventLoopDelay: ProcessStats["eventLoopDelay"] | null;
  /** Garbage collection in the server during the request, in ms. */
  gcMs: number | null;
  /** CPU time of the server during the request, in ms. */
  cpuMs: number | null;
}

/** A benchmark target and the measured value of its run. */
export interface TargetResult {
  name: string;
  run: string;
  metric: keyof RunResult;
  limit: number;
  value: number | null;
  met: boolean;
}

/** A whole results file. */
export interface Results {
  schema: typeof RESULTS_SCHEMA;
  command: string;
  startedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryBytes: number;
    platform: string;
    /**
     * The 1-minute load average when the runs started and ended: on a
     * shared machine, other work takes cores from the runs.
     */
    loadAverage?: { start: number; end: number } | undefined;
  };
  node: string;
  runs: RunResult[];
  targets: TargetResult[];
  experiments: Record<string, unknown>;
}

/** Returns `took / ideal`, or null when there is no ideal time. */
export function ratioOf(
  tookMs: number,
  idealMs: number,
): number | null {
  return idealMs > 0 ? tookMs / idealMs : null;
}

/** Returns the growth per customer in flight, or null without any. */
export function perCustomer(
  peak: number,
  baseline: number,
  customers: number,
): number | null {
  return customers > 0
    ? Math.max(0, peak - baseline) / customers
    : null;
}

/** The targets a full run is held against. */
export interface Target {
  name: string;
  run: string;
  metric: keyof RunResult;
  limit: number;
}

/**
 * Holds each target against its run: met when the run succeeded and
 * the metric is at most the limit. A missing run is not met.
 */
export function checkTargets(
  runs: readonly RunResult[],
  targets: readonly Target[],
): TargetResult[] {
  return targets.map((target) => {
    const run = runs.find((r) => r.id === target.run);
    const raw = run?.[target.metric];
    const value = typeof raw === "number" ? raw : null;
    const met =
      run?.status === "ok" && value !== null && value <= target.limit;
    return { ...target, value, met };
  });
}
