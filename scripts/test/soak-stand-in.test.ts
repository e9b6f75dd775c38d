/**
 * The soak of step 10 as it is deployed: steady load for a minute on
 * the stand-in's two replicas, run only when `COFFEE_SOAK=1` (CI sets
 * it). Checks that nothing failed, both replicas served, their memory
 * stayed flat and latency held. Loopback only, bounded in time and
 * count.
 */
import { readFileSync } from "node:fs";
import { sleep } from "@coffee/shared";
import { driveLoad, latencyWindows } from "@coffee/shared/soak";
import { afterEach, beforeAll, expect, test } from "vitest";
import {
  buildSteps,
  replicas,
  standInLines as lines,
  startStandInOf as start,
  stopStandIns,
} from "./load.ts";

const enabled = process.env.COFFEE_SOAK === "1";
const seconds = Number(process.env.COFFEE_SOAK_SECONDS || 60);

/**
 * RSS growth of a replica from the tenth second on that counts as flat.
 * NOTE: an estimate, looser than the heap soak's 5 MiB, because RSS
 * also counts pages that V8 keeps after a collection.
 */
const FLAT_RSS_MIB = 40;

beforeAll(() => (enabled ? buildSteps([10]) : undefined), 120_000);
afterEach(stopStandIns, 30_000);

/** Returns a process's resident set size in MiB, from /proc. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "latin1");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

test.skipIf(!enabled)(
  `step 10's replicas hold a steady load for ${seconds} s`,
  { timeout: (seconds + 90) * 1000 },
  async () => {
    const standIn = start(10, 100);
    const base = await standIn.whenReady();
    const pods = replicas(standIn);
    expect(pods).toHaveLength(2);

    // Each replica's RSS, sampled every twelfth of the run.
    const rss: number[][] = pods.map(() => []);
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        pods.forEach(({ pid }, i) => rss[i]!.push(rssMiB(pid)));
        await sleep((seconds * 1000) / 12);
      }
    })();
    const load = await driveLoad(
      {
        seconds,
        clients: 8,
        customersPerRequest: 50,
        maxRequests: 500 * seconds,
      },
      `${base}/serve-customer/50`,
    );
    sampling = false;
    await sampler;

    const servedBy = pods.map(
      ({ pod }) =>
        lines.filter((line) => line.includes(`[${pod}] Took `)).length,
    );
    const windows = latencyWindows(seconds, load.samples);
    console.log(
      `stand-in soak: ${JSON.stringify({
        sent: load.sent,
        failed: load.failed,
        servedBy,
        rss,
        windows,
      })}`,
    );
    expect(load.sent).toBeGreaterThan(0);
    expect(load.failed).toBe(0);
    expect(standIn.restarts).toEqual([]);
    // Kept-alive connections stay on one replica, and the stand-in
    // hands them out in turn, so both get some.
    for (const served of servedBy) expect(served).toBeGreaterThan(0);
    for (const samples of rss) {
      expect(samples.at(-1)! - samples[2]!).toBeLessThan(FLAT_RSS_MIB);
    }
    const [, early] = windows;
    const late = windows.at(-1)!;
    expect(late.p50).toBeLessThan(early!.p50 * 1.5 + 10);
    expect(late.p99).toBeLessThan(early!.p99 * 2 + 50);
  },
);
