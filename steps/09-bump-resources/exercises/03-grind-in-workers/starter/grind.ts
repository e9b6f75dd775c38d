// Grinding beans is CPU work; worker threads do it off the event loop.
import { pbkdf2Sync } from "node:crypto";
import { availableParallelism } from "node:os";
import { threadId, Worker } from "node:worker_threads";

/** Rounds of one grind: about 0.2 s of CPU on a 2-core shared VM. */
export const GRIND_ROUNDS = 100_000;

/** A worker's code: grinds on each message, answers its threadId. */
export const GRINDER = `
const { parentPort, threadId } = require("node:worker_threads");
const { pbkdf2Sync } = require("node:crypto");
parentPort.on("message", (rounds) => {
  pbkdf2Sync("beans", "salt", rounds, 32, "sha256");
  parentPort.postMessage(threadId);
});
`;

/** Grinds `count` times; resolves with each grind's threadId. */
export async function grindAll(count: number): Promise<number[]> {
  // TODO: grind in a pool of worker threads started from GRINDER.
  // Today every grind blocks the main event loop.
  void availableParallelism;
  void Worker;
  const grind = async () => {
    pbkdf2Sync("beans", "salt", GRIND_ROUNDS, 32, "sha256");
    return threadId;
  };
  return Promise.all(Array.from({ length: count }, grind));
}
