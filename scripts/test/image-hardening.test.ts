import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sleep } from "@coffee/shared";
import { beforeAll, describe, expect, test } from "vitest";
import { $ } from "zx";
import { ROOT, STEPS_DIR } from "../lib/catalog.ts";

const dockerfiles = readdirSync(STEPS_DIR)
  .map((folder) => path.join(STEPS_DIR, folder, "Dockerfile"))
  .filter((file) => existsSync(file));

/** Returns the lines of the last stage: from the last FROM on. */
function finalStage(dockerfile: string): string[] {
  const lines = readFileSync(dockerfile, "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"));
  const from = lines.findLastIndex((line) => /^FROM\s/i.test(line));
  return lines.slice(from);
}

test("every container step has a Dockerfile", () => {
  expect(dockerfiles.length).toBeGreaterThanOrEqual(5);
});

test(".dockerignore keeps secrets out", () => {
  const ignored = readFileSync(
    path.join(ROOT, ".dockerignore"),
    "utf8",
  );
  for (const pattern of [
    "**/.env",
    "**/.env.*",
    "**/*.pem",
    "**/*.key",
  ]) {
    expect(ignored.split("\n"), pattern).toContain(pattern);
  }
});

test.each(dockerfiles.map((file) => [path.relative(ROOT, file), file]))(
  "%s: final stage has no package manager",
  (_name, file) => {
    const stage = finalStage(file!).join("\n");
    expect(stage).toMatch(/rm -rf[^\n]*node_modules\/npm/);
    expect(stage).toMatch(/\/usr\/local\/bin\/npm\b/);
    expect(stage).not.toMatch(/\b(npm|pnpm|yarn) (install|ci|add)\b/);
    expect(stage).not.toMatch(/^COPY\s+\.\s/m);
    expect(stage).toMatch(/^USER\s+1000(:1000)?\s*$/m);
  },
);

/** The permission flag: --permission where this Node.js has it. */
const PERMISSION = process.allowedNodeEnvironmentFlags.has(
  "--permission",
)
  ? "--permission"
  : "--experimental-permission";

/**
 * Runs a step's bundle as the image does, under the permission model
 * with read access only: any file write throws ERR_ACCESS_DENIED, as
 * a read-only root file system would fail it.
 */
async function serveReadOnly(stepDir: string): Promise<{
  statuses: number[];
  code: number | null;
  output: string;
}> {
  const child = spawn(
    process.execPath,
    [PERMISSION, "--allow-fs-read=*", "dist/main.js"],
    {
      cwd: stepDir,
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        PORT: "0",
        COFFEE_SPEED: "20",
        COFFEE_LOG: "auto",
        POD_NAME: "read-only-test",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const exited = once(child, "close");
  const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  try {
    while (!/listening on (http:\/\/\S+)/.test(output)) {
      if (child.exitCode !== null) break;
      await sleep(50);
    }
    const base = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    const statuses: number[] = [];
    if (base) {
      for (const path of ["/serve-customer/3", "/serve-customer/x"]) {
        statuses.push((await fetch(`${base}${path}`)).status);
      }
    }
    child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];
    return { statuses, code, output };
  } finally {
    clearTimeout(killer);
  }
}

describe("bundle on a read-only file system", () => {
  const folders = dockerfiles.map((file) => path.dirname(file));
  beforeAll(
    () =>
      Promise.all(
        folders.map(
          (folder) => $({ cwd: folder, quiet: true })`pnpm run build`,
        ),
      ),
    120_000,
  );

  test.each(folders.map((folder) => [path.basename(folder), folder]))(
    "%s writes no file",
    async (_name, folder) => {
      const { statuses, code, output } = await serveReadOnly(folder!);
      // The permission model's error, whether thrown or caught and logged.
      expect(output).not.toMatch(
        /ERR_ACCESS_DENIED|Access to this API has been restricted/,
      );
      expect(statuses).toEqual([200, 400]);
      expect(code, output).toBe(0);
    },
    30_000,
  );
});
