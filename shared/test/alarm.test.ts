import { afterEach, expect, test, vi } from "vitest";
import { afterMs } from "../src/alarm.ts";

afterEach(() => {
  vi.useRealTimers();
});

test("calls in the same millisecond share a timer", () => {
  vi.useFakeTimers();
  const calls: number[] = [];
  for (const n of [1, 2, 3]) afterMs(2000, () => calls.push(n));
  expect(vi.getTimerCount()).toBe(1);
  vi.advanceTimersByTime(1999);
  expect(calls).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(calls).toEqual([1, 2, 3]);
});

test("other deadlines get their own timer", () => {
  vi.useFakeTimers();
  const calls: string[] = [];
  afterMs(20, () => calls.push("late"));
  afterMs(10, () => calls.push("early"));
  expect(vi.getTimerCount()).toBe(2);
  vi.advanceTimersByTime(20);
  expect(calls).toEqual(["early", "late"]);
});

test("rounds a fraction up to the next millisecond", () => {
  vi.useFakeTimers();
  const called = vi.fn();
  afterMs(0.4, called);
  vi.advanceTimersByTime(0);
  expect(called).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(called).toHaveBeenCalledOnce();
});

test("a real timer is not shared with fake ones", async () => {
  const real = vi.fn();
  afterMs(5, real);
  vi.useFakeTimers();
  const fake = vi.fn();
  afterMs(5, fake);
  vi.advanceTimersByTime(5);
  expect(fake).toHaveBeenCalledOnce();
  expect(real).not.toHaveBeenCalled();
  vi.useRealTimers();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(real).toHaveBeenCalledOnce();
});
