/**
 * The tests that every container step shares: its Dockerfile and
 * manifests pass the checks, its probes answer on the real app, and
 * each check fails when one of the talk's mistakes is put back into
 * a copy of the files. Test code only: imports vitest and supertest.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Express } from "express";
import request from "supertest";
import { describe, expect, test } from "vitest";
import {
  checkImage,
  checkManifests,
  parseDockerfile,
  probePaths,
  readBuildTag,
  readManifests,
  type K8sObject,
  type StepExpectations,
} from "./deploy/index.ts";
import { MUTATIONS } from "./deploy/mistakes.ts";

/** A broken copy of a Dockerfile, and the problem it must cause. */
const DOCKERFILE_MISTAKES: [
  string,
  (text: string) => string,
  RegExp,
][] = [
  [
    "an unpinned base image",
    (t) => t.replace(/^FROM node:\S+/gm, "FROM node:latest"),
    /not pinned/,
  ],
  [
    "a shell-form CMD",
    (t) => t.replace(/^CMD .*$/m, "CMD node dist/main.js"),
    /not in exec form/,
  ],
  [
    "npm in front of node",
    (t) => t.replace(/^CMD .*$/m, 'CMD ["npm", "start"]'),
    /CMD starts npm/,
  ],
  ["no USER", (t) => t.replace(/^USER .*$/m, ""), /runs as root/],
  [
    "an install without the lockfile",
    (t) => t.replace("--frozen-lockfile", ""),
    /lockfile/,
  ],
  [
    "another port exposed",
    (t) => t.replace(/^EXPOSE .*$/m, "EXPOSE 3000"),
    /EXPOSE 3000/,
  ],
  [
    "node_modules in the final stage",
    (t) => `${t}\nCOPY --from=build /repo/node_modules node_modules\n`,
    /copy only the built dist/,
  ],
];

/** What a step with manifests is checked against. */
export interface ManifestExpectations {
  /** The lesson's facts; the image comes from the build script. */
  expected: Omit<StepExpectations, "image">;
  /** Creates the step's app, to request the probe paths from. */
  createApp: () => Express;
}

/** Returns `path → status` for each probe path not answered with 200. */
async function unanswered(
  objects: K8sObject[],
  app: Express,
): Promise<string[]> {
  const failures: string[] = [];
  for (const probe of probePaths(objects)) {
    const res = await request(app).get(probe);
    if (res.status !== 200) failures.push(`${probe} → ${res.status}`);
  }
  return failures;
}

/**
 * Declares the deployment tests of the step in `stepDir`: the
 * Dockerfile's always, the manifests' when `manifests` is given.
 */
export function describeDeploymentStep(
  stepDir: string,
  manifests?: ManifestExpectations,
): void {
  const dockerfile = readFileSync(
    path.join(stepDir, "Dockerfile"),
    "utf8",
  );
  const image = readBuildTag(stepDir) ?? "";

  describe("Dockerfile", () => {
    test("passes the image checks", () => {
      expect(checkImage(parseDockerfile(dockerfile))).toEqual([]);
    });

    test.each(DOCKERFILE_MISTAKES)(
      "fails with %s",
      (_, mutate, problem) => {
        const problems = checkImage(
          parseDockerfile(mutate(dockerfile)),
        );
        expect(problems.join("\n")).toMatch(problem);
      },
    );
  });

  if (!manifests) return;
  const objects = readManifests(stepDir);
  const all = { ...manifests.expected, image };

  describe("manifests", () => {
    test("pass every check", () => {
      expect(checkManifests(objects, all)).toEqual([]);
    });

    test("name the image that image:build tags", () => {
      expect(image).toMatch(/^scaling-coffee:step-\d\d$/);
    });

    test("probe paths that the app answers", async () => {
      expect(probePaths(objects)).not.toEqual([]);
      expect(await unanswered(objects, manifests.createApp())).toEqual(
        [],
      );
    });

    test("fail with a probe path the app does not answer", async () => {
      const copy = structuredClone(objects);
      const deployment = copy.find((o) => o.kind === "Deployment");
      const probe = deployment?.spec.template.spec.containers[0];
      probe.readinessProbe.httpGet.path = "/health";
      const app = manifests.createApp();
      expect(await unanswered(copy, app)).toEqual(["/health → 404"]);
    });

    const mistakes = MUTATIONS.filter((m) => m.appliesTo(objects, all));
    test.each(mistakes)("fail with $name", ({ mutate, problem }) => {
      const copy = structuredClone(objects) as K8sObject[];
      mutate(copy);
      expect(checkManifests(copy, all).join("\n")).toMatch(problem);
    });
  });
}
