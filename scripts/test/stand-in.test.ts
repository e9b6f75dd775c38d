import { get } from "node:http";
import { afterEach, beforeAll, expect, test } from "vitest";
import { steps } from "../lib/catalog.ts";
import { lessonOf } from "../lib/lessons.ts";
import { buildStep, standInTarget } from "../lib/run-container-step.ts";
import { runLesson } from "../lib/run-lesson.ts";
import { stepEnv, type RunOptions } from "../lib/run-step.ts";
import { startStandIn, type StandIn } from "../lib/stand-in-client.ts";

const running: StandIn[] = [];
const lines: string[] = [];

function options(number: number, speed: number): RunOptions {
  const step = steps[number - 1]!;
  return { step, customers: 3, speed, serve: false, port: 0 };
}

function start(number: number, speed = 100): StandIn {
  const run = options(number, speed);
  const env = { ...stepEnv(run), COFFEE_LOG: "summary" };
  const standIn = startStandIn(run, env, (line) => lines.push(line));
  running.push(standIn);
  return standIn;
}

beforeAll(async () => {
  await Promise.all([6, 7, 8, 10].map((n) => buildStep(steps[n - 1]!)));
}, 120_000);

afterEach(async () => {
  await Promise.all(running.splice(0).map((standIn) => standIn.stop()));
  lines.length = 0;
});

test("step 8 ends in one out-of-memory restart", async () => {
  const standIn = start(8);
  const outcomes = await runLesson(
    lessonOf(8),
    standInTarget(standIn),
    3,
  );
  const last = outcomes.at(-1)!;
  expect(outcomes.slice(0, -1).every((o) => o.ok)).toBe(true);
  expect(last.result).toBe("out of memory, restarted");
  expect(standIn.restarts).toHaveLength(1);
  expect(standIn.restarts[0]?.reason).toMatch(/exit code 134/);
}, 60_000);

test("step 8's pod serves again after it", async () => {
  const standIn = start(8);
  const target = standInTarget(standIn);
  await runLesson(lessonOf(8), target, 3);
  const again = await runLesson({ kind: "single" }, target, 3);
  expect(again[0]?.ok).toBe(true);
}, 60_000);

test("step 10 answers from two replicas", async () => {
  const standIn = start(10);
  const outcomes = await runLesson(
    lessonOf(10),
    standInTarget(standIn),
    3,
  );
  const pods = standIn.plan.pods.map((pod) => pod.name);
  const servedBy = outcomes.map((o) => o.servedBy);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  expect(new Set(servedBy).size).toBe(2);
  expect(pods).toEqual(expect.arrayContaining(servedBy));
}, 60_000);

test("step 10 keeps idle sockets 95 s", async () => {
  const base = await start(10).whenReady();
  const header = await new Promise<string | undefined>((resolve) => {
    get(`${base}/healthz`, (res) => {
      res.resume();
      resolve(String(res.headers["keep-alive"]));
    });
  });
  expect(header).toBe("timeout=95");
}, 60_000);

test("SIGTERM lets the request finish, then exits 0", async () => {
  // At speed 0.5 an action takes 4 s: longer than the 2 s preStop
  // sleep, so the pod gets SIGTERM while the request is in flight.
  const standIn = start(7, 0.5);
  const base = await standIn.whenReady();
  const answer = new Promise<number>((resolve) => {
    get(`${base}/serve-customer/3`, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", () => resolve(0));
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const exit = standIn.stop();
  expect(await answer).toBe(200);
  expect(await exit).toBe(0);
  expect(lines.join("\n")).toMatch(
    /closed: 1 of 1 request\(s\) finished/,
  );
}, 60_000);

test("step 6 stops within 2 s of SIGTERM", async () => {
  const standIn = start(6);
  expect(await standIn.whenReady()).toMatch(/^http:/);
  const started = performance.now();
  expect(await standIn.stop()).toBe(0);
  expect(performance.now() - started).toBeLessThan(2000);
}, 60_000);
