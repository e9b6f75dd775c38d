// Starts step 5's server with a V8 heap limit, asks it for N customers
// at once, and prints whether it served them or ran out of memory.
// Usage: heap-probe.ts CUSTOMERS [HEAP_MB]
// NOTE: a local stand-in for a pod's memory limit: the heap limit
// (--max-old-space-size) is where Node.js runs out first.
import { spawn } from "node:child_process";
import { get } from "node:http";
import { constants } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** The heap limit when none is given, in MiB. */
export const DEFAULT_HEAP_MB = 64;

const [customers = "", heapMb = String(DEFAULT_HEAP_MB)] =
  process.argv.slice(2);
if (!/^[1-9]\d*$/.test(customers) || !/^[1-9]\d*$/.test(heapMb)) {
  console.error(
    `invalid arguments "${process.argv.slice(2).join(" ")}": use ` +
      "CUSTOMERS [HEAP_MB], such as heap-probe.ts 20000 64",
  );
  process.exit(2);
}

const main = fileURLToPath(
  new URL("../../../05-more-concurrency/src/main.ts", import.meta.url),
);
const server = spawn(
  process.execPath,
  [`--max-old-space-size=${heapMb}`, "--import", "tsx", main],
  {
    env: {
      ...process.env,
      PORT: "0",
      COFFEE_LOG: "summary",
      COFFEE_SPEED: process.env.COFFEE_SPEED || "10",
      COFFEE_MAX_CUSTOMERS: "100000000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
let fatal = "";
createInterface({ input: server.stderr }).on("line", (line) => {
  if (!fatal && /FATAL ERROR|heap out of memory/i.test(line))
    fatal = line;
});
const exited = new Promise<number>((resolve) =>
  server.once("close", (code, signal) =>
    resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)),
  ),
);

function report(result: Record<string, unknown>): void {
  console.log(
    JSON.stringify({
      customers: Number(customers),
      heapMb: Number(heapMb),
      ...result,
    }),
  );
}

createInterface({ input: server.stdout }).on("line", (line) => {
  const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
  if (!url) return;
  get(`${url}/serve-customer/${customers}`, (res) => {
    res.resume();
    res.on("end", () => {
      report({
        served: res.statusCode === 200,
        status: res.statusCode,
      });
      server.kill("SIGTERM");
    });
  }).on("error", async () => {
    const code = await exited;
    report({ served: false, exitCode: code, fatal: fatal.trim() });
  });
});
