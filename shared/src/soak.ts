/**
 * A soak: steady load on a step's real server process for a fixed
 * time, with its memory after garbage collection and the latency of
 * every request recorded. Loopback only, bounded in time and count.
 * Test code only.
 */
import { Agent, get } from "node:http";
import { fileURLToPath } from "node:url";
import { now } from "./clock.ts";
import { startTestProcess, type TestProcess } from "./test-process.ts";

/** The load of a soak: its length, clients and request size. */
export interface SoakPlan {
  /** The step's folder, whose `src/main.ts` is started. */
  stepDir: string;
  seconds: number;
  /** Clients that each send one request after another. */
  clients: number;
  customersPerRequest: number;
  /** The step's `COFFEE_SPEED`. */
  speed: number;
  /** The maximum number of requests sent in all, whatever the time. */
  maxRequests: number;
}

/** The figures that a soak measured. */
export interface SoakResult {
  sent: number;
  failed: number;
  /** Latency percentiles of each tenth of the run, in ms. */
  windows: { p50: number; p99: number; requests: number }[];
  /** Heap used after garbage collection, in MiB, oldest first. */
  heapMiB: number[];
  /** Resident set size at the same moments, in MiB. */
  rssMiB: number[];
  /** Whether the server process was still running at the end. */
  alive: boolean;
}

const PROBE = fileURLToPath(
  new URL("./heap-probe.ts", import.meta.url),
);
const MIB = 2 ** 20;

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(
    sorted.length - 1,
    Math.floor(sorted.length * fraction),
  );
  return sorted[index]!;
}

function request(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(0));
    });
    req.on("error", () => resolve(0));
  });
}

async function startServer(
  plan: SoakPlan,
): Promise<[TestProcess, string]> {
  const server = startTestProcess("src/main.ts", {
    cwd: plan.stepDir,
    nodeFlags: ["--expose-gc", "--import", PROBE],
    env: {
      PORT: "0",
      HOST: "127.0.0.1",
      COFFEE_SPEED: String(plan.speed),
      COFFEE_LOG: "summary",
      COFFEE_HEAP_EVERY_MS: String((plan.seconds * 1000) / 12),
    },
  });
  const [, url] = await server.waitForLine(/listening on (http\S+)/);
  return [server, url!];
}

/** The requests of a soak: how many, how many failed, and when. */
export interface SoakLoad {
  sent: number;
  failed: number;
  /** Each request's start, from the soak's start, and its latency, in ms. */
  samples: [at: number, ms: number][];
}

/**
 * Sends the load of `plan` to `url` from kept-alive connections until
 * its time or request count runs out.
 */
export async function driveLoad(
  plan: Omit<SoakPlan, "stepDir" | "speed">,
  url: string,
): Promise<SoakLoad> {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: plan.clients,
  });
  const started = now();
  const deadline = started + plan.seconds * 1000;
  const samples: [at: number, ms: number][] = [];
  let sent = 0;
  let failed = 0;
  const client = async () => {
    while (now() < deadline && sent < plan.maxRequests) {
      sent += 1;
      const begin = now();
      const status = await request(agent, url);
      if (status !== 200) failed += 1;
      samples.push([begin - started, now() - begin]);
    }
  };
  await Promise.all(Array.from({ length: plan.clients }, client));
  agent.destroy();
  return { sent, failed, samples };
}

/** Runs the soak of `plan` and stops the server; resolves with figures. */
export async function runSoak(plan: SoakPlan): Promise<SoakResult> {
  const [server, base] = await startServer(plan);
  const url = `${base}/serve-customer/${plan.customersPerRequest}`;
  const { sent, failed, samples } = await driveLoad(plan, url);
  const alive = server.child.exitCode === null;
  process.kill(-server.pid, "SIGTERM");
  await server.exited;
  return {
    sent,
    failed,
    alive,
    windows: latencyWindows(plan.seconds, samples),
    ...memory(server.lines),
  };
}

/** Returns the latency percentiles of each tenth of the run, in ms. */
export function latencyWindows(
  seconds: number,
  samples: [number, number][],
): SoakResult["windows"] {
  const width = (seconds * 1000) / 10;
  return Array.from({ length: 10 }, (_, i) => {
    const latencies = samples
      .filter(([at]) => at >= i * width && at < (i + 1) * width)
      .map(([, ms]) => ms)
      .sort((a, b) => a - b);
    return {
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      requests: latencies.length,
    };
  });
}

function memory(
  lines: string[],
): Pick<SoakResult, "heapMiB" | "rssMiB"> {
  const probes = lines
    .map((line) => /^heap-probe (\d+) (\d+)$/.exec(line))
    .filter((match) => match !== null);
  return {
    heapMiB: probes.map((match) => Number(match[1]) / MIB),
    rssMiB: probes.map((match) => Number(match[2]) / MIB),
  };
}
