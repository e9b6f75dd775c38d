import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
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
