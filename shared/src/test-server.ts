/**
 * Runs a step's app on a real HTTP server on 127.0.0.1, on a port the
 * system picks, and keeps what it logs. Test code only.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { listen } from "./http.ts";
import { setLogSink } from "./log.ts";
import { sleep } from "./clock.ts";

/** How long `waitForLine` waits before it fails, in ms. */
const LINE_TIMEOUT_MS = 10_000;

async function waitForLine(
  lines: readonly string[],
  pattern: RegExp,
): Promise<string> {
  const deadline = performance.now() + LINE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const found = lines.find((line) => pattern.test(line));
    if (found !== undefined) return found;
    await sleep(10);
  }
  throw new Error(
    `no log line matched ${pattern} within 10 s:\n${lines.join("\n")}`,
  );
}

/** A running server and the lines it logged, newest last. */
export interface TestServer {
  server: Server;
  port: number;
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  /** Every line logged since the start, colours included. */
  lines: string[];
  /** Resolves with the first logged line that matches `pattern`. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Closes every connection and the server; logs go back to stdout. */
  close(): Promise<void>;
}

/**
 * Starts `app` through the shared `listen`, with `COFFEE_LOG` at
 * `summary` (no action lines) and the log lines kept in memory.
 */
export async function startTestServer(
  app: Express,
): Promise<TestServer> {
  const savedLog = process.env.COFFEE_LOG;
  const lines: string[] = [];
  process.env.COFFEE_LOG = "summary";
  setLogSink((line) => lines.push(line));
  const server = await listen(app, { port: 0, host: "127.0.0.1" });
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    setLogSink(undefined);
    if (savedLog === undefined) delete process.env.COFFEE_LOG;
    else process.env.COFFEE_LOG = savedLog;
  };
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    lines,
    waitForLine: (pattern: RegExp) => waitForLine(lines, pattern),
    close,
  };
}
