/**
 * Turns the spans of a run into the rows of a timeline: one row per
 * customer (and per process or pod when there are several), one bar
 * per action. Large runs keep their first rows and count the rest.
 */
import {
  ACTIONS,
  overlap,
  type Action,
  type Span,
} from "@coffee/shared";
import type { RunSpans } from "./spans-in.ts";

/** One action drawn on the time axis, in ms from the first start. */
export interface Bar {
  action: Action;
  start: number;
  end: number;
}

/** One customer: a single lane, or one lane per action if they overlap. */
export interface Row {
  customer: number;
  /** The process or pod that ran the customer, "" without a name. */
  source: string;
  label: string;
  lanes: Bar[][];
}

/** The rows to draw, and the counts that a summary prints for the rest. */
export interface Layout {
  rows: Row[];
  /** Customers not drawn, when known (no span was dropped). */
  hiddenCustomers: number | undefined;
  /** Actions recorded but not drawn. */
  hiddenActions: number;
  /** The end of the last action, which is the length of the axis. */
  duration: number;
  run: RunSpans;
}

/** More customers than this are summarised instead of drawn. */
export const MAX_ROWS = 24;

/** How many rows a summary of a large run still draws. */
export const SUMMARY_ROWS = 10;

function groupByCustomer(spans: readonly Span[]): Span[][] {
  const groups = new Map<string, Span[]>();
  for (const span of spans) {
    const key = `${span.source ?? ""}\u0000${span.customer}`;
    const group = groups.get(key) ?? [];
    group.push(span);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function lanesOf(group: readonly Span[]): Bar[][] {
  const bars = [...group]
    .sort((a, b) => a.start - b.start)
    .map(({ action, start, end }) => ({ action, start, end }));
  const overlapping = group.some((a, i) =>
    group.slice(i + 1).some((b) => overlap(a, b)),
  );
  if (!overlapping) return [bars];
  return ACTIONS.map((action) =>
    bars.filter((bar) => bar.action === action),
  ).filter((lane) => lane.length > 0);
}

function toRow(group: readonly Span[], named: boolean): Row {
  const { customer, source = "" } = group[0]!;
  const label = named
    ? `${source || "?"} customer ${customer}`
    : `customer ${customer}`;
  return { customer, source, label, lanes: lanesOf(group) };
}

function firstStart(group: readonly Span[]): number {
  return Math.min(...group.map((span) => span.start));
}

/** Lays out `run`; more than `maxRows` customers are summarised. */
export function layoutTimeline(
  run: RunSpans,
  maxRows = MAX_ROWS,
): Layout {
  const named = [...run.perSource.keys()].some((name) => name !== "");
  const groups = groupByCustomer(run.spans).sort(
    (a, b) =>
      firstStart(a) - firstStart(b) || a[0]!.customer - b[0]!.customer,
  );
  const shown = groups.length > maxRows ? SUMMARY_ROWS : groups.length;
  const rows = groups.slice(0, shown).map((g) => toRow(g, named));
  const drawn = rows.reduce(
    (sum, row) => sum + row.lanes.flat().length,
    0,
  );
  const complete = run.total === run.spans.length;
  return {
    rows,
    hiddenCustomers: complete ? groups.length - shown : undefined,
    hiddenActions: run.total - drawn,
    duration: Math.max(0, run.lastEnd),
    run,
  };
}
