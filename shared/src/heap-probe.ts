/**
 * Loaded with `node --expose-gc --import` into a server under test:
 * every `COFFEE_HEAP_EVERY_MS` milliseconds (default 5000) it collects
 * garbage and prints `heap-probe <heapUsed> <rss>` in bytes, so that
 * a soak can see whether memory grows. Test code only.
 */
const every = Number(process.env.COFFEE_HEAP_EVERY_MS || 5000);
const collect = (globalThis as { gc?: () => void }).gc;

if (collect === undefined) {
  process.stderr.write("heap-probe: run node with --expose-gc\n");
} else {
  setInterval(() => {
    collect();
    const { heapUsed, rss } = process.memoryUsage();
    process.stdout.write(`heap-probe ${heapUsed} ${rss}\n`);
  }, every).unref();
}
