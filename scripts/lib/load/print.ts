/** Prints a load report as a person reads it. */
import type { LoadReport } from "./run.ts";

const count = (n: number) => n.toLocaleString("en-US");

/** Returns `{ code: n }` as "code × n, …", or "none". */
function tally(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([code, n]) => `${code} × ${count(n)}`);
  return parts.join(", ") || "none";
}

/** Returns the report as lines of text. */
export function reportLines(report: LoadReport): string[] {
  const { latency } = report;
  const lines = [
    `${count(report.requests)} responses in ${report.durationS.toFixed(1)} s: ` +
      `${report.requestsPerSecond.toFixed(1)} requests per second`,
  ];
  if (report.requests > 0) {
    lines.push(
      `latency: p50 ${latency.p50} ms, p90 ${latency.p90} ms, ` +
        `p99 ${latency.p99} ms, max ${latency.max} ms`,
    );
  }
  lines.push(
    `errors: ${count(report.errors)} (${tally({
      ...report.errorCodes,
      timeouts: report.timeouts,
    })}), non-2xx responses: ${count(report.non2xx)}`,
    `status codes: ${tally(report.statusCodes)}`,
  );
  if (report.requests === 0) return lines;
  lines.push("served by:");
  const replicas = Object.entries(report.replicas).sort(
    (a, b) => b[1] - a[1],
  );
  for (const [replica, n] of replicas) {
    const share = (100 * n) / report.requests;
    lines.push(`  ${replica}: ${count(n)} (${share.toFixed(1)}%)`);
  }
  return lines;
}
