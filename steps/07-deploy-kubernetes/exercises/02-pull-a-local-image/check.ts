import { readFileSync } from "node:fs";
import { exerciseFile } from "@coffee/shared/exercise";
import { beforeAll, expect, test } from "vitest";
import { parse } from "yaml";

interface Container {
  image?: string;
  imagePullPolicy?: string;
}

let container: Container;

beforeAll(() => {
  const manifest = parse(
    readFileSync(
      exerciseFile(import.meta.url, "deployment.yaml"),
      "utf8",
    ),
  );
  container = manifest?.spec?.template?.spec?.containers?.[0] ?? {};
});

test("names the coffee shop's image", () => {
  expect(container.image, "image").toMatch(/^scaling-coffee(:|$)/);
});

test("uses a tag other than latest", () => {
  const tag = /:([^/:]+)$/.exec(container.image ?? "")?.[1];
  expect(tag, `the tag of ${container.image}`).toBeDefined();
  expect(tag, `the tag of ${container.image}`).not.toBe("latest");
});

test("does not pull a present image", () => {
  expect(["IfNotPresent", "Never"], "imagePullPolicy").toContain(
    container.imagePullPolicy,
  );
});
