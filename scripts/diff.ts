/**
 * `pnpm diff A B`: shows what step B changed from step A, as a
 * coloured unified diff of their code and deployment files.
 */
import { isBuilt, steps, type Step } from "./lib/catalog.ts";
import {
  colours,
  findStep,
  parseOptions,
  runCommand,
  say,
  UsageError,
} from "./lib/cli.ts";
import { compared, printable, stepChanges } from "./lib/step-diff.ts";

const HELP = `Usage: pnpm diff [A] B [--all]

Shows what step B changed from step A: a unified diff of src/,
Dockerfile and k8s/. With one step, compares it with the one before
(pnpm diff 5 is pnpm diff 4 5). Works without git.

Options:
  --all   compare every file of the two folders: package.json, tests,
          README.md and exercises too
  --stat  list the changed files and their line counts only
  --help  show this help`;

function builtStep(raw: unknown): Step {
  const step = findStep(raw);
  if (!isBuilt(step)) {
    const built = steps.filter(isBuilt).map((s) => s.number);
    throw new UsageError(
      `step ${step.number} (${step.folder}) is not built yet: ` +
        `compare built steps, ${built.join(", ")}`,
    );
  }
  return step;
}

function pair(words: string[]): [Step, Step] {
  if (words.length === 1) {
    const to = builtStep(words[0]);
    if (to.number === 1) {
      throw new UsageError(
        "step 1 is the first step and has nothing before it: " +
          "compare two steps, such as pnpm diff 1 2",
      );
    }
    return [builtStep(to.number - 1), to];
  }
  if (words.length === 2)
    return [builtStep(words[0]), builtStep(words[1])];
  throw new UsageError(
    `pnpm diff takes one or two steps, not "${words.join(" ")}": ` +
      "such as pnpm diff 5 or pnpm diff 4 5",
  );
}

async function main(): Promise<number> {
  const args = parseOptions(
    process.argv.slice(2),
    { boolean: ["all", "stat", "help"], alias: { h: "help" } },
    "diff",
  );
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args._.length === 0) {
    throw new UsageError(
      "which steps? such as pnpm diff 5 or pnpm diff 4 5",
    );
  }
  const [from, to] = pair(args._.map(String));
  const changes = stepChanges(from, to, Boolean(args.all));
  say(
    colours.bold(
      `Step ${from.number} → step ${to.number}: ${to.title}`,
    ) +
      (args.all
        ? ""
        : colours.dim(` (${compared(from, to)}; --all for more)`)),
  );
  if (changes.length === 0) {
    say("No differences in the files compared.");
    return 0;
  }
  for (const change of changes) {
    if (args.stat) {
      const counts = `${colours.green(`+${change.added}`)} ${colours.red(`-${change.removed}`)}`;
      process.stdout.write(`  ${change.file}  ${counts}\n`);
    } else {
      process.stdout.write(`${printable(change.patch)}\n\n`);
    }
  }
  const added = changes.reduce((sum, c) => sum + c.added, 0);
  const removed = changes.reduce((sum, c) => sum + c.removed, 0);
  say(
    `${changes.length} file(s) changed, ${added} line(s) added, ` +
      `${removed} removed.`,
  );
  return 0;
}

await runCommand(main);
