import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, expect, test } from "vitest";
import { ACTION_MS, sleep } from "../src/clock.ts";
import {
  rawRequest,
  sendAndDisconnect,
  sendRaw,
} from "../src/raw-http.ts";
import { spans } from "../src/spans.ts";
import {
  startTestServer,
  type TestServer,
} from "../src/test-server.ts";
import { withSetting } from "../src/testing.ts";
import { createShop } from "./cancellable-shop.ts";

// Vitest's workers start without --expose-gc; this turns it on.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapMiB(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

let shop: TestServer | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
});

const GONE = /the client disconnected after/;
const STOPPED = /work stopped, the client disconnected/;

async function leaveEarly(cancel: boolean, customers: number) {
  shop = await startTestServer(createShop({ cancel }));
  spans.clear();
  const path = `/serve-customer/${customers}`;
  await sendAndDisconnect(shop.port, rawRequest("GET", path), 50);
  return shop;
}

test("stops the work of a client that left", async () => {
  await withSetting("COFFEE_SPEED", "10", async () => {
    const shop = await leaveEarly(true, 3);
    await shop.waitForLine(STOPPED);
    await sleep((2 * ACTION_MS) / 10);
    expect(spans.list()).toHaveLength(0);
    expect(shop.lines.filter((line) => GONE.test(line))).toHaveLength(
      1,
    );
  });
});

test("without the signal the work goes on", async () => {
  await withSetting("COFFEE_SPEED", "10", async () => {
    const shop = await leaveEarly(false, 3);
    await shop.waitForLine(GONE);
    await sleep((2 * ACTION_MS) / 10);
    expect(spans.list()).toHaveLength(9);
    expect(shop.lines.some((line) => STOPPED.test(line))).toBe(false);
  });
});

test("keeps serving after a disconnect", async () => {
  await withSetting("COFFEE_SPEED", "10", async () => {
    const shop = await leaveEarly(true, 3);
    await shop.waitForLine(STOPPED);
    const next = await sendRaw(
      shop.port,
      rawRequest("GET", "/serve-customer/2"),
    );
    expect(next.status).toBe(200);
  });
});

// At speed 0.5 the 20,000 coffees would hold their timers and
// promises for 4 s; the signal frees them as soon as the client goes.
test(
  "memory returns to its level after a disconnect",
  {
    timeout: 30_000,
  },
  async () => {
    await withSetting("COFFEE_SPEED", "0.5", async () => {
      shop = await startTestServer(createShop({ cancel: true }));
      const before = heapMiB();
      const request = rawRequest("GET", "/serve-customer/20000");
      const left = sendAndDisconnect(shop.port, request, 400);
      await sleep(300);
      const during = heapMiB();
      await left;
      await shop.waitForLine(STOPPED);
      const after = heapMiB();
      if (process.env.COFFEE_REPORT) {
        console.log(`heap MiB: ${before}, ${during}, ${after}`);
      }
      expect(during - before).toBeGreaterThan(10);
      expect(after - before).toBeLessThan(2);
    });
  },
);
