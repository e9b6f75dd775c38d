/**
 * Step 8's pod out of memory under concurrent requests, on the local
 * stand-in. Only with COFFEE_OOM=1, and not in CI.
 *
 * NOTE: some runs hang: the stand-in's cluster primary has been seen
 * holding an accepted connection that it never hands to the idle
 * worker. Until that is understood, this test is not reliable.
 */
import { now, sleep } from "@coffee/shared";
import { afterEach, beforeAll, expect, test } from "vitest";
import {
  buildSteps,
  send,
  startStandInOf as start,
  stopStandIns,
} from "./load.ts";

const enabled = process.env.COFFEE_OOM === "1";

beforeAll(() => (enabled ? buildSteps([8]) : undefined), 120_000);
afterEach(stopStandIns, 30_000);

test.skipIf(!enabled)(
  "concurrent requests run step 8 out of memory",
  async () => {
    // Twelve requests of 1000 customers at once are more than step 8's
    // 32 MiB heap holds; the pod dies with all twelve in flight.
    const standIn = start(8, 1);
    const base = await standIn.whenReady();
    const url = `${base}/serve-customer/30000`;
    const sentAt = now();
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => send(url)),
    );
    const crashMs = now() - sentAt;
    const restart = await standIn.restartAfter(0, 10_000);
    await standIn.whenReady(20_000);
    // The new process may take a moment to take connections.
    let after = await send(`${base}/serve-customer/3`);
    for (let i = 0; i < 10 && after.status !== 200; i++) {
      await sleep(500);
      after = await send(`${base}/serve-customer/3`);
    }

    const failed = outcomes.filter((o) => o.status !== 200);
    console.log(
      `OOM: sent ${outcomes.length}, failed ${failed.length} ` +
        `(${[...new Set(failed.map((o) => o.error))].join(", ")}), ` +
        `restarts ${standIn.restarts.length}: ${restart?.reason}, ` +
        `${Math.round(crashMs)} ms after the requests`,
    );
    expect(restart?.reason).toMatch(/out of memory/);
    expect(failed.length).toBeGreaterThan(0);
    expect(after.status, after.error).toBe(200);
  },
  300_000,
);
