import { afterEach, expect, test } from "vitest";
import { ActionError, perform } from "../src/action.ts";
import { ACTION_MS } from "../src/clock.ts";
import { runOnFakeClock } from "../src/testing.ts";

afterEach(() => {
  delete process.env.COFFEE_FAIL;
});

test("perform records a span one action long", async () => {
  const run = await runOnFakeClock(() => perform("pay", 4));
  expect(run.elapsed).toBe(ACTION_MS);
  expect(run.spans).toEqual([
    { customer: 4, action: "pay", start: 0, end: ACTION_MS },
  ]);
});

test("perform rejects the planned failure", async () => {
  process.env.COFFEE_FAIL = "milk:2";
  const run = await runOnFakeClock(() =>
    Promise.allSettled([perform("milk", 2), perform("milk", 3)]),
  );
  const [failed, served] = run.value;
  expect(failed.status).toBe("rejected");
  expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(
    ActionError,
  );
  expect(served.status).toBe("fulfilled");
  expect(run.spans.map((span) => span.customer)).toEqual([3]);
});
