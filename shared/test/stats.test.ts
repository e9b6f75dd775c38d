import request from "supertest";
import { afterEach, expect, test } from "vitest";
import { perform } from "../src/action.ts";
import { createCoffeeApp, SERVED_BY_HEADER } from "../src/http.ts";
import { STATS_PATH } from "../src/stats.ts";

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
});

test("stats route is absent by default", async () => {
  delete process.env.COFFEE_STATS;
  const res = await request(createCoffeeApp()).get(STATS_PATH);
  expect(res.status).toBe(404);
});

test("stats route reports memory and actions", async () => {
  process.env.COFFEE_STATS = "1";
  // 500 ms actions, so that both are still in flight on a busy machine.
  process.env.COFFEE_SPEED = "4";
  const app = createCoffeeApp();
  const actions = [perform("pay", 1), perform("milk", 1)];
  const during = await request(app).get(STATS_PATH);
  await Promise.all(actions);
  const after = await request(app).get(STATS_PATH);
  expect(during.body.actionsInFlight).toBe(2);
  expect(during.body.peakActionsInFlight).toBeGreaterThanOrEqual(2);
  expect(after.body.actionsInFlight).toBe(0);
  expect(after.body.peakRss).toBeGreaterThan(0);
  expect(after.body.heapLimit).toBeGreaterThan(after.body.heapUsed);
  expect(typeof after.body.eventLoopDelay.p99).toBe("number");
  expect(after.body.cpuMs).toBeGreaterThan(0);
  expect(after.body.gcMs).toBeGreaterThanOrEqual(0);
});

test("stats reset lowers the peak to the present", async () => {
  process.env.COFFEE_STATS = "1";
  process.env.COFFEE_SPEED = "100";
  const app = createCoffeeApp();
  await Promise.all([perform("pay", 1), perform("milk", 1)]);
  await request(app).get(`${STATS_PATH}?reset=1`);
  const res = await request(app).get(STATS_PATH);
  expect(res.body.peakActionsInFlight).toBe(0);
});

test("answers name the replica when it has a name", async () => {
  process.env.COFFEE_REPLICA = "coffee-1";
  const res = await request(createCoffeeApp()).get("/nowhere");
  expect(res.headers[SERVED_BY_HEADER.toLowerCase()]).toBe("coffee-1");
});

test("answers name no replica without a name", async () => {
  delete process.env.COFFEE_REPLICA;
  delete process.env.POD_NAME;
  const res = await request(createCoffeeApp()).get("/nowhere");
  expect(res.headers[SERVED_BY_HEADER.toLowerCase()]).toBeUndefined();
});
