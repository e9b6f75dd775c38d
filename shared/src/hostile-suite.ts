/**
 * Sends every request of the hostile table to a step's real HTTP
 * server and checks each response, the log, and that the server still
 * serves. Test code only: imports vitest.
 */
import { fileURLToPath } from "node:url";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HOSTILE_REQUESTS } from "./hostile-requests.ts";
import { rawRequest, sendRaw, type RawResponse } from "./raw-http.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

/** The repository's folder, which no response may reveal. */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A line of a stack trace, such as `at serve (file.ts:3:9)`. */
const STACK_LINE = /\bat \S.*:\d+:\d+/;

/** Checks what every response must do, whatever its status. */
export function expectSafeResponse(response: RawResponse): void {
  expect(response.headers["x-powered-by"]).toBeUndefined();
  expect(response.headers["x-request-id"]).toMatch(/\S/);
  expect(response.body).not.toMatch(STACK_LINE);
  expect(response.body).not.toContain(ROOT.replace(/\/$/, ""));
  expect(response.body).not.toMatch(/node_modules|file:\/\/|\.ts\b/);
}

/** Declares one test per hostile request against `createApp()`. */
export function describeHostileRequests(createApp: () => Express) {
  describe("hostile requests", () => {
    let shop: TestServer;
    beforeAll(async () => {
      shop = await startTestServer(createApp());
    });
    afterAll(() => shop.close());

    test("the table has at least 30 requests", () => {
      expect(HOSTILE_REQUESTS.length).toBeGreaterThanOrEqual(30);
    });

    test.each(HOSTILE_REQUESTS)(
      "responds to $name",
      async (hostile) => {
        const logged = shop.lines.length;
        const response = await sendRaw(shop.port, hostile.bytes);
        expect(response.status).toBe(hostile.status);
        expectSafeResponse(response);
        if (response.body !== "") {
          expect(response.headers["content-type"]).toContain(
            hostile.type ?? "text/plain",
          );
        }
        for (const text of hostile.mentions ?? []) {
          expect(response.body).toContain(text);
        }
        for (const [name, value] of Object.entries(
          hostile.headers ?? {},
        )) {
          expect(response.headers[name], name).toBe(value);
        }
        if (response.status >= 400) {
          const id = response.headers["x-request-id"];
          const about = shop.lines
            .slice(logged)
            .filter((line) => line.includes(`request ${id}:`));
          expect(about, "log lines with the request id").toHaveLength(
            1,
          );
        }
        const next = await sendRaw(
          shop.port,
          rawRequest("GET", "/serve-customer/1"),
        );
        expect(next.status, "the next valid request").toBe(200);
      },
    );

    test("replaces a request id it cannot log safely", async () => {
      const response = await sendRaw(
        shop.port,
        rawRequest("GET", "/serve-customer/1", {
          "X-Request-Id": "<script>alert(1)</script>",
        }),
      );
      expect(response.status).toBe(200);
      expect(response.headers["x-request-id"]).toMatch(/^[\w.-]+$/);
    });
  });
}
