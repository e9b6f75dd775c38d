import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { sleep } from "../src/clock.ts";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test("sleep resolves after its time", async () => {
  const done = vi.fn();
  void sleep(100, new AbortController().signal).then(done);
  await vi.advanceTimersByTimeAsync(99);
  expect(done).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1);
  expect(done).toHaveBeenCalled();
});

test("abort rejects every sleep and clears its timer", async () => {
  const controller = new AbortController();
  const sleeps = [1, 2, 3].map(() => sleep(100, controller.signal));
  expect(vi.getTimerCount()).toBe(3);
  controller.abort(new Error("client left"));
  for (const pending of sleeps) {
    await expect(pending).rejects.toThrow("client left");
  }
  expect(vi.getTimerCount()).toBe(0);
});

test("an aborted signal rejects at once", async () => {
  const signal = AbortSignal.abort(new Error("already gone"));
  await expect(sleep(100, signal)).rejects.toThrow("already gone");
  expect(vi.getTimerCount()).toBe(0);
});

test("abort after the end changes nothing", async () => {
  const controller = new AbortController();
  const done = sleep(10, controller.signal);
  await vi.advanceTimersByTimeAsync(10);
  await expect(done).resolves.toBeUndefined();
  expect(() => controller.abort()).not.toThrow();
});
