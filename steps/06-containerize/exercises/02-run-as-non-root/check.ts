import { readFileSync } from "node:fs";
import {
  dockerfileInstructions,
  exerciseFile,
  type DockerInstruction,
} from "@coffee/shared/exercise";
import { beforeAll, expect, test } from "vitest";

let final: DockerInstruction[];

beforeAll(() => {
  const text = readFileSync(
    exerciseFile(import.meta.url, "Dockerfile"),
    "utf8",
  );
  const instructions = dockerfileInstructions(text);
  const last = Math.max(...instructions.map((i) => i.stage));
  final = instructions.filter((i) => i.stage === last);
});

test("final stage sets a user", () => {
  const user = final.findLast((i) => i.keyword === "USER");
  expect(user?.args, "USER in the final stage").toBeDefined();
  expect(user?.args.split(":")[0], "the user").not.toMatch(
    /^(root|0)$/,
  );
});

test("sets it before the command", () => {
  const userAt = final.findLastIndex((i) => i.keyword === "USER");
  const commandAt = final.findLastIndex((i) => i.keyword === "CMD");
  expect(userAt, "USER comes before CMD").toBeGreaterThanOrEqual(0);
  expect(userAt, "USER comes before CMD").toBeLessThan(commandAt);
});
