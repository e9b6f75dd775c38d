import { readFileSync } from "node:fs";
import {
  dockerfileInstructions,
  exerciseFile,
  type DockerInstruction,
} from "@coffee/shared/exercise";
import { beforeAll, expect, test } from "vitest";

let command: DockerInstruction | undefined;

beforeAll(() => {
  const text = readFileSync(
    exerciseFile(import.meta.url, "Dockerfile"),
    "utf8",
  );
  const instructions = dockerfileInstructions(text);
  const last = Math.max(...instructions.map((i) => i.stage));
  command = instructions
    .filter((i) => i.stage === last)
    .findLast((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT");
});

function execForm(): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(command?.args ?? "");
    return Array.isArray(parsed) ? parsed.map(String) : undefined;
  } catch {
    return undefined;
  }
}

test("final stage has a command", () => {
  expect(
    command?.keyword,
    "CMD or ENTRYPOINT in the final stage",
  ).toBeDefined();
});

test("uses the exec form", () => {
  expect(
    execForm(),
    `${command?.keyword} ${command?.args}`,
  ).toBeDefined();
});

test("runs node itself", () => {
  const [program = "(none)", ...args] = execForm() ?? [];
  expect(program, "the program that is PID 1").toMatch(/(^|\/)node$/);
  expect(args.join(" "), "its arguments").toMatch(/dist\/main\.js/);
});
