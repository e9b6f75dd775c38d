/**
 * The parts of `pnpm tour`: the text it shows of each lesson, the
 * time of a step, and the closing table.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ACTION_MS, formatMs, parseDuration } from "@coffee/shared";
import Table from "cli-table3";
import { stepDir, type Step } from "./catalog.ts";
import { paragraphs, section } from "./markdown.ts";

/** The parts of a step's lesson README that the tour shows. */
export interface LessonText {
  /** The title and the one sentence on the idea, as Markdown. */
  headline: string;
  /** The first paragraph of "Why it matters". */
  key: string;
  /** The sentence after the Output block: what to notice. */
  notice: string;
}

/** Reads what the tour shows from a step's README, if it has one. */
export function lessonText(step: Step): LessonText | undefined {
  const file = path.join(stepDir(step), "README.md");
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, "utf8");
  const title = /^# .+$/m.exec(text)?.[0] ?? `# Step ${step.number}`;
  const intro = text.split(/^## /m)[0] ?? "";
  const idea = paragraphs(intro.replace(/^# .+$/m, ""))[0] ?? "";
  const output = section(text, "Output");
  // The paragraphs after the first block, the step's own output.
  const opening = output.indexOf("```");
  const afterBlock = output.slice(
    output.indexOf("```", opening + 3) + 3,
  );
  return {
    headline: `${title}\n\n${idea}`,
    key: paragraphs(section(text, "Why it matters"))[0] ?? "",
    // The tour shows no images, and a paragraph that ends in a colon
    // introduces a table or a block that it leaves out too.
    notice:
      paragraphs(afterBlock).find(
        (text) => !text.endsWith(":") && !text.startsWith("!["),
      ) ?? "",
  };
}

/** The customers each step serves in the tour, as in the talk. */
export const TOUR_CUSTOMERS = 3;

/** Returns the ideal time of a step at `speed`, in ms. */
export function idealMs(step: Step, speed: number): number {
  const customers = step.kind === "program" ? 1 : TOUR_CUSTOMERS;
  return (step.actionTimes(customers) * ACTION_MS) / speed;
}

const TOOK = /Took (\S+) to serve coffee to \d+ customer/;

/** Returns the ms of a step's own "Took …" log line, if `line` is one. */
export function tookMs(line: string): number | undefined {
  const match = TOOK.exec(line);
  if (!match?.[1]) return undefined;
  try {
    return parseDuration(match[1]);
  } catch {
    return undefined;
  }
}

/** One row of the closing table. */
export interface TourRow {
  step: Step;
  /** The step's own measured time, in ms; undefined if none. */
  ours?: number;
  /** The reason there is no time, such as "not built yet". */
  note?: string;
}

/** Formats ms to four significant digits, as Go would print them. */
function shortMs(ms: number): string {
  return formatMs(Number(ms.toPrecision(4)));
}

/** Returns the closing table: talk's time, ideal, ours and ratio. */
export function resultsTable(rows: TourRow[], speed: number): string {
  const table = new Table({
    head: [
      "step",
      "the talk's result",
      `ideal, speed ${speed}`,
      "ours",
      "ours/ideal",
    ],
    colWidths: [24, 26, 13, 13, 12],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const { step, ours, note } of rows) {
    const ideal = idealMs(step, speed);
    const ratio =
      ours === undefined
        ? ""
        : ideal === 0
          ? "answers first"
          : `${(ours / ideal).toFixed(2)} ×`;
    table.push([
      `${step.number} ${step.talkTitle}`,
      step.talkResult,
      formatMs(ideal),
      ours === undefined ? (note ?? "no time") : shortMs(ours),
      ratio,
    ]);
  }
  return table.toString();
}
