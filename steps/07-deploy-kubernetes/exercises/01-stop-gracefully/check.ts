import { get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadExercise } from "@coffee/shared/exercise";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createApp } from "../../../05-more-concurrency/src/server.ts";
import type * as Shutdown from "./solution/shutdown.ts";

let shutdown: typeof Shutdown;
let server: Server;
let port: number;
let answer: { status: number; text: string };
let stopped: "resolved" | string;
let refused: boolean;

function request(): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    get(`http://127.0.0.1:${port}/serve-customer/3`, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, text }),
      );
      res.on("error", (error) =>
        resolve({ status: 0, text: error.message }),
      );
    }).on("error", (error) =>
      resolve({ status: 0, text: error.message }),
    );
  });
}

beforeAll(async () => {
  shutdown = await loadExercise(import.meta.url, "shutdown.ts");
  process.env.COFFEE_SPEED = "20";
  server = createApp().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;

  const inFlight = request();
  // Stop while the three customers are being served (100 ms actions).
  await new Promise((resolve) => setTimeout(resolve, 30));
  const stopping = shutdown.stopGracefully(server).then(
    () => "resolved",
    (error: Error) => error.message,
  );
  refused = (await request()).status === 0;
  answer = await inFlight;
  stopped = await stopping;
}, 30_000);

afterAll(() => {
  delete process.env.COFFEE_SPEED;
  server.closeAllConnections();
  server.close();
});

test("finishes the request in flight", () => {
  expect(answer.status, `status of the answer (${answer.text})`).toBe(
    200,
  );
  expect(answer.text, "the answer").toMatch(
    /to serve coffee to 3 customer/,
  );
});

test("refuses new connections", () => {
  expect(refused, "a new request while stopping was refused").toBe(
    true,
  );
});

test("resolves once closed", () => {
  expect(stopped, "stopGracefully()").toBe("resolved");
  expect(server.listening, "server.listening").toBe(false);
});
