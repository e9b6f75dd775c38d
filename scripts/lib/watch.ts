/**
 * Watches files and calls back after each save, with chokidar. File
 * events are unreliable on WSL and network drives, so there it polls.
 */
import { readFileSync } from "node:fs";
import chokidar from "chokidar";

/** How often to poll for changes when polling, in ms. */
export const POLL_INTERVAL_MS = 300;

/** Returns whether this is Linux under WSL, from /proc/version. */
export function isWsl(): boolean {
  if (process.platform !== "linux") return false;
  try {
    return /microsoft|wsl/i.test(readFileSync("/proc/version", "utf8"));
  } catch {
    return false;
  }
}

/** The options of `watch`. */
export interface WatchOptions {
  /** Poll instead of waiting for file events. */
  poll: boolean;
  /** Called once per batch of changes, never twice at the same time. */
  onChange(files: string[]): Promise<void>;
}

/** Watches `paths`; resolves with a function that stops watching. */
export async function watch(
  paths: string[],
  options: WatchOptions,
): Promise<() => Promise<void>> {
  const watcher = chokidar.watch(paths, {
    ignoreInitial: true,
    usePolling: options.poll,
    interval: POLL_INTERVAL_MS,
    // Editors write a file in several steps; wait until it settles.
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
  });
  let pending: string[] = [];
  let running = false;
  const flush = async () => {
    if (running || pending.length === 0) return;
    running = true;
    const files = pending;
    pending = [];
    try {
      await options.onChange(files);
    } finally {
      running = false;
      void flush();
    }
  };
  watcher.on("all", (_event, file) => {
    pending.push(file);
    void flush();
  });
  await new Promise<void>((resolve) => watcher.once("ready", resolve));
  return () => watcher.close();
}
