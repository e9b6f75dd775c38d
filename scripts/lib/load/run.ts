/**
 * Runs autocannon against one URL and counts what came back: requests
 * per second, latency percentiles, errors, non-2xx responses, and how
 * many responses each replica sent (from `X-Served-By`, or from the
 * JSON body's `servedBy` or `replica`).
 */
import autocannon from "autocannon";
import { SERVED_BY_HEADER } from "@coffee/shared";

/** How much load to send, and where. */
export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds to send for, unless `amount` is set. */
  durationS: number;
  /** Requests to send in all; ends the run instead of `durationS`. */
  amount?: number | undefined;
  /** Seconds a request may take before it counts as a timeout. */
  timeoutS: number;
}

/** The measurements of a load run, with latencies in ms. */
export interface LoadReport {
  requests: number;
  durationS: number;
  requestsPerSecond: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses per status code, such as { "200": 98, "500": 2 }. */
  statusCodes: Record<string, number>;
  /** Errors per code, such as { ECONNREFUSED: 10 }. */
  errorCodes: Record<string, number>;
  /** Responses per replica name, "(unnamed)" for those without one. */
  replicas: Record<string, number>;
}

/** The replica name used when an answer names none. */
export const UNNAMED = "(unnamed)";

/** Returns the replica that sent an answer, from its header or body. */
export function replicaOf(
  headers: Record<string, string | string[] | undefined>,
  body: string,
): string {
  const wanted = SERVED_BY_HEADER.toLowerCase();
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === wanted && value) return String(value);
  }
  if (body.startsWith("{")) {
    try {
      const json = JSON.parse(body) as Record<string, unknown>;
      const named = json.servedBy ?? json.replica;
      if (typeof named === "string" && named) return named;
    } catch {
      // Not JSON after all: the answer names no replica.
    }
  }
  return UNNAMED;
}

/** Sends the load and resolves with what it measured. */
export async function runLoad(
  options: LoadOptions,
): Promise<LoadReport> {
  const replicas: Record<string, number> = {};
  const statusCodes: Record<string, number> = {};
  const errorCodes: Record<string, number> = {};
  const settings: autocannon.Options = {
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    amount: options.amount,
    timeout: options.timeoutS,
    // Each connection is kept alive, so behind the stand-in or a
    // Service it stays on one replica. NOTE: autocannon 9.0.0's
    // reconnectRate is not used, because the response that ends each
    // connection is then left uncounted (lib/httpClient.js).
    headers: { accept: "application/json" },
    requests: [
      {
        onResponse: (status, body, _context, headers) => {
          statusCodes[status] = (statusCodes[status] ?? 0) + 1;
          const replica = replicaOf(headers ?? {}, body ?? "");
          replicas[replica] = (replicas[replica] ?? 0) + 1;
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>(
    (resolve, reject) => {
      const run = autocannon(settings, (error, done) =>
        error ? reject(error) : resolve(done),
      );
      run.on("reqError", (error: NodeJS.ErrnoException) => {
        const code = error.code ?? error.message;
        errorCodes[code] = (errorCodes[code] ?? 0) + 1;
      });
    },
  );
  const answered = Object.values(statusCodes).reduce(
    (a, b) => a + b,
    0,
  );
  return {
    requests: answered,
    durationS: result.duration,
    requestsPerSecond:
      result.duration > 0 ? answered / result.duration : 0,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    errorCodes,
    replicas,
  };
}
