import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseLoadArgs } from "../lib/load/args.ts";
import { replicaOf, runLoad, UNNAMED } from "../lib/load/run.ts";
import { checkTarget, isLoopback } from "../lib/load/target.ts";
import { freePort } from "../lib/ports.ts";
import { runScript } from "./helpers.ts";

describe("counts against a test server", () => {
  let server: Server;
  let url = "";
  let answered = 0;
  /** The client ports that requests came from: one per connection. */
  const clientPorts = new Set<number>();

  beforeAll(async () => {
    // Two replicas take turns, and every fifth answer is a 500.
    server = createServer((req, res) => {
      answered += 1;
      clientPorts.add(req.socket.remotePort!);
      const replica = answered % 2 === 0 ? "pod-a" : "pod-b";
      res.statusCode = answered % 5 === 0 ? 500 : 200;
      res.setHeader("X-Served-By", replica);
      res.end("ok\n");
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    const { port } = server.address() as AddressInfo;
    url = `http://127.0.0.1:${port}/serve-customer/3`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test("counts answers, replicas and failures", async () => {
    answered = 0;
    const report = await runLoad({
      url,
      connections: 2,
      durationS: 10,
      amount: 20,
      timeoutS: 5,
    });
    expect(report.requests).toBe(20);
    expect(report.replicas).toEqual({ "pod-a": 10, "pod-b": 10 });
    expect(report.statusCodes).toEqual({ "200": 16, "500": 4 });
    expect(report.non2xx).toBe(4);
    expect(report.errors).toBe(0);
    expect(report.latency.max).toBeGreaterThanOrEqual(
      report.latency.p50,
    );
  });

  test("keeps each connection alive", async () => {
    clientPorts.clear();
    await runLoad({
      url,
      connections: 2,
      durationS: 10,
      amount: 20,
      timeoutS: 5,
    });
    expect(clientPorts.size).toBe(2);
  });
});

describe("a port where nothing listens", () => {
  test("counts refused connections", async () => {
    const port = await freePort();
    const report = await runLoad({
      url: `http://127.0.0.1:${port}/serve-customer/3`,
      connections: 1,
      durationS: 1,
      timeoutS: 1,
    });
    expect(report.requests).toBe(0);
    expect(report.errorCodes.ECONNREFUSED).toBeGreaterThan(0);
  });

  test("pnpm load stops at once with a hint", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/serve-customer/3`;
    const run = await runScript("load", [
      "--url",
      url,
      "--duration",
      "30",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`connection refused at ${url}`);
    expect(run.stdout).toContain("pnpm step 5 --serve");
    expect(run.stdout).not.toContain("GET http");
  }, 20_000);
});

describe("replica names", () => {
  test("come from the header first", () => {
    const body = JSON.stringify({ servedBy: "pod-b" });
    expect(replicaOf({ "X-Served-By": "pod-a" }, body)).toBe("pod-a");
  });

  test("come from the JSON answer", () => {
    expect(replicaOf({}, JSON.stringify({ servedBy: "pod-b" }))).toBe(
      "pod-b",
    );
    expect(replicaOf({}, JSON.stringify({ replica: "pod-c" }))).toBe(
      "pod-c",
    );
  });

  test("are unnamed otherwise", () => {
    expect(replicaOf({}, "Took 2s to serve coffee")).toBe(UNNAMED);
    expect(replicaOf({}, "{not json")).toBe(UNNAMED);
  });
});

describe("targets", () => {
  test.each(["127.0.0.1", "127.1.2.3", "[::1]", "localhost"])(
    "accepts loopback %s",
    (host) => {
      expect(isLoopback(host)).toBe(true);
    },
  );

  test.each([
    "10.0.0.1",
    "192.168.1.2",
    "example.com",
    "169.254.169.254",
  ])("rejects %s without the flag", (host) => {
    expect(() => checkTarget(`http://${host}:8080/`, false)).toThrow(
      /not on this machine/,
    );
  });

  test("accepts a remote host with the flag", () => {
    const url = checkTarget("http://example.com:8080/x", true);
    expect(url.hostname).toBe("example.com");
  });

  test("rejects other protocols", () => {
    expect(() => checkTarget("ftp://127.0.0.1/", false)).toThrow(
      /only http and https/,
    );
  });
});

describe("arguments", () => {
  test("defaults start step 5 for 10 s", () => {
    const command = parseLoadArgs([]);
    expect(command).not.toBe("help");
    if (command === "help") return;
    expect(command.step?.number).toBe(5);
    expect(command.load.connections).toBe(10);
    expect(command.load.durationS).toBe(10);
    expect(command.load.amount).toBeUndefined();
  });

  test("bounds connections and amount", () => {
    expect(() => parseLoadArgs(["--connections", "5000"])).toThrow(
      /from 1 to 1000/,
    );
    expect(() => parseLoadArgs(["--amount", "0"])).toThrow(
      /whole number/,
    );
  });

  test("rejects a step and a url together", () => {
    expect(() =>
      parseLoadArgs(["5", "--url", "http://127.0.0.1:8080/"]),
    ).toThrow(/not both/);
  });
});
