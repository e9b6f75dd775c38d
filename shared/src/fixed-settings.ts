/**
 * A cache for the settings that every action reads. Each read of
 * `process.env` calls into the C++ side of Node.js: a CPU profile of
 * step 5 (Node.js 20.20.2, 2-core VM) showed about 0.8 µs per read,
 * or 4 µs per action for its five reads.
 *
 * The cache is off until `fixSettings()` runs, which `checkSettings()`
 * does at the start of every step's process. Tests never call it, so
 * they may change the environment between tests and every read goes
 * to `process.env`.
 */

let fixed = false;
/** Changes whenever the cache is turned on or off, so values expire. */
let generation = 0;

/**
 * Returns a reader of `read()`: computed once per process after
 * `fixSettings()`, and on every call before it.
 */
export function fixedSetting<T>(read: () => T): () => T {
  let readIn = -1;
  let value: T;
  return () => {
    if (!fixed) return read();
    if (readIn !== generation) {
      value = read();
      readIn = generation;
    }
    return value;
  };
}

/** Keeps each setting's first value from now on. */
export function fixSettings(): void {
  fixed = true;
  generation += 1;
}

/** Reads every setting from `process.env` again, as before the fix. */
export function unfixSettings(): void {
  fixed = false;
  generation += 1;
}
