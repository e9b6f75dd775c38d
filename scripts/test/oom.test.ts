/**
 * Step 8's pod out of memory under concurrent requests, on the local
 * stand-in: the crash is reported as such, the pod is restarted, and
 * the fate of every request, large or small, is counted.
 */
import { now, sleep } from "@coffee/shared";
import { afterEach, beforeAll, expect, test } from "vitest";
import {
  buildSteps,
  send,
  type Outcome,
  startStandInOf as start,
  stopStandIns,
} from "./load.ts";

beforeAll(() => buildSteps([8]), 120_000);
afterEach(stopStandIns, 30_000);

/** Counts outcomes by status, or by socket error without a status. */
function fates(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status, error } of outcomes) {
    const key = status === 0 ? (error ?? "no answer") : String(status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

test("step 8 out of memory under load", async () => {
  // Three requests of 30,000 customers need more than step 8's 32 MiB
  // heap. Three requests of 3 customers, 2 s each, share the process.
  const standIn = start(8, 1);
  const base = await standIn.whenReady();
  const sentAt = now();
  const large = Array.from({ length: 3 }, () =>
    send(`${base}/serve-customer/30000`),
  );
  const small = Array.from({ length: 3 }, () =>
    send(`${base}/serve-customer/3`),
  );
  const restart = await standIn.restartAfter(0, 60_000);
  const crashMs = now() - sentAt;
  const inFlight = await Promise.all([...large, ...small]);
  // While no pod is ready, the stand-in resets new connections (a
  // Service without ready endpoints rejects them).
  const during = await send(`${base}/serve-customer/3`);
  await standIn.whenReady(20_000);
  const recoveredMs = now() - sentAt - crashMs;
  const after = await send(`${base}/serve-customer/3`);

  console.log(
    `OOM: ${restart?.reason} ${Math.round(crashMs)} ms after 6 ` +
      `requests; in flight: ${JSON.stringify(fates(inFlight))}; ` +
      `while restarting: ${during.status || during.error}; ready ` +
      `again ${Math.round(recoveredMs)} ms later; then ${after.status}`,
  );
  expect(restart?.reason).toMatch(/out of memory/);
  expect(standIn.restarts).toHaveLength(1);
  // Nothing in flight survives: the small requests die with the large.
  for (const outcome of inFlight) {
    expect(outcome.status, JSON.stringify(outcome)).toBe(0);
    expect(outcome.error).toMatch(/ECONNRESET|socket hang up/);
  }
  expect([0, 200]).toContain(during.status);
  expect(after.status, after.error).toBe(200);
  expect(after.body).toMatch(/3 customer/);
}, 120_000);
