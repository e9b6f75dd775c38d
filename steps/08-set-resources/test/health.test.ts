import request from "supertest";
import { expect, test } from "vitest";
import { createApp } from "../src/server.ts";

test("liveness answers ok", async () => {
  const res = await request(createApp()).get("/healthz");
  expect(res.status).toBe(200);
  expect(res.text).toBe("ok\n");
});

test("readiness answers ready", async () => {
  const res = await request(createApp()).get("/readyz");
  expect(res.status).toBe(200);
  expect(res.text).toBe("ready\n");
});

test("readiness fails once stopping", async () => {
  const health = { stopping: false };
  const app = createApp(health);
  health.stopping = true;
  const res = await request(app).get("/readyz");
  expect(res.status).toBe(503);
  expect(res.text).toBe("stopping\n");
});

test("liveness stays ok while stopping", async () => {
  const res = await request(createApp({ stopping: true })).get(
    "/healthz",
  );
  expect(res.status).toBe(200);
});
