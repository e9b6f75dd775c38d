/**
 * Reads the span files that a step's processes wrote on exit
 * (`COFFEE_SPANS_DIR`) and puts all their spans on one time axis that
 * starts at the first action.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Span, SpanFile } from "@coffee/shared";

/** The spans of one run on one axis, in ms from the first start. */
export interface RunSpans {
  spans: Span[];
  /** Every action recorded, kept or not, over all processes. */
  total: number;
  /** The spread of every action's start and end, kept or not. */
  firstStart: number;
  lastStart: number;
  firstEnd: number;
  lastEnd: number;
  /** Actions recorded per process or pod name ("" without a name). */
  perSource: Map<string, number>;
}

/** Reads every `spans-*.json` in `dir`; throws if one is invalid. */
export function readSpanFiles(dir: string): SpanFile[] {
  return readdirSync(dir)
    .filter((name) => /^spans-\d+\.json$/.test(name))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      try {
        return JSON.parse(readFileSync(file, "utf8")) as SpanFile;
      } catch (error) {
        throw new Error(
          `invalid span file ${file}: ${(error as Error).message}`,
        );
      }
    });
}

/**
 * Merges span files onto one axis: each process's clock starts at its
 * own `timeOrigin`, so its times are shifted by the difference.
 */
export function mergeSpanFiles(files: readonly SpanFile[]): RunSpans {
  const used = files.filter((file) => file.totals.count > 0);
  const origin = Math.min(...used.map((file) => file.timeOrigin));
  const shift = (file: SpanFile) => file.timeOrigin - origin;
  const zero = Math.min(
    ...used.map((file) => file.totals.firstStart + shift(file)),
  );
  const at = (file: SpanFile, time: number) =>
    time + shift(file) - zero;
  const bound = (pick: (file: SpanFile) => number, max: boolean) => {
    const times = used.map((file) => at(file, pick(file)));
    return used.length === 0
      ? 0
      : (max ? Math.max : Math.min)(...times);
  };
  const perSource = new Map<string, number>();
  for (const file of used) {
    const name = file.source ?? "";
    perSource.set(name, (perSource.get(name) ?? 0) + file.totals.count);
  }
  return {
    spans: used.flatMap((file) =>
      file.spans.map((span) => ({
        ...span,
        source: span.source ?? file.source,
        start: at(file, span.start),
        end: at(file, span.end),
      })),
    ),
    total: used.reduce((sum, file) => sum + file.totals.count, 0),
    firstStart: bound((file) => file.totals.firstStart, false),
    lastStart: bound((file) => file.totals.lastStart, true),
    firstEnd: bound((file) => file.totals.firstEnd, false),
    lastEnd: bound((file) => file.totals.lastEnd, true),
    perSource,
  };
}
