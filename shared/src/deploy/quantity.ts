/**
 * Kubernetes resource quantities (`96Mi`, `3092M`, `250m`) and the
 * V8 heap limit that a memory limit turns into.
 */

const MEMORY_UNITS: Record<string, number> = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

const MIB = 2 ** 20;

/**
 * Parses a memory quantity such as `96Mi`, `3092M` or `1Gi` into
 * bytes. Throws a RangeError that names the value and the units.
 */
export function parseMemory(quantity: string | number): number {
  const match = /^(\d+(?:\.\d+)?)([kMGT]i?|Ki)?$/.exec(
    String(quantity),
  );
  const unit = match ? MEMORY_UNITS[match[2] ?? ""] : undefined;
  if (!match || unit === undefined) {
    throw new RangeError(
      `invalid memory quantity "${quantity}": use a number with a ` +
        "unit such as 96Mi, 1Gi or 3092M",
    );
  }
  return Number(match[1]) * unit;
}

/**
 * Parses a CPU quantity such as `250m`, `1` or `0.5` into millicores.
 * Throws a RangeError that names the value.
 */
export function parseCpu(quantity: string | number): number {
  const text = String(quantity);
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(text);
  if (!match) {
    throw new RangeError(
      `invalid CPU quantity "${quantity}": use cores (1, 0.5) or ` +
        "millicores (250m)",
    );
  }
  return match[2] === "m" ? Number(match[1]) : Number(match[1]) * 1000;
}

/**
 * Memory that Node.js needs outside its V8 heap, in MiB: code, the
 * new space, stacks and buffers. A bundled step used about 53 MB of
 * RSS while idle (Node.js 20.20.2, `ps -o rss`), much of it shared
 * with the binary's file pages.
 */
export const NODE_RESERVE_MIB = 64;

/** The smallest V8 heap the stand-in accepts, in MiB. */
export const MIN_HEAP_MIB = 8;

/**
 * Returns the `--max-old-space-size` (MiB) for a container memory
 * limit: three quarters of the limit, but at least NODE_RESERVE_MIB
 * below it, so that V8 stops at its heap limit before the kernel's
 * OOM killer would. Throws a RangeError when less than MIN_HEAP_MIB
 * remains.
 */
export function heapLimitMiB(memoryLimit: string | number): number {
  const limitMiB = parseMemory(memoryLimit) / MIB;
  const heap = Math.floor(
    Math.min(limitMiB * 0.75, limitMiB - NODE_RESERVE_MIB),
  );
  if (heap < MIN_HEAP_MIB) {
    throw new RangeError(
      `memory limit ${memoryLimit} leaves no room for a V8 heap: ` +
        `Node.js needs about ${NODE_RESERVE_MIB}Mi besides its heap; ` +
        `use at least ${NODE_RESERVE_MIB + MIN_HEAP_MIB}Mi`,
    );
  }
  return heap;
}
