/**
 * The requests that steps 6 to 10 send, as the talk did, and the
 * table that shows what came back.
 */
import { colours, say } from "./cli.ts";

/** The requests of one step's lesson. */
export type Lesson =
  /** One request of `--customers` (default 3). */
  | { kind: "single" }
  /** One request per count, in order, until the first crash. */
  | { kind: "sequence"; counts: number[] }
  /** `requests` requests of `count` customers, all at once. */
  | { kind: "concurrent"; count: number; requests: number };

/** The talk's experiments, by step number. */
const LESSONS: Record<number, Lesson> = {
  8: { kind: "sequence", counts: [3, 30, 300, 3000, 30_000, 300_000] },
  9: { kind: "sequence", counts: [30_000, 3_000_000] },
  10: { kind: "concurrent", count: 30_000, requests: 2 },
};

/**
 * Returns the lesson of a step. `--customers` replaces a sequence by
 * one request, and sets the count of concurrent requests.
 */
export function lessonOf(step: number, customers?: number): Lesson {
  const lesson = LESSONS[step] ?? { kind: "single" };
  if (customers === undefined) return lesson;
  return lesson.kind === "concurrent"
    ? { ...lesson, count: customers }
    : { kind: "single" };
}

/** What one request of the lesson got. */
export interface Outcome {
  customers: number;
  /** The server's answer, or why there was none. */
  result: string;
  ok: boolean;
  /** The time the client waited, Go-formatted. */
  waited: string;
  /** The pod that served it, when the answer names one. */
  servedBy?: string | undefined;
}

/** Prints the outcomes as the talk's slide did: customers → result. */
export function printTable(outcomes: Outcome[]): void {
  const width = Math.max(
    ...outcomes.map((o) => String(o.customers).length),
  );
  const byPod = outcomes.some((o) => o.servedBy);
  say(colours.bold(`customers → result${byPod ? " (pod)" : ""}`));
  for (const o of outcomes) {
    const count = String(o.customers).padStart(width);
    const result = o.ok ? o.result : colours.red(o.result);
    const pod = o.servedBy ? `  (${o.servedBy})` : "";
    say(`  ${count} → ${result}, waited ${o.waited}${pod}`);
  }
}
