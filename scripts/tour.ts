/**
 * `pnpm tour`: walks through the steps in order. For each, the
 * lesson's headline and key paragraph, the step run and timed, what
 * to notice, then a pause. Ends with a table of the times.
 */
import { createInterface } from "node:readline/promises";
import { parseSpeed } from "@coffee/shared";
import { isBuilt, steps, type Step } from "./lib/catalog.ts";
import { stopChildrenOnExit } from "./lib/children.ts";
import {
  colours,
  findStep,
  parseOptions,
  runCommand,
  say,
  UsageError,
} from "./lib/cli.ts";
import { renderMarkdown } from "./lib/markdown.ts";
import { whereYouAre } from "./lib/progress.ts";
import {
  runProgram,
  runServer,
  type RunOptions,
} from "./lib/run-step.ts";
import { showProgress } from "./lib/status-line.ts";
import {
  idealMs,
  lessonText,
  resultsTable,
  tookMs,
  TOUR_CUSTOMERS,
  type TourRow,
} from "./lib/tour.ts";

/**
 * The default speed: an action waits 500 ms, so the actions of steps
 * 1 to 10 take about 11 s in all, and the tour a few minutes.
 */
export const DEFAULT_SPEED = 4;

/** Steps whose ideal time is longer than this show a progress bar, in ms. */
const PROGRESS_FROM_MS = 1500;

const HELP = `Usage: pnpm tour [--speed X] [--from N] [--yes]

Walks through the steps in order: each lesson's idea, the step run and
timed, what to notice, then a pause. Ends with a table of the times.

Options:
  --speed X  run X times faster than the talk: an action waits
             2000 ms / X (default ${DEFAULT_SPEED}; 1 is the talk's real 2 s)
  --from N   start at step N, for example to resume
  --yes      run every step without pausing (also when there is no
             terminal, such as in CI or a pipe)
  --help     show this help`;

const write = (text = "") => process.stdout.write(`${text}\n`);

function showLesson(step: Step): string {
  const lesson = lessonText(step);
  if (!lesson) {
    write(renderMarkdown(`# Step ${step.number}: ${step.title}`));
    say(colours.dim("(the lesson's README is not written yet)"));
    return "";
  }
  process.stdout.write(renderMarkdown(lesson.headline));
  if (lesson.key) process.stdout.write(renderMarkdown(lesson.key));
  return lesson.notice;
}

async function runStep(step: Step, speed: number): Promise<TourRow> {
  let ours: number | undefined;
  const options: RunOptions = {
    step,
    customers: TOUR_CUSTOMERS,
    speed,
    serve: false,
    port: 8080,
    onLine: (line) => {
      ours = tookMs(line) ?? ours;
    },
  };
  const ideal = idealMs(step, speed);
  const label = `step ${step.number}`;
  const stopProgress =
    ideal >= PROGRESS_FROM_MS ? showProgress(label, ideal) : () => {};
  try {
    const code =
      step.kind === "program"
        ? await runProgram(options)
        : await runServer(options);
    if (code !== 0) return { step, note: `failed (exit ${code})` };
  } finally {
    stopProgress();
  }
  return ours === undefined
    ? { step, note: "no Took line (COFFEE_LOG?)" }
    : { step, ours };
}

async function pause(ask: boolean, last: boolean): Promise<boolean> {
  if (!ask || last) return true;
  const prompt = createInterface({
    input: process.stdin,
    output: process.stdout,
  });
  try {
    const answer = await prompt.question(
      colours.dim("Enter: next step · q: stop the tour "),
    );
    return !/^q/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}

function parseTourArgs(argv: string[]) {
  const args = parseOptions(
    argv,
    {
      string: ["speed", "from"],
      boolean: ["yes", "help"],
      alias: { y: "yes", h: "help" },
    },
    "tour",
  );
  if (args._.length > 0) {
    throw new UsageError(
      `unknown argument ${args._.join(" ")}: see pnpm tour --help`,
    );
  }
  return {
    help: Boolean(args.help),
    speed:
      args.speed === undefined
        ? DEFAULT_SPEED
        : parseSpeed(String(args.speed)),
    from: args.from === undefined ? 1 : findStep(args.from).number,
    ask:
      !args.yes && Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

async function main(): Promise<number> {
  const options = parseTourArgs(process.argv.slice(2));
  if (options.help) {
    write(HELP);
    return 0;
  }
  stopChildrenOnExit();
  const chosen = steps.filter((s) => s.number >= options.from);
  const rows: TourRow[] = [];
  say(
    colours.bold(
      `The tour: steps ${options.from} to ${steps.length}, at speed ${options.speed}`,
    ) + (options.ask ? "" : colours.dim(" (without pauses)")),
  );
  for (const [i, step] of chosen.entries()) {
    write();
    write(
      colours.bold.inverse(` Step ${step.number} of ${steps.length} `),
    );
    if (!isBuilt(step)) {
      say(
        `Step ${step.number}, ${step.title}: not built yet, skipped.`,
      );
      rows.push({ step, note: "not built yet" });
      continue;
    }
    const notice = showLesson(step);
    rows.push(await runStep(step, options.speed));
    if (notice)
      process.stdout.write(renderMarkdown(`**Notice:** ${notice}`));
    say(whereYouAre(step));
    const last = i === chosen.length - 1;
    if (!(await pause(options.ask, last))) {
      say(
        `Tour stopped. Resume with pnpm tour --from ${step.number + 1}`,
      );
      break;
    }
  }
  write();
  write(resultsTable(rows, options.speed));
  say(
    "Times are each step's own Took line; the talk's are the talk's.",
  );
  return rows.some((row) => row.note?.startsWith("failed")) ? 1 : 0;
}

await runCommand(main);
