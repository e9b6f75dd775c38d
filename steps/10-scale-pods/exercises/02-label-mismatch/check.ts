import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exerciseFile } from "@coffee/shared/exercise";
import { beforeAll, expect, test } from "vitest";
import { parse } from "yaml";

interface Manifest {
  kind?: string;
  metadata?: { name?: string };
  spec?: Record<string, any>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
let service: Manifest;
let deployment: Manifest;

beforeAll(() => {
  const read = (file: string) =>
    parse(readFileSync(file, "utf8")) as Manifest;
  service = read(exerciseFile(import.meta.url, "service.yaml"));
  deployment = read(path.join(here, "deployment.yaml"));
});

/** Returns `labels` as `key=value` pairs, as kubectl prints them. */
const pairs = (labels: Record<string, string> = {}) =>
  Object.entries(labels).map(([key, value]) => `${key}=${value}`);

test("is still a Service named coffee", () => {
  expect(service.kind, "kind").toBe("Service");
  expect(service.metadata?.name, "metadata.name").toBe("coffee");
});

test("selects the Deployment's pods", () => {
  const selector: Record<string, string> = service.spec?.selector ?? {};
  const podLabels = pairs(deployment.spec?.template?.metadata?.labels);
  expect(pairs(selector), "spec.selector is empty").not.toEqual([]);
  for (const pair of pairs(selector)) {
    expect(
      podLabels,
      `the pods' labels, for selector ${pair}`,
    ).toContain(pair);
  }
});

test("targets a port the container opens", () => {
  const containers = deployment.spec?.template?.spec?.containers ?? [];
  const ports = containers.flatMap(
    (c: { ports?: { name?: string; containerPort?: number }[] }) =>
      c.ports ?? [],
  );
  const targets = ports.flatMap(
    (p: { name?: string; containerPort?: number }) => [
      p.name,
      p.containerPort,
    ],
  );
  for (const port of service.spec?.ports ?? []) {
    expect(
      targets,
      `targetPort of port ${port.name ?? port.port}`,
    ).toContain(port.targetPort ?? port.port);
  }
});
