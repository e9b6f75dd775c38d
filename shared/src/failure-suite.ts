/**
 * The failing action on a step's real HTTP server: `COFFEE_FAIL=pay:2`
 * makes customer 2's payment fail out of 3 customers. Test code only:
 * imports vitest.
 */
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_MS, now, sleep } from "./clock.ts";
import { expectSafeResponse } from "./hostile-suite.ts";
import { rawRequest, sendRaw } from "./raw-http.ts";
import { spans } from "./spans.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

/** The speed of these tests: an action takes 200 ms. */
const SPEED = 10;
const ACTION = ACTION_MS / SPEED;

/** The expected behaviour of a step when customer 2 of 3 fails to pay. */
export interface FailureExpectations {
  /** Action times from the request until the 500 response. */
  failsAfter: number;
  /** Spans recorded once every action still running has ended. */
  spansInAll: number;
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Declares the tests of a failing action against `createApp()`. */
export function describeFailingAction(
  createApp: () => Express,
  expected: FailureExpectations,
): void {
  describe("a failing action", () => {
    const saved = [process.env.COFFEE_SPEED, process.env.COFFEE_FAIL];
    let shop: TestServer;
    beforeAll(async () => {
      process.env.COFFEE_SPEED = String(SPEED);
      shop = await startTestServer(createApp());
    });
    afterAll(async () => {
      await shop.close();
      restore("COFFEE_SPEED", saved[0]);
      restore("COFFEE_FAIL", saved[1]);
    });

    test("responds 500 when one customer fails", async () => {
      process.env.COFFEE_FAIL = "pay:2";
      spans.clear();
      const started = now();
      const response = await sendRaw(
        shop.port,
        rawRequest("GET", "/serve-customer/3"),
      );
      const took = now() - started;
      expect(response.status).toBe(500);
      expectSafeResponse(response);
      expect(response.body).toContain("pay failed for customer 2");
      expect(took).toBeGreaterThanOrEqual(
        expected.failsAfter * ACTION * 0.9,
      );
      // One more action time, plus room for a loaded shared machine.
      expect(took).toBeLessThan(
        (expected.failsAfter + 1) * ACTION + 250,
      );
      const id = response.headers["x-request-id"];
      const logged = shop.lines.filter((line) =>
        line.includes(`request ${id}:`),
      );
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain("pay failed for customer 2");
    });

    test("lets the other actions run to their end", async () => {
      await sleep(4 * ACTION);
      expect(spans.list()).toHaveLength(expected.spansInAll);
    });

    test("keeps serving after the failure", async () => {
      delete process.env.COFFEE_FAIL;
      const response = await sendRaw(
        shop.port,
        rawRequest("GET", "/serve-customer/2"),
      );
      expect(response.status).toBe(200);
    });
  });
}
