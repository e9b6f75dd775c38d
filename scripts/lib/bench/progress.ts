/**
 * Progress of a long benchmark: a bar on a terminal, one line per run
 * elsewhere (a pipe, a CI log).
 */
import { SingleBar } from "cli-progress";
import { say } from "../cli.ts";

/** Reports each run as it starts and the whole set as it ends. */
export interface Progress {
  start(id: string): void;
  done(id: string, summary: string): void;
  stop(): void;
}

/** Returns a progress bar on stderr, or plain lines off a terminal. */
export function progressFor(total: number): Progress {
  if (!process.stderr.isTTY) {
    let count = 0;
    return {
      start: (id) => say(`run ${count + 1}/${total}: ${id}`),
      done: (id, summary) => {
        count += 1;
        say(`  ${id}: ${summary}`);
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar({
    format: "{bar} {value}/{total} runs | {id}",
    hideCursor: true,
    clearOnComplete: true,
    stream: process.stderr,
  });
  bar.start(total, 0, { id: "starting" });
  return {
    start: (id) => bar.update({ id: `${id} (running)` }),
    done: (id, summary) => {
      bar.increment({ id });
      process.stderr.write("\r\x1b[2K");
      say(`${id}: ${summary}`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
