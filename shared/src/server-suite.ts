/**
 * The acceptance tests that every server step shares: answers, content
 * types, bad counts and a loose timing window, on the real express app.
 * Test code only: imports vitest and supertest.
 */
import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_MS } from "./clock.ts";

/** Counts that every server step rejects with 400, and why. */
export const INVALID_COUNTS: readonly [string, string][] = [
  ["abc", "letters"],
  ["-3", "a minus sign"],
  ["+3", "a plus sign"],
  ["0", "zero"],
  ["007", "leading zeros"],
  ["1.5", "a decimal"],
  ["1e3", "an exponent"],
  ["0x10", "hexadecimal"],
  ["٣", "an Arabic-Indic digit"],
  ["9007199254740993", "past the largest safe integer"],
  ["9".repeat(1000), "a thousand digits"],
  [" 3", "a leading space"],
  ["3abc", "trailing letters"],
];

/** The speed the timing tests run at: an action takes 20 ms. */
const SPEED = 100;

/** What a step's server is expected to do. */
export interface ServerExpectations {
  /** How many action times serving `customers` takes before the answer. */
  actionTimes(customers: number): number;
}

function timeWindow(actionTimes: number): [number, number] {
  const ideal = (actionTimes * ACTION_MS) / SPEED;
  // Timers may fire a little early, and a shared machine adds delay.
  return [ideal * 0.9, ideal + (ACTION_MS / SPEED) * 3 + 150];
}

/** Declares the shared server tests for the app that `createApp` builds. */
export function describeServerStep(
  createApp: () => Express,
  expected: ServerExpectations,
): void {
  const saved = process.env.COFFEE_SPEED;
  let app: Express;
  beforeAll(() => {
    process.env.COFFEE_SPEED = String(SPEED);
    app = createApp();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.COFFEE_SPEED;
    else process.env.COFFEE_SPEED = saved;
  });

  describe("answers", () => {
    test("serves three customers as text", async () => {
      const res = await request(app).get("/serve-customer/3");
      expect(res.status).toBe(200);
      expect(res.type).toBe("text/plain");
      expect(res.text).toMatch(
        /^Took \d[\d.]*(ns|µs|ms|s) to serve coffee to 3 customer\(s\)\n$/,
      );
    });

    test("serves three customers as JSON", async () => {
      const res = await request(app)
        .get("/serve-customer/3")
        .set("Accept", "application/json");
      expect(res.status).toBe(200);
      expect(res.type).toBe("application/json");
      expect(res.body.customers).toBe(3);
      expect(typeof res.body.took).toBe("string");
      expect(typeof res.body.seconds).toBe("number");
    });

    test("serves one customer without a count", async () => {
      for (const path of ["/serve-customer", "/serve-customer/"]) {
        const res = await request(app).get(path);
        expect(res.status, path).toBe(200);
        expect(res.text, path).toMatch(/ 1 customer\(s\)/);
      }
    });

    test("sends no X-Powered-By and a request id", async () => {
      const res = await request(app).get("/serve-customer/1");
      expect(res.headers["x-powered-by"]).toBeUndefined();
      expect(res.headers["x-request-id"]).toMatch(/\S/);
    });

    test("answers unknown paths with 404", async () => {
      const res = await request(app).get("/make-tea/3");
      expect(res.status).toBe(404);
      expect(res.text).toContain("/serve-customer/3");
    });
  });

  describe("bad counts", () => {
    const cases = INVALID_COUNTS.map(([count, why]) => ({
      count,
      why,
    }));
    test.each(cases)("rejects $why", async ({ count }) => {
      const res = await request(app).get(
        `/serve-customer/${encodeURIComponent(count)}`,
      );
      expect(res.status).toBe(400);
      expect(res.text).toContain(count.slice(0, 40));
      expect(res.text).toContain("whole number from 1 to");
      expect(res.text).not.toMatch(/\bat \S+:\d+:\d+/);
    });

    test("keeps serving after a bad count", async () => {
      await request(app).get("/serve-customer/abc");
      const res = await request(app).get("/serve-customer/2");
      expect(res.status).toBe(200);
    });

    test("rejects a count as JSON when asked", async () => {
      const res = await request(app)
        .get("/serve-customer/-3")
        .set("Accept", "application/json");
      expect(res.status).toBe(400);
      expect(res.body.error).toContain('"-3"');
    });
  });

  describe("timing", () => {
    test.each([1, 3, 10])("answers %i customers in time", async (n) => {
      const [low, high] = timeWindow(expected.actionTimes(n));
      const started = performance.now();
      const res = await request(app).get(`/serve-customer/${n}`);
      const took = performance.now() - started;
      expect(res.status).toBe(200);
      expect(took).toBeGreaterThanOrEqual(low);
      expect(took).toBeLessThanOrEqual(high);
    });
  });
}
