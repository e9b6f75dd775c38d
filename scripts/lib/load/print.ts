/** Prints a load report as a person reads it. */
import type { LoadReport } from "./run.ts";

const count = (n: number) => n.toLocaleString("en-US");

/** Returns the report as lines of text. */
export function reportLines(report: LoadReport): string[] {
  const { latency } = report;
  const lines = [
    `${count(report.requests)} responses in ${report.durationS.toFixed(1)} s: ` +
      `${report.requestsPerSecond.toFixed(1)} requests per second`,
    `latency: p50 ${latency.p50} ms, p90 ${latency.p90} ms, ` +
      `p99 ${latency.p99} ms, max ${latency.max} ms`,
    `errors: ${report.errors} (${Object.entries({
      ...report.errorCodes,
      timeouts: report.timeouts,
    })
      .map(([code, n]) => `${code}: ${count(n)}`)
      .join(", ")}), non-2xx responses: ${report.non2xx}`,
    `status codes: ${
      Object.entries(report.statusCodes)
        .map(([code, n]) => `${code} × ${count(n)}`)
        .join(", ") || "none"
    }`,
    "served by:",
  ];
  const replicas = Object.entries(report.replicas).sort(
    (a, b) => b[1] - a[1],
  );
  for (const [replica, n] of replicas) {
    const share = report.requests > 0 ? (100 * n) / report.requests : 0;
    lines.push(`  ${replica}: ${count(n)} (${share.toFixed(1)}%)`);
  }
  return lines;
}
