import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exerciseFile, runTypeScript } from "@coffee/shared/exercise";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const file = () => exerciseFile(import.meta.url, "deployment.yaml");

interface Deployment {
  kind?: string;
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> };
    template?: { metadata?: { labels?: Record<string, string> } };
  };
}

describe("the manifest", () => {
  let manifest: Deployment;

  beforeAll(() => {
    manifest = parse(readFileSync(file(), "utf8")) as Deployment;
  });

  test("asks for three replicas", () => {
    expect(manifest.kind, "kind").toBe("Deployment");
    expect(manifest.spec?.replicas, "spec.replicas").toBe(3);
  });

  test("selects its own pods", () => {
    const labels = manifest.spec?.template?.metadata?.labels ?? {};
    const wanted = manifest.spec?.selector?.matchLabels ?? {};
    expect(labels, "pod template labels").toMatchObject(wanted);
  });
});

describe("a burst of six requests", () => {
  let result: {
    replicas: number;
    statuses: number[];
    served: Record<string, number>;
  };

  beforeAll(async () => {
    const run = await runTypeScript(
      path.join(here, "replicas.ts"),
      [file()],
      {
        env: { COFFEE_SPEED: "100" },
      },
    );
    expect(run.code, `replicas.ts failed: ${run.stderr.trim()}`).toBe(
      0,
    );
    result = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
  }, 60_000);

  test("gets six answers", () => {
    expect(result.statuses, "status of each answer").toEqual(
      Array(6).fill(200),
    );
  });

  test("every replica takes load", () => {
    const counts = Object.values(result.served);
    expect(counts, "requests served by each replica").toHaveLength(3);
    for (const [name, count] of Object.entries(result.served)) {
      expect(count, `requests served by ${name}`).toBeGreaterThan(0);
    }
  });
});
