// Grinds beans for eight customers with Promise.all on one event loop
// and prints, as JSON, how many grinds ran at the same time on average.
import { pbkdf2Sync } from "node:crypto";
import { availableParallelism } from "node:os";

/** Rounds of one grind: about 0.1 to 0.2 s of CPU on a 2-core shared VM. */
const GRIND_ROUNDS = 100_000;

let grindingMs = 0;

async function grindBeans(): Promise<void> {
  const started = performance.now();
  pbkdf2Sync("beans", "salt", GRIND_ROUNDS, 32, "sha256");
  grindingMs += performance.now() - started;
}

const started = performance.now();
await Promise.all(Array.from({ length: 8 }, grindBeans));
const wallMs = performance.now() - started;

// The grinds' own times add up to the wall time when they ran one
// after another, and to a multiple of it when they overlapped.
console.log(
  JSON.stringify({
    cores: availableParallelism(),
    wallMs: Math.round(wallMs),
    grindingMs: Math.round(grindingMs),
    parallelism: Number((grindingMs / wallMs).toFixed(2)),
  }),
);
