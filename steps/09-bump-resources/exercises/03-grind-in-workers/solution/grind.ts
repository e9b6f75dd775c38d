// Grinding beans is CPU work; worker threads do it off the event loop.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

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

function grindOn(worker: Worker): Promise<number> {
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.postMessage(GRIND_ROUNDS);
  });
}

/** Grinds `count` times; resolves with each grind's threadId. */
export async function grindAll(count: number): Promise<number[]> {
  const size = Math.min(availableParallelism(), count);
  const workers = Array.from(
    { length: size },
    () => new Worker(GRINDER, { eval: true }),
  );
  const threads: number[] = [];
  let next = 0;

  // Each worker grinds one at a time, so the cores stay busy while the
  // main event loop only passes messages.
  const drain = async (worker: Worker) => {
    while (next < count) {
      const grind = next++;
      threads[grind] = await grindOn(worker);
    }
  };
  try {
    await Promise.all(workers.map(drain));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return threads;
}
