/**
 * Finds what Promise.all does with 2,097,150 and 2,097,151 pending
 * promises, and prints the outcome of each as one JSON line.
 */

/** How long to wait for Promise.all to settle, in ms. */
const SETTLE_TIMEOUT_MS = 30_000;

/**
 * Returns how Promise.all settled over `count` promises that stay
 * pending, or that it had not settled after 30 s.
 */
export async function promiseAllOutcome(
  count: number,
): Promise<string> {
  const pending = Array.from(
    { length: count },
    () => new Promise<void>(() => {}),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`still pending after ${SETTLE_TIMEOUT_MS} ms`),
      SETTLE_TIMEOUT_MS,
    );
  });
  const all = Promise.all(pending).then(
    (values) => `resolved with ${values.length} values`,
    (error: Error) => `rejected: ${error.name}: ${error.message}`,
  );
  const outcome = await Promise.race([all, timeout]);
  clearTimeout(timer);
  return outcome;
}

if (process.argv[1] === import.meta.filename) {
  const outcomes: Record<string, string> = {};
  for (const count of [2_097_150, 2_097_151]) {
    outcomes[count] = await promiseAllOutcome(count);
  }
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}
