import { stripVTControlCharacters } from "node:util";
import {
  terminalColours,
  type Action,
  type Span,
  type SpanFile,
} from "@coffee/shared";
import { describe, expect, test } from "vitest";
import {
  layoutTimeline,
  MAX_ROWS,
  SUMMARY_ROWS,
} from "../lib/timeline/layout.ts";
import {
  mergeSpanFiles,
  type RunSpans,
} from "../lib/timeline/spans-in.ts";
import { timelineSvg } from "../lib/timeline/svg.ts";
import { barColumns, drawTimeline } from "../lib/timeline/text.ts";

const ORDER: Action[] = ["pay", "espresso", "milk"];

/** Spans of `customers` as a step with the given shape records them. */
function shape(
  customers: number,
  place: (customer: number, step: number) => number,
): Span[] {
  const spans: Span[] = [];
  for (let customer = 1; customer <= customers; customer++) {
    ORDER.forEach((action, step) => {
      const start = place(customer, step) * 100;
      spans.push({ customer, action, start, end: start + 100 });
    });
  }
  return spans;
}

function fileOf(
  spans: Span[],
  extra: Partial<SpanFile> = {},
): SpanFile {
  const starts = spans.map((span) => span.start);
  const ends = spans.map((span) => span.end);
  return {
    pid: 1,
    timeOrigin: 1000,
    totals: {
      count: spans.length,
      firstStart: Math.min(...starts),
      lastStart: Math.max(...starts),
      firstEnd: Math.min(...ends),
      lastEnd: Math.max(...ends),
    },
    dropped: 0,
    spans,
    ...extra,
  };
}

const staircase = shape(3, (c, step) => (c - 1) * 3 + step);
const allAtOnce = shape(3, (_c, step) => step);
const oneColumn = shape(3, () => 0);

function draw(run: RunSpans, width = 52): string[] {
  const colours = terminalColours();
  return drawTimeline(layoutTimeline(run), { width, colours }).map(
    stripVTControlCharacters,
  );
}

describe("layout", () => {
  test("one row per customer in order", () => {
    const layout = layoutTimeline(mergeSpanFiles([fileOf(staircase)]));
    expect(layout.rows.map((row) => row.label)).toEqual([
      "customer 1",
      "customer 2",
      "customer 3",
    ]);
    expect(layout.duration).toBe(900);
  });

  test("sequential actions share one lane", () => {
    const layout = layoutTimeline(mergeSpanFiles([fileOf(allAtOnce)]));
    for (const row of layout.rows) {
      expect(row.lanes).toHaveLength(1);
      expect(row.lanes[0]!.map((bar) => bar.action)).toEqual(ORDER);
    }
  });

  test("overlapping actions get a lane each", () => {
    const layout = layoutTimeline(mergeSpanFiles([fileOf(oneColumn)]));
    for (const row of layout.rows) {
      expect(row.lanes.map((lane) => lane[0]!.action)).toEqual(ORDER);
    }
  });

  test("large runs keep the first rows", () => {
    const many = shape(MAX_ROWS + 5, () => 0);
    const layout = layoutTimeline(mergeSpanFiles([fileOf(many)]));
    expect(layout.rows).toHaveLength(SUMMARY_ROWS);
    expect(layout.rows[0]!.customer).toBe(1);
    expect(layout.hiddenCustomers).toBe(MAX_ROWS + 5 - SUMMARY_ROWS);
    expect(layout.hiddenActions).toBe(
      (MAX_ROWS + 5 - SUMMARY_ROWS) * 3,
    );
  });

  test("dropped spans count as hidden actions", () => {
    const kept = shape(2, () => 0);
    const file = fileOf(kept);
    file.totals.count = 3000;
    file.dropped = 3000 - kept.length;
    const layout = layoutTimeline(mergeSpanFiles([file]));
    expect(layout.hiddenCustomers).toBeUndefined();
    expect(layout.hiddenActions).toBe(3000 - 6);
  });
});

describe("merging processes", () => {
  const a = fileOf(
    shape(1, () => 0),
    { source: "pod-a", pid: 1 },
  );
  const b = fileOf(
    shape(1, () => 0),
    {
      source: "pod-b",
      pid: 2,
      timeOrigin: 1050,
    },
  );

  test("shifts each process by its clock origin", () => {
    const run = mergeSpanFiles([a, b]);
    const starts = run.spans.map((span) => [span.source, span.start]);
    expect(starts).toContainEqual(["pod-a", 0]);
    expect(starts).toContainEqual(["pod-b", 50]);
    expect(run.lastEnd).toBe(150);
  });

  test("labels rows with the process name", () => {
    const layout = layoutTimeline(mergeSpanFiles([a, b]));
    expect(layout.rows.map((row) => row.label)).toEqual([
      "pod-a customer 1",
      "pod-b customer 1",
    ]);
  });

  test("counts actions per process", () => {
    const lines = draw(mergeSpanFiles([a, b]));
    expect(lines).toContain("pod-a ran 3 actions");
    expect(lines).toContain("pod-b ran 3 actions");
  });
});

describe("text", () => {
  test("bar columns follow the time axis", () => {
    const bar = { action: "pay" as const, start: 300, end: 600 };
    expect(barColumns(bar, 900, 90)).toEqual([30, 60]);
  });

  test("a short bar still takes one column", () => {
    const bar = { action: "pay" as const, start: 0, end: 0.001 };
    expect(barColumns(bar, 900, 90)).toEqual([0, 1]);
  });

  test("step 2 draws a staircase", () => {
    // 52 columns leave 40 for the axis: 900 ms, so 100 ms is 4.44.
    const rows = draw(mergeSpanFiles([fileOf(staircase)])).slice(0, 3);
    const firstBar = rows.map((row) => row.indexOf("P"));
    expect(firstBar[0]).toBeLessThan(firstBar[1]!);
    expect(firstBar[1]).toBeLessThan(firstBar[2]!);
    expect(rows[0]).toMatch(/│P█+E█+M█+$/);
  });

  test("step 5 draws one column", () => {
    const rows = draw(mergeSpanFiles([fileOf(oneColumn)])).slice(0, 9);
    const starts = rows.map((row) => row.search(/[PEM]/));
    expect(new Set(starts).size).toBe(1);
  });

  test("summary states the rest and the spread", () => {
    const many = shape(MAX_ROWS + 5, (c) => c / 100);
    const lines = draw(mergeSpanFiles([fileOf(many)]));
    expect(lines).toContain(
      "… 19 more customers not drawn (57 actions)",
    );
    expect(lines.at(-1)).toBe(
      "87 actions started from 0s to 28ms and ended from 100ms to 128ms",
    );
  });

  test("nothing recorded says so", () => {
    const empty = fileOf([]);
    empty.totals = { ...empty.totals, count: 0 };
    expect(draw(mergeSpanFiles([empty]))).toEqual([
      "No action was recorded.",
    ]);
  });
});

describe("svg", () => {
  test("draws one rect per action", () => {
    const layout = layoutTimeline(mergeSpanFiles([fileOf(staircase)]));
    const svg = timelineSvg(layout, "Step 2 <staircase>");
    expect(svg.match(/<rect [^>]*fill="#/g)).toHaveLength(9 + 3 + 1);
    expect(svg).toContain("Step 2 &lt;staircase&gt;");
    expect(svg.startsWith("<svg ")).toBe(true);
  });
});
