import { readFileSync } from "node:fs";
import { exerciseFile } from "@coffee/shared/exercise";
import { beforeAll, expect, test } from "vitest";
import { parse } from "yaml";

interface Container {
  env?: { name: string; value?: string }[];
  resources?: {
    requests?: { memory?: string };
    limits?: { memory?: string };
  };
}

const UNITS: Record<string, number> = {
  "": 1,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  k: 1e3,
  M: 1e6,
  G: 1e9,
};

/** Converts a Kubernetes memory quantity such as `256Mi` to MiB. */
function mebibytes(quantity: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G|)$/.exec(
    quantity ?? "",
  );
  if (!match) return Number.NaN;
  return (Number(match[1]) * UNITS[match[2]!]!) / 2 ** 20;
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

function heapMb(): number {
  const options = container.env?.find((e) => e.name === "NODE_OPTIONS");
  const match = /--max-old-space-size=(\d+)/.exec(options?.value ?? "");
  return match ? Number(match[1]) : Number.NaN;
}

test("sets a memory limit", () => {
  const limit = mebibytes(container.resources?.limits?.memory);
  expect(limit, "limits.memory in MiB").toBeGreaterThan(0);
});

test("sets a heap limit in NODE_OPTIONS", () => {
  expect(
    heapMb(),
    "--max-old-space-size in NODE_OPTIONS",
  ).toBeGreaterThan(0);
});

test("keeps the heap well below the limit", () => {
  const limit = mebibytes(container.resources?.limits?.memory);
  expect(
    heapMb(),
    `heap MiB, for a limit of ${limit} MiB`,
  ).toBeLessThanOrEqual(limit * 0.8);
  expect(
    heapMb(),
    `heap MiB, for a limit of ${limit} MiB`,
  ).toBeGreaterThanOrEqual(limit * 0.5);
});

test("requests no more than the limit", () => {
  const request = mebibytes(container.resources?.requests?.memory);
  const limit = mebibytes(container.resources?.limits?.memory);
  expect(request, "requests.memory in MiB").toBeLessThanOrEqual(limit);
});
