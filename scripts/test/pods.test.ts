import { expect, test } from "vitest";
import { stepDir, steps } from "../lib/catalog.ts";
import { lessonOf } from "../lib/lessons.ts";
import { planPods } from "../lib/pods.ts";

const dirOf = (n: number) => stepDir(steps[n - 1]!);

test("step 6 runs the image's command once", () => {
  const plan = planPods(dirOf(6));
  expect(plan.script).toBe("dist/main.js");
  expect(plan.pods).toHaveLength(1);
  expect(plan.restart).toBe(false);
  expect(plan.heapMiB).toBeUndefined();
  expect(plan.pods[0]?.env.PORT).toBe("8080");
});

test("step 8 turns 96Mi into a 32 MiB heap", () => {
  expect(planPods(dirOf(8)).heapMiB).toBe(32);
});

test("step 8 restarts crashed pods", () => {
  expect(planPods(dirOf(8)).restart).toBe(true);
});

test("step 7 takes its stop timings from the manifest", () => {
  const plan = planPods(dirOf(7));
  expect(plan.preStopSeconds).toBe(2);
  expect(plan.graceSeconds).toBe(15);
});

test("step 10 plans two pods with their own names", () => {
  const pods = planPods(dirOf(10)).pods;
  expect(pods).toHaveLength(2);
  expect(pods[0]?.name).not.toBe(pods[1]?.name);
  for (const pod of pods) {
    expect(pod.name).toMatch(/^coffee-[0-9a-f]{8}-[a-z0-9]{5}$/);
    expect(pod.env.POD_NAME).toBe(pod.name);
  }
});

test("pods get the manifest's NODE_OPTIONS", () => {
  const env = planPods(dirOf(9)).pods[0]?.env;
  expect(env?.NODE_OPTIONS).toBe("--max-old-space-size=2211");
});

test("lesson of step 8 is the talk's sequence", () => {
  expect(lessonOf(8)).toEqual({
    kind: "sequence",
    counts: [3, 30, 300, 3000, 30_000, 300_000],
  });
});

test("customers replace a sequence by one request", () => {
  expect(lessonOf(9, 500)).toEqual({ kind: "single" });
});

test("customers set the count of concurrent requests", () => {
  expect(lessonOf(10, 500)).toEqual({
    kind: "concurrent",
    count: 500,
    requests: 2,
  });
});
