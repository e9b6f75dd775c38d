/**
 * Faults under load on the local stand-in: SIGTERM to step 7's pod
 * and SIGKILL to one of step 10's two replicas, while clients on
 * 127.0.0.1 keep sending requests. Bounded: a few clients, seconds.
 */
import { now, sleep } from "@coffee/shared";
import { afterEach, beforeAll, expect, test } from "vitest";
import {
  buildSteps,
  load,
  replicas,
  send,
  standInLines as lines,
  startStandInOf as start,
  stopStandIns,
} from "./load.ts";

beforeAll(() => buildSteps([7, 8, 9, 10]), 120_000);
afterEach(stopStandIns, 30_000);

/** Resolves with the first stand-in line that matches, within 10 s. */
async function lineMatching(pattern: RegExp): Promise<RegExpExecArray> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    for (const line of lines) {
      const match = pattern.exec(line);
      if (match) return match;
    }
    await sleep(50);
  }
  throw new Error(`no line matched ${pattern}:\n${lines.join("\n")}`);
}

test.each([7, 8, 9, 10])(
  "step %i: SIGTERM under load loses nothing",
  async (step) => {
    // At speed 0.5 an action takes 4 s, longer than the 2 s preStop, so
    // the pods get SIGTERM with requests in flight.
    const standIn = start(step, 0.5);
    const base = await standIn.whenReady();
    let exited = false;
    const traffic = load(`${base}/serve-customer/100`, 8, () => exited);
    await sleep(300);
    const stopAt = now();
    const stopping = standIn.stop();
    // The pod's own port, from its listening line, fails the probe while
    // its requests are still in flight: 503, or refused once it closed.
    const pod = await lineMatching(/listening on (http:\/\/\S+)/);
    await lineMatching(/SIGTERM received: stopping gracefully/);
    const readiness = await send(`${pod[1]}/readyz`);
    const code = await stopping;
    const stoppedMs = now() - stopAt;
    exited = true;
    const outcomes = await traffic;

    const served = outcomes.filter((o) => o.status === 200);
    const refused = outcomes.filter((o) => o.error === "ECONNREFUSED");
    const lost = outcomes.filter(
      (o) => o.status !== 200 && o.error !== "ECONNREFUSED",
    );
    console.log(
      `SIGTERM, step ${step}: sent ${outcomes.length}, served ${served.length}, ` +
        `refused ${refused.length}, lost ${lost.length}, ` +
        `exit ${code} after ${Math.round(stoppedMs)} ms`,
    );
    expect(served.length).toBeGreaterThanOrEqual(8);
    expect(lost).toEqual([]);
    expect(code).toBe(0);
    const { preStopSeconds, graceSeconds } = standIn.plan;
    expect(stoppedMs).toBeLessThan(
      (preStopSeconds + graceSeconds) * 1000,
    );
    // Each pod finished every request it had when it closed.
    const closed = lines.filter((line) =>
      /closed: \d+ of \d+/.test(line),
    );
    expect(closed).toHaveLength(standIn.plan.pods.length);
    for (const line of closed) {
      expect(line).toMatch(/closed: (\d+) of \1 request\(s\)/);
    }
    expect(
      readiness.status === 503 || readiness.error === "ECONNREFUSED",
      JSON.stringify(readiness),
    ).toBe(true);
  },
  60_000,
);

test("SIGKILL of a replica fails only its requests", async () => {
  const standIn = start(10, 2);
  const base = await standIn.whenReady();
  let stop = false;
  const traffic = load(`${base}/serve-customer/10`, 6, () => stop);
  await sleep(2500);
  const [victim, survivor] = replicas(standIn);
  expect(survivor, "two replicas run").toBeDefined();
  const killedAt = now();
  process.kill(victim!.pid, "SIGKILL");
  const restart = await standIn.restartAfter(0, 10_000);
  // Until the stand-in receives the exit event, it still routes to
  // the pod, as a Service does until the endpoint is removed.
  const noticedMs = now() - killedAt;
  await standIn.whenReady(20_000);
  const recoveredMs = now() - killedAt;
  await sleep(2000);
  stop = true;
  const outcomes = await traffic;

  const failed = outcomes.filter((o) => o.status !== 200);
  const servedBy = new Set(
    outcomes.map((o) => /served by (\S+)\)/.exec(o.body)?.[1]),
  );
  console.log(
    `SIGKILL: sent ${outcomes.length}, failed ${failed.length}, ` +
      `restarts ${standIn.restarts.length}, exit seen after ` +
      `${Math.round(noticedMs)} ms, recovered in ` +
      `${Math.round(recoveredMs)} ms`,
  );
  expect(restart?.pod).toBe(victim!.pod);
  expect(restart?.reason).toMatch(/SIGKILL|137/);
  expect(standIn.restarts).toHaveLength(1);
  // Only requests on the killed pod fail. Each started before the
  // exit event, and each of the six clients had one at most.
  expect(failed.length).toBeLessThanOrEqual(6);
  for (const outcome of failed) {
    expect(outcome.start).toBeLessThan(killedAt + noticedMs);
  }
  expect(servedBy.has(survivor!.pod)).toBe(true);
  // The restarted pod listens on its old port, as a restarted
  // container keeps its pod's address.
  const ports = lines
    .filter((line) => line.includes(`[${victim!.pod}] listening on`))
    .map((line) => /127\.0\.0\.1:(\d+)/.exec(line)?.[1]);
  expect(ports).toHaveLength(2);
  expect(ports[1]).toBe(ports[0]);
}, 90_000);
