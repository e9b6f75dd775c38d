/**
 * Hands a process's spans to the command that started it: with
 * `COFFEE_SPANS_DIR` set, the process writes them to
 * `<dir>/spans-<pid>.json` when it exits, so a runner can draw one
 * timeline from several processes. Off unless the variable is set.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { sourceName } from "./log.ts";
import { spans, type Span, type SpanTotals } from "./spans.ts";

/** The environment variable that names the folder for span files. */
export const SPANS_DIR_ENV = "COFFEE_SPANS_DIR";

/** The spans of one process, and where its clock started. */
export interface SpanFile {
  pid: number;
  /** The process or pod name, if it has one. */
  source?: string | undefined;
  /**
   * `performance.timeOrigin` of the process, in ms since the epoch:
   * add it to a span's times to put spans of several processes on
   * one time axis.
   */
  timeOrigin: number;
  totals: SpanTotals;
  /** Spans recorded but not kept (see SpanRecorder). */
  dropped: number;
  spans: Span[];
}

/** Returns this process's spans as a span file. */
export function spanFile(): SpanFile {
  return {
    pid: process.pid,
    source: sourceName(),
    timeOrigin: performance.timeOrigin,
    totals: spans.totals(),
    dropped: spans.dropped(),
    spans: spans.list(),
  };
}

/** Writes this process's span file into `dir`; returns its path. */
export function writeSpanFile(dir: string): string {
  const file = path.join(dir, `spans-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(spanFile()));
  return file;
}

let exporting = false;

/**
 * Writes the span file when the process exits, if `COFFEE_SPANS_DIR`
 * is set. A process killed by SIGKILL or a fatal error writes none.
 */
export function exportSpansOnExit(): void {
  const dir = process.env[SPANS_DIR_ENV];
  if (!dir || exporting) return;
  exporting = true;
  process.once("exit", () => {
    try {
      writeSpanFile(dir);
    } catch (error) {
      process.stderr.write(
        `could not write spans to ${dir}: ${(error as Error).message}\n`,
      );
    }
  });
}
