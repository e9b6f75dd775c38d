import { once } from "node:events";
import { Agent, get, type Server } from "node:http";
import express from "express";
import { afterEach, expect, test } from "vitest";
import { closeGracefully, trackRequests } from "../src/shutdown.ts";

let server: Server | undefined;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/** Starts a server whose only route answers after `ms`. */
async function slowServer(ms: number): Promise<string> {
  const app = express();
  app.get("/slow", (_req, res) => {
    setTimeout(() => res.send("done"), ms);
  });
  const started = app.listen(0, "127.0.0.1");
  server = started;
  trackRequests(started);
  await new Promise((resolve) => started.once("listening", resolve));
  const address = started.address();
  if (typeof address !== "object" || !address)
    throw new Error("no port");
  return `http://127.0.0.1:${address.port}/slow`;
}

function fetchText(url: string, agent: Agent) {
  return new Promise<{ status: number; connection?: string }>(
    (resolve, reject) => {
      get(url, { agent }, (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            connection: res.headers.connection,
          }),
        );
      }).on("error", reject);
    },
  );
}

test("close lets the request in flight finish", async () => {
  const url = await slowServer(200);
  const agent = new Agent({ keepAlive: true });
  const arrived = once(server!, "request");
  const answer = fetchText(url, agent);
  await arrived;
  const result = await closeGracefully(server!, 5000);
  expect((await answer).status).toBe(200);
  expect(result).toEqual({ inFlight: 1, cutOff: 0 });
  agent.destroy();
});

test("close asks keep-alive clients to disconnect", async () => {
  const url = await slowServer(200);
  const agent = new Agent({ keepAlive: true });
  const arrived = once(server!, "request");
  const answer = fetchText(url, agent);
  await arrived;
  const closed = closeGracefully(server!, 5000);
  expect((await answer).connection).toBe("close");
  await closed;
  agent.destroy();
});

test("close cuts requests off at the deadline", async () => {
  const url = await slowServer(5000);
  const agent = new Agent({ keepAlive: true });
  const arrived = once(server!, "request");
  const answer = fetchText(url, agent).catch((error: Error) => error);
  await arrived;
  const started = performance.now();
  const result = await closeGracefully(server!, 100);
  expect(performance.now() - started).toBeLessThan(2000);
  expect(result).toEqual({ inFlight: 1, cutOff: 1 });
  expect(await answer).toBeInstanceOf(Error);
  agent.destroy();
});

test("close with nothing in flight ends at once", async () => {
  await slowServer(10);
  const started = performance.now();
  const result = await closeGracefully(server!, 5000);
  expect(performance.now() - started).toBeLessThan(1000);
  expect(result).toEqual({ inFlight: 0, cutOff: 0 });
});
