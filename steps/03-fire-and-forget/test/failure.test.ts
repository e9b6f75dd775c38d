import { fileURLToPath } from "node:url";
import {
  startTestProcess,
  stopAllTestProcesses,
} from "@coffee/shared/test-process";
import { afterEach, expect, test } from "vitest";

const STEP_DIR = fileURLToPath(new URL("..", import.meta.url));

afterEach(stopAllTestProcesses);

// Nobody awaits the coffees, so the first failed action is an
// unhandled rejection, and Node.js ends the whole process with it.
test("unawaited failure ends the process", async () => {
  const server = startTestProcess("src/main.ts", {
    cwd: STEP_DIR,
    env: {
      PORT: "0",
      COFFEE_FAIL: "milk",
      COFFEE_SPEED: "100",
      COFFEE_LOG: "summary",
    },
  });
  const [, url] = await server.waitForLine(/listening on (http\S+)/);
  const response = await fetch(`${url}/serve-customer/3`);
  expect(response.status).toBe(200);

  const exit = await server.exited;
  expect(exit.code).toBe(1);
  expect(server.lines.join("\n")).toContain(
    "ActionError: milk failed for customer 1 (COFFEE_FAIL)",
  );
  await expect(fetch(`${url}/serve-customer/1`)).rejects.toThrow();
});
