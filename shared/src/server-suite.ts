/**
 * The acceptance tests that every server step shares: answers, content
 * types, hostile requests and a loose timing window, on the real
 * express app. Test code only: imports vitest and supertest.
 */
import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_MS, sleep } from "./clock.ts";
import { describeHostileRequests } from "./hostile-suite.ts";
import { rawRequest, sendAndDisconnect, sendRaw } from "./raw-http.ts";
import { spans } from "./spans.ts";
import { startTestServer } from "./test-server.ts";

export { INVALID_COUNTS } from "./hostile-requests.ts";

/** The speed the timing tests run at: an action takes 20 ms. */
const SPEED = 100;

/** What a step's server is expected to do. */
export interface ServerExpectations {
  /** How many action times serving `customers` takes before the answer. */
  actionTimes(customers: number): number;
  /**
   * Whether the step passes the request's signal to its actions, so
   * that a client that disconnects stops its work (steps 7 to 10).
   */
  stopsWorkOnDisconnect?: boolean;
}

/** The log line of a request whose work the signal stopped. */
const WORK_STOPPED = /work stopped, the client disconnected/;

/** Resolves with whether an action ended within `limitMs`. */
async function waitForSpan(limitMs: number): Promise<boolean> {
  for (let waited = 0; waited < limitMs; waited += 50) {
    if (spans.list().length > 0) return true;
    await sleep(50);
  }
  return spans.list().length > 0;
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

  describeHostileRequests(createApp);

  // Step 3 responds before any action, so no client is left waiting.
  if (expected.actionTimes(3) > 0) {
    // At speed 10 an action takes 200 ms, so the client is gone long
    // before any response, even on a busy machine.
    test("logs a client that disconnects early", async () => {
      process.env.COFFEE_SPEED = "10";
      const shop = await startTestServer(createApp());
      try {
        const request = rawRequest("GET", "/serve-customer/3");
        await sendAndDisconnect(shop.port, request, 5);
        const line = await shop.waitForLine(/client disconnected/);
        expect(line).toMatch(/^\S+ \S+ request \S+: the client/);
        const next = await sendRaw(shop.port, rawRequest("GET", "/"));
        expect(next.status).toBe(404);
      } finally {
        await shop.close();
        process.env.COFFEE_SPEED = String(SPEED);
      }
    }, 15_000);

    const stops = expected.stopsWorkOnDisconnect ?? false;
    test(`${stops ? "stops" : "keeps"} the work of a client that left`, async () => {
      process.env.COFFEE_SPEED = "10";
      const shop = await startTestServer(createApp());
      const actionMs = ACTION_MS / 10;
      try {
        spans.clear();
        const request = rawRequest("GET", "/serve-customer/3");
        await sendAndDisconnect(shop.port, request, 5);
        await shop.waitForLine(/client disconnected/);
        if (stops) {
          await shop.waitForLine(WORK_STOPPED);
          // Two action times later, no action has ended.
          await sleep(2 * actionMs);
          expect(spans.list()).toEqual([]);
        } else {
          // The first action ends one action time after the request.
          expect(await waitForSpan(actionMs * 5)).toBe(true);
          const stopped = shop.lines.filter((l) =>
            WORK_STOPPED.test(l),
          );
          expect(stopped).toEqual([]);
        }
      } finally {
        await shop.close();
        process.env.COFFEE_SPEED = String(SPEED);
      }
    }, 15_000);
  }

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
