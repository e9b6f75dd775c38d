/**
 * The exercise commands: `pnpm exercise`, `check`, `hint`,
 * `solution`, `reset` and `progress`, chosen by the first word.
 */
import { parseOptions, runCommand, UsageError } from "./lib/cli.ts";
import {
  checkCommand,
  exerciseCommand,
  hintCommand,
  progressCommand,
  resetCommand,
  solutionCommand,
  type Args,
} from "./lib/exercise-commands.ts";

/** The text of `--help` for each command. */
const HELP: Record<string, string> = {
  exercise: `Usage: pnpm exercise [N] [EXERCISE]

Lists the exercises of step N and the files you edit, or shows the task
of one exercise. Your copy of each starter is made under .coffee/work/.`,
  check: `Usage: pnpm check [N] [EXERCISE] [--watch] [--poll]

Runs the checks of step N's exercises (or one) against your copy and
says what passed and what was expected. With no N: the step you are on.
  --watch  check again after each save; Ctrl-C stops
  --poll   with --watch: poll for changes (automatic on WSL), for
           folders where file events do not arrive, such as network drives`,
  hint: `Usage: pnpm hint N EXERCISE [--all]

Shows the next hint of an exercise, one more each time.
  --all  show every hint at once`,
  solution: `Usage: pnpm solution N EXERCISE [--force]

Shows the reference solution once your check has passed.
  --force  show it before your check passes`,
  reset: `Usage: pnpm reset N [EXERCISE] [--yes]

Replaces your copy with the starter, after asking. Your old copy is
moved to .coffee/backup/.
  --yes  reset without asking`,
  progress: `Usage: pnpm progress

Shows the exercises done and to do, per step.`,
};

const VERBS = {
  exercise: exerciseCommand,
  check: checkCommand,
  hint: hintCommand,
  solution: solutionCommand,
  reset: resetCommand,
  progress: progressCommand,
} satisfies Record<string, (args: Args) => number | Promise<number>>;

const FLAGS = ["watch", "poll", "force", "yes", "all", "help"];

async function main(): Promise<number> {
  const [verb = "", ...rest] = process.argv.slice(2);
  if (!(verb in VERBS)) {
    throw new UsageError(
      `unknown command "${verb}": use one of ${Object.keys(VERBS).join(", ")}`,
    );
  }
  const args = parseOptions(
    rest,
    { boolean: FLAGS, alias: { h: "help", y: "yes" } },
    verb,
  );
  if (args.help) {
    process.stdout.write(`${HELP[verb]}\n`);
    return 0;
  }
  const words = args._.map(String);
  return VERBS[verb as keyof typeof VERBS]({ ...args, _: words });
}

await runCommand(main);
