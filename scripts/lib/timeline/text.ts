/**
 * Draws a timeline layout as lines of text for a terminal: a label
 * and one lane of cells per row, each action in its colour and letter,
 * so that the shape stays readable without colours too.
 */
import { ACTION_COLOURS, formatMs, type Action } from "@coffee/shared";
import type { terminalColours } from "@coffee/shared";

type ChalkInstance = ReturnType<typeof terminalColours>;
import type { Bar, Layout } from "./layout.ts";

/** The letter that starts each action's bar. */
export const ACTION_LETTERS: Record<Action, string> = {
  pay: "P",
  espresso: "E",
  milk: "M",
};

/** The width of the picture and the chalk that paints it. */
export interface TextOptions {
  /** Columns for the whole line, label included. */
  width: number;
  colours: ChalkInstance;
}

/** The minimum columns of the time axis, however narrow the screen. */
const MIN_AXIS = 20;

const count = (n: number) => n.toLocaleString("en-US");

/** Returns the first and the past-the-last column of a bar. */
export function barColumns(
  bar: Bar,
  duration: number,
  columns: number,
): [number, number] {
  const scale = duration > 0 ? columns / duration : 0;
  const from = Math.min(columns - 1, Math.round(bar.start * scale));
  const to = Math.min(columns, Math.round(bar.end * scale));
  return [from, Math.max(from + 1, to)];
}

function drawLane(
  lane: readonly Bar[],
  layout: Layout,
  columns: number,
  colours: ChalkInstance,
): string {
  let line = "";
  let used = 0;
  for (const bar of lane) {
    const [from, to] = barColumns(bar, layout.duration, columns);
    const start = Math.max(from, used);
    if (start >= to) continue;
    const cells = ACTION_LETTERS[bar.action].padEnd(to - start, "█");
    line += " ".repeat(start - used);
    line += colours[ACTION_COLOURS[bar.action]](cells);
    used = to;
  }
  return line;
}

/** Returns the lines that count what a summary left out, and the spread. */
export function summaryLines(layout: Layout): string[] {
  const { run } = layout;
  const lines: string[] = [];
  if (layout.hiddenActions > 0) {
    const customers =
      layout.hiddenCustomers === undefined
        ? "other customers"
        : `${count(layout.hiddenCustomers)} more customers`;
    lines.push(
      `… ${customers} not drawn (${count(layout.hiddenActions)} actions)`,
    );
  }
  lines.push(
    `${count(run.total)} actions started from ${formatMs(run.firstStart)}` +
      ` to ${formatMs(run.lastStart)} and ended from ` +
      `${formatMs(run.firstEnd)} to ${formatMs(run.lastEnd)}`,
  );
  return lines;
}

function sourceLines(layout: Layout): string[] {
  const named = [...layout.run.perSource].filter(([name]) => name);
  return named.map(
    ([name, actions]) => `${name} ran ${count(actions)} actions`,
  );
}

/** Draws `layout` as lines of at most `width` visible columns. */
export function drawTimeline(
  layout: Layout,
  { width, colours }: TextOptions,
): string[] {
  if (layout.run.total === 0) return ["No action was recorded."];
  const labelWidth = Math.max(
    ...layout.rows.map((r) => r.label.length),
  );
  const columns = Math.max(MIN_AXIS, width - labelWidth - 2);
  const lines: string[] = [];
  for (const row of layout.rows) {
    row.lanes.forEach((lane, i) => {
      const label = i === 0 ? row.label : "";
      const cells = drawLane(lane, layout, columns, colours);
      lines.push(`${label.padStart(labelWidth)} │${cells}`);
    });
  }
  const end = formatMs(layout.duration);
  const axis = `0s${end.padStart(columns - 2)}`;
  lines.push(`${" ".repeat(labelWidth)} └${"─".repeat(columns)}`);
  lines.push(`${" ".repeat(labelWidth)}  ${axis}`);
  const legend = (Object.keys(ACTION_LETTERS) as Action[]).map(
    (action) =>
      colours[ACTION_COLOURS[action]](
        `${ACTION_LETTERS[action]} ${action}`,
      ),
  );
  lines.push(`${" ".repeat(labelWidth)}  ${legend.join("   ")}`);
  return [...lines, ...summaryLines(layout), ...sourceLines(layout)];
}
