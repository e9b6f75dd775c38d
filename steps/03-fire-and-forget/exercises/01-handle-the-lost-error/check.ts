import path from "node:path";
import { fileURLToPath } from "node:url";
import { exerciseFile, runTypeScript } from "@coffee/shared/exercise";
import { beforeAll, expect, test } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
let run: Awaited<ReturnType<typeof runTypeScript>>;

beforeAll(async () => {
  run = await runTypeScript(
    path.join(here, "serve-three.ts"),
    [exerciseFile(import.meta.url, "coffee.ts")],
    {
      env: {
        COFFEE_FAIL: "milk:2",
        COFFEE_SPEED: "100",
        COFFEE_LOG: "summary",
      },
    },
  );
});

/** The error line of a crash, such as `ActionError: milk failed …`. */
function crashLine(): string {
  const lines = run.stderr.trim().split("\n");
  return lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.at(-1) ?? "";
}

test("the process survives a failed coffee", () => {
  expect(
    run.code,
    `exit code; the process printed: ${crashLine()}`,
  ).toBe(0);
  expect(run.stdout, "output after every action").toContain(
    "still running after every action",
  );
});

test("serveCustomers still returns at once", () => {
  expect(run.stdout, "what serveCustomers returned").toContain(
    "serveCustomers returned no promise",
  );
});

test("the failure is logged with its customer", () => {
  // A log line starts with the time, as Go's log package writes it.
  const logged =
    /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d .*customer 2\b.*milk failed/m;
  expect(run.stderr, "a log line on stderr").toMatch(logged);
});

test("no error escapes as a crash", () => {
  expect(run.stderr, "a crash's error line").not.toMatch(
    /^\w*Error\b/m,
  );
  expect(run.stderr, "a stack trace").not.toMatch(/^\s+at \S+/m);
});
