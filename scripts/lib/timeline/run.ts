/**
 * Connects `pnpm step N --timeline` to the step's processes: a
 * temporary folder named in `COFFEE_SPANS_DIR`, where each process
 * writes its spans on exit, read back after the run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SPANS_DIR_ENV, terminalColours } from "@coffee/shared";
import { layoutTimeline } from "./layout.ts";
import {
  mergeSpanFiles,
  readSpanFiles,
  type RunSpans,
} from "./spans-in.ts";
import { drawTimeline } from "./text.ts";

let spansDir: string | undefined;

function removeSpansDir(): void {
  if (spansDir) rmSync(spansDir, { recursive: true, force: true });
  spansDir = undefined;
}

/**
 * Returns the environment that makes a step's processes write their
 * spans: empty unless `timeline` is set.
 */
export function timelineEnv(options: {
  timeline?: boolean;
}): Record<string, string> {
  if (!options.timeline) return {};
  if (!spansDir) {
    spansDir = mkdtempSync(path.join(tmpdir(), "coffee-spans-"));
    process.once("exit", removeSpansDir);
  }
  return { [SPANS_DIR_ENV]: spansDir };
}

/** Reads the spans that the run's processes wrote, then removes the folder. */
export function takeRunSpans(): RunSpans {
  if (!spansDir) throw new Error("no timeline was requested");
  try {
    return mergeSpanFiles(readSpanFiles(spansDir));
  } finally {
    removeSpansDir();
  }
}

/** Prints the timeline of the run that just ended to stdout. */
export function showTimeline(): void {
  const layout = layoutTimeline(takeRunSpans());
  const lines = drawTimeline(layout, {
    width: process.stdout.columns || 100,
    colours: terminalColours(),
  });
  process.stdout.write(`\n${lines.join("\n")}\n`);
}
