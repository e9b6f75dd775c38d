/**
 * `pnpm timelines`: runs steps 1 to 5 for real, 20 times faster than
 * the talk, and writes the timeline of each run as an SVG picture to
 * docs/timelines/step-0N.svg.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, steps } from "./lib/catalog.ts";
import { stopChildrenOnExit } from "./lib/children.ts";
import { runCommand, say } from "./lib/cli.ts";
import { runProgram, runServer } from "./lib/run-step.ts";
import { layoutTimeline, type Layout } from "./lib/timeline/layout.ts";
import { takeRunSpans } from "./lib/timeline/run.ts";
import { timelineSvg } from "./lib/timeline/svg.ts";

const SPEED = 20;
const CUSTOMERS = 3;
const OUT_DIR = path.join(ROOT, "docs", "timelines");

async function main(): Promise<number> {
  stopChildrenOnExit();
  mkdirSync(OUT_DIR, { recursive: true });
  const pictures: { file: string; title: string; layout: Layout }[] =
    [];
  for (const step of steps.slice(0, 5)) {
    say(
      `Step ${step.number}: ${CUSTOMERS} customers at speed ${SPEED}`,
    );
    const options = {
      step,
      customers: CUSTOMERS,
      speed: SPEED,
      serve: false,
      port: 0,
      timeline: true,
    };
    const code =
      step.kind === "program"
        ? await runProgram(options)
        : await runServer(options);
    if (code !== 0) return code;
    const served = step.kind === "program" ? 1 : CUSTOMERS;
    const title =
      `Step ${step.number}: ${step.title} ` +
      `(${served} customer${served > 1 ? "s" : ""}, speed ${SPEED})`;
    const file = path.join(OUT_DIR, `step-0${step.number}.svg`);
    pictures.push({
      file,
      title,
      layout: layoutTimeline(takeRunSpans()),
    });
  }

  // One time axis for all five, so that the shapes compare by length.
  const axis = Math.max(...pictures.map((p) => p.layout.duration));
  for (const { file, title, layout } of pictures) {
    writeFileSync(
      file,
      timelineSvg({ ...layout, duration: axis }, title),
    );
    say(`wrote ${path.relative(ROOT, file)}`);
  }
  return 0;
}

await runCommand(main);
