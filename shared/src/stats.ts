/**
 * Measurements of a server process, for `pnpm bench`: memory, actions
 * in flight and event-loop delay, sent as JSON by `GET /_coffee/stats`.
 * The route exists only when `COFFEE_STATS=1` is set, so that a
 * learner's server shows nothing but the coffee shop.
 */
import {
  monitorEventLoopDelay,
  PerformanceObserver,
} from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import type { Express } from "express";
import { spans } from "./spans.ts";

/** The environment variable that adds the stats route: `1` adds it. */
export const STATS_ENV = "COFFEE_STATS";

/** The path of the stats route. With `?reset=1` it resets the peaks after reading. */
export const STATS_PATH = "/_coffee/stats";

/** How often the peak heap size is sampled, in ms. */
const HEAP_SAMPLE_MS = 50;

let inFlight = 0;
let peakInFlight = 0;

/** Counts an action that started waiting (called by `perform`). */
export function actionStarted(): void {
  inFlight += 1;
  if (inFlight > peakInFlight) peakInFlight = inFlight;
}

/** Counts an action that stopped waiting (called by `perform`). */
export function actionEnded(): void {
  inFlight -= 1;
}

/** Event-loop delay in ms, from `monitorEventLoopDelay`. */
export interface DelayStats {
  mean: number;
  p50: number;
  p99: number;
  max: number;
}

/** One reading of a server process, with sizes in bytes. */
export interface ProcessStats {
  pid: number;
  rss: number;
  /** The maximum RSS since the process started (`maxRSS`). */
  peakRss: number;
  heapUsed: number;
  /** The maximum heap used, sampled since the last reset. */
  peakHeapUsed: number;
  /** V8's heap limit, as `--max-old-space-size` sets it. */
  heapLimit: number;
  actionsInFlight: number;
  /** The maximum actions in flight at once since the last reset. */
  peakActionsInFlight: number;
  /** Spans recorded since the process started. */
  actionsDone: number;
  eventLoopDelay: DelayStats;
  /** Time spent in garbage collection since the last reset, in ms. */
  gcMs: number;
  /** CPU time (user and system) since the last reset, in ms. */
  cpuMs: number;
}

/** Measures a process from now on: heap peaks and event-loop delay. */
export function startStats(): {
  read(): ProcessStats;
  reset(): void;
} {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let peakHeapUsed = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeapUsed = Math.max(
      peakHeapUsed,
      process.memoryUsage().heapUsed,
    );
  }, HEAP_SAMPLE_MS);
  sampler.unref();
  const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  }).observe({ entryTypes: ["gc"] });
  let cpuSince = process.cpuUsage();

  const read = (): ProcessStats => {
    const memory = process.memoryUsage();
    peakHeapUsed = Math.max(peakHeapUsed, memory.heapUsed);
    return {
      pid: process.pid,
      rss: memory.rss,
      peakRss: process.resourceUsage().maxRSS * 1024,
      heapUsed: memory.heapUsed,
      peakHeapUsed,
      heapLimit: getHeapStatistics().heap_size_limit,
      actionsInFlight: inFlight,
      peakActionsInFlight: peakInFlight,
      actionsDone: spans.totals().count,
      eventLoopDelay: {
        mean: ms(delay.mean),
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
      },
      gcMs,
      cpuMs: cpuMsSince(cpuSince),
    };
  };
  const reset = () => {
    delay.reset();
    peakHeapUsed = process.memoryUsage().heapUsed;
    peakInFlight = inFlight;
    gcMs = 0;
    cpuSince = process.cpuUsage();
  };
  return { read, reset };
}

function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Adds `GET /_coffee/stats` to `app` when `COFFEE_STATS=1`. */
export function addStatsRoute(app: Express): void {
  if (process.env[STATS_ENV] !== "1") return;
  const stats = startStats();
  app.get(STATS_PATH, (req, res) => {
    res.json(stats.read());
    if (req.query.reset === "1") stats.reset();
  });
}
