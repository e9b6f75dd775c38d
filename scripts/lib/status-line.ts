/**
 * A progress line for a long run: on a terminal, one line at the
 * bottom that redraws itself below whatever else is printed; with no
 * terminal, a plain line now and then.
 */
import { formatMs } from "@coffee/shared";
import { colours } from "./cli.ts";

/** How often the line is redrawn on a terminal, in ms. */
const REDRAW_MS = 200;

/** How often a plain progress line is printed with no terminal, in ms. */
const PLAIN_EVERY_MS = 10_000;

const BAR_WIDTH = 20;

/** Returns the progress text for `elapsedMs` of about `expectedMs`. */
export function progressText(
  elapsedMs: number,
  expectedMs: number,
): string {
  const share =
    expectedMs > 0 ? Math.min(elapsedMs / expectedMs, 1) : 1;
  const full = Math.round(share * BAR_WIDTH);
  const bar = "▓".repeat(full) + "░".repeat(BAR_WIDTH - full);
  return `${bar} ${formatMs(Math.round(elapsedMs))} of about ${formatMs(expectedMs)}`;
}

/**
 * Shows progress until the returned function is called. On a
 * terminal it wraps stdout's write so that every other line lands
 * above the progress line.
 */
export function showProgress(
  label: string,
  expectedMs: number,
): () => void {
  const started = performance.now();
  const text = () =>
    `${colours.cyan("⏳")} ${label} ${progressText(performance.now() - started, expectedMs)}`;
  if (!process.stdout.isTTY) {
    const timer = setInterval(
      () => process.stdout.write(`${text()}\n`),
      PLAIN_EVERY_MS,
    );
    return () => clearInterval(timer);
  }
  const write = process.stdout.write.bind(process.stdout);
  const clear = "\r\x1b[2K";
  process.stdout.write = ((
    chunk: string | Uint8Array,
    ...rest: never[]
  ) => {
    write(clear);
    const result = write(chunk, ...rest);
    write(text());
    return result;
  }) as typeof process.stdout.write;
  const timer = setInterval(
    () => write(`${clear}${text()}`),
    REDRAW_MS,
  );
  write(text());
  return () => {
    clearInterval(timer);
    process.stdout.write = write;
    write(clear);
  };
}
