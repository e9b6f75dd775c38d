/**
 * The soak of a server step, run only when `COFFEE_SOAK=1` (CI sets
 * it): `COFFEE_SOAK_SECONDS` (default 60) of steady load, then checks
 * that nothing failed, the heap stayed flat and latency held. Test
 * code only: imports vitest.
 */
import { expect, test } from "vitest";
import { runSoak } from "./soak.ts";

/** Heap growth from the tenth second to the end that still counts as flat. */
const FLAT_HEAP_MIB = 5;

/** Declares the soak test of the step in `stepDir`. */
export function describeSoak(stepDir: string): void {
  const seconds = Number(process.env.COFFEE_SOAK_SECONDS || 60);
  test.skipIf(process.env.COFFEE_SOAK !== "1")(
    `holds a steady load for ${seconds} s`,
    { timeout: (seconds + 60) * 1000 },
    async () => {
      const result = await runSoak({
        stepDir,
        seconds,
        clients: 8,
        customersPerRequest: 50,
        speed: 100,
        maxRequests: 500 * seconds,
      });
      console.log(`soak of ${stepDir}: ${JSON.stringify(result)}`);
      expect(result.alive).toBe(true);
      expect(result.sent).toBeGreaterThan(0);
      expect(result.failed).toBe(0);

      // The probe prints 12 times; the third is 10 s into a 60 s run,
      // after the span recorder has filled up.
      const warm = result.heapMiB[2]!;
      const last = result.heapMiB.at(-1)!;
      expect(result.heapMiB.length).toBeGreaterThanOrEqual(10);
      expect(last - warm).toBeLessThan(FLAT_HEAP_MIB);

      const [, early] = result.windows;
      const late = result.windows.at(-1)!;
      expect(late.p50).toBeLessThan(early!.p50 * 1.5 + 10);
      expect(late.p99).toBeLessThan(early!.p99 * 2 + 50);
    },
  );
}
