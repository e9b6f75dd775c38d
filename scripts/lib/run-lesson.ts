/**
 * Sends a lesson's requests to wherever the step runs (the local
 * stand-in, a container or a cluster) and collects the outcomes.
 */
import { formatMs, startStopwatch } from "@coffee/shared";
import { say } from "./cli.ts";
import { printTable, type Lesson, type Outcome } from "./lessons.ts";
import { get } from "./run-step.ts";

/** Where the requests go, and how to learn of restarts. */
export interface Target {
  /** Resolves with the base URL once the pods are ready. */
  whenReady(): Promise<string | undefined>;
  /** How many restarts were seen so far. */
  restartCount(): Promise<number>;
  /**
   * Resolves with the reason of the restart after `seen` restarts,
   * or undefined when none comes.
   */
  restartAfter(seen: number): Promise<string | undefined>;
}

const SERVED_BY = /\(served by ([^)]+)\)/;

/** Sends one request and tells what came back. */
async function serve(
  target: Target,
  customers: number,
): Promise<Outcome> {
  const base = await target.whenReady();
  if (!base) {
    return {
      customers,
      ok: false,
      result: "no pod ready",
      waited: "0s",
    };
  }
  const seen = await target.restartCount();
  const stopwatch = startStopwatch();
  const answer = await get(`${base}/serve-customer/${customers}`);
  const waited = formatMs(stopwatch.elapsedMs());
  const text = answer.text.trim();
  if (answer.status === 200) {
    const servedBy = SERVED_BY.exec(text)?.[1];
    const took = /^Took (\S+)/.exec(text)?.[1] ?? text;
    return { customers, ok: true, result: took, waited, servedBy };
  }
  if (answer.status !== 0) {
    return {
      customers,
      ok: false,
      result: `${answer.status} ${text}`,
      waited,
    };
  }
  const reason = await target.restartAfter(seen);
  const result = !reason
    ? `no answer (${text})`
    : reason.includes("out of memory")
      ? "out of memory, restarted"
      : `crashed (${reason}), restarted`;
  return { customers, ok: false, result, waited };
}

/**
 * Runs the lesson against `target`, prints its table, and resolves
 * with the outcomes. A sequence stops at its first failure, as the
 * talk's did.
 */
export async function runLesson(
  lesson: Lesson,
  target: Target,
  customers: number,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  if (lesson.kind === "concurrent") {
    say(
      `${lesson.requests} requests of ${lesson.count} customers at once`,
    );
    const all = Array.from({ length: lesson.requests }, () =>
      serve(target, lesson.count),
    );
    outcomes.push(...(await Promise.all(all)));
  } else {
    const counts =
      lesson.kind === "sequence" ? lesson.counts : [customers];
    for (const count of counts) {
      say(`GET /serve-customer/${count}`);
      const outcome = await serve(target, count);
      outcomes.push(outcome);
      if (!outcome.ok) break;
    }
  }
  printTable(outcomes);
  // After a crash, wait for the restarted pod, as kubectl get pods
  // would show it: running again, with its restart counted.
  if (outcomes.some((o) => !o.ok)) await target.whenReady();
  const restarts = await target.restartCount();
  say(`restarts: ${restarts}`);
  return outcomes;
}
