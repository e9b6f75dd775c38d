/**
 * `pnpm step N`: runs one step of the workshop as a learner would see
 * it, then stops everything it started.
 */
import path from "node:path";
import { ROOT, stepDir } from "./lib/catalog.ts";
import { stopChildrenOnExit } from "./lib/children.ts";
import { colours, runCommand, say } from "./lib/cli.ts";
import { whereYouAre } from "./lib/progress.ts";
import { runProgram, runServer } from "./lib/run-step.ts";
import { HELP, listSteps, parseArgs } from "./lib/step-args.ts";
import { showTimeline } from "./lib/timeline/run.ts";

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === "help") {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (parsed === "list") {
    listSteps();
    return 0;
  }

  stopChildrenOnExit();
  const { step } = parsed;
  say(colours.bold(`Step ${step.number}: ${step.title}`));
  say(
    `The talk's step ${step.number}, "${step.talkTitle}": ` +
      `${step.talkResult} (the talk's number)`,
  );
  const code =
    step.kind === "program"
      ? await runProgram(parsed)
      : await runServer(parsed);
  if (parsed.timeline && code === 0) showTimeline();
  const lesson = path.join(stepDir(step), "README.md");
  say(`The lesson: ${path.relative(ROOT, lesson)}`);
  say(whereYouAre(step));
  return code;
}

await runCommand(main);
