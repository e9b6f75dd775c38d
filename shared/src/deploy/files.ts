/**
 * Reads a step's deployment files: the Dockerfile's final stage, the
 * Kubernetes objects that `k8s/kustomization.yaml` lists, and the
 * image tag that the step's `image:build` script builds.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DockerfileParser, type Cmd } from "dockerfile-ast";
import { parse, parseAllDocuments } from "yaml";

/** A Kubernetes object as written, with the file it came from. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // The spec differs by kind; the checks read it field by field.
  spec?: any;
  /** The file under `k8s/`, for messages. */
  source: string;
}

/** One `FROM` of a Dockerfile. */
export interface BaseImage {
  image: string;
  tag: string | undefined;
  stage: string | undefined;
}

/** What a Dockerfile builds, as far as the checks and the stand-in need. */
export interface ImageSpec {
  bases: BaseImage[];
  /** Every RUN command of every stage. */
  runs: string[];
  /** The final stage: what the container runs. */
  env: Record<string, string>;
  user: string | undefined;
  exposed: number[];
  /** The command, and whether it is in exec (JSON) form. */
  cmd: { args: string[]; exec: boolean } | undefined;
  /** Sources the final stage copies from other stages. */
  copiedFromStages: string[];
}

/** Reads `file`, or throws an Error that names it and the fix. */
function readText(file: string, what: string): string {
  if (!existsSync(file)) {
    throw new Error(`${what} not found: ${file} does not exist`);
  }
  return readFileSync(file, "utf8");
}

function commandOf(cmd: Cmd): { args: string[]; exec: boolean } {
  const json = cmd.getJSONStrings();
  if (json.length > 0) {
    return { args: json.map((s) => s.getJSONValue()), exec: true };
  }
  return {
    args: cmd.getArguments().map((a) => a.getValue()),
    exec: false,
  };
}

/** Parses a Dockerfile's text into an ImageSpec. */
export function parseDockerfile(text: string): ImageSpec {
  const file = DockerfileParser.parse(text);
  const froms = file.getFROMs();
  const spec: ImageSpec = {
    bases: froms.map((from) => ({
      image: from.getImageName() ?? "",
      tag: from.getImageTag() ?? undefined,
      stage: from.getBuildStage() ?? undefined,
    })),
    runs: [],
    env: {},
    user: undefined,
    exposed: [],
    cmd: undefined,
    copiedFromStages: [],
  };
  const finalStart = froms.at(-1)?.getRange().start.line ?? 0;
  for (const instruction of file.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === "RUN") {
      spec.runs.push(instruction.getArgumentsContent() ?? "");
    }
    if (instruction.getRange().start.line < finalStart) continue;
    readFinalStage(spec, instruction);
  }
  const cmd = file.getCMDs().at(-1);
  spec.cmd = cmd ? commandOf(cmd) : undefined;
  return spec;
}

type Instruction = ReturnType<
  ReturnType<typeof DockerfileParser.parse>["getInstructions"]
>[number];

function readFinalStage(spec: ImageSpec, instruction: Instruction) {
  const args = instruction.getArguments().map((a) => a.getValue());
  switch (instruction.getKeyword()) {
    case "ENV":
      for (const pair of args) {
        const [name, ...value] = pair.split("=");
        if (name) spec.env[name] = value.join("=");
      }
      break;
    case "USER":
      spec.user = args[0];
      break;
    case "EXPOSE":
      spec.exposed.push(...args.map((a) => Number.parseInt(a, 10)));
      break;
    case "COPY":
      // dockerfile-ast reads --from=stage as a flag, not an argument.
      if (instruction.getTextContent().includes("--from=")) {
        spec.copiedFromStages.push(...args.slice(0, -1));
      }
  }
}

/** Reads and parses `stepDir/Dockerfile`. */
export function readDockerfile(stepDir: string): ImageSpec {
  const file = path.join(stepDir, "Dockerfile");
  return parseDockerfile(readText(file, "Dockerfile"));
}

/**
 * Reads every object of the files that `k8s/kustomization.yaml`
 * lists under `resources`, in order.
 */
export function readManifests(stepDir: string): K8sObject[] {
  const dir = path.join(stepDir, "k8s");
  const kustomization = parse(
    readText(path.join(dir, "kustomization.yaml"), "kustomization"),
  ) as { resources?: string[] };
  return (kustomization.resources ?? []).flatMap((name) =>
    parseManifests(readText(path.join(dir, name), "manifest"), name),
  );
}

/**
 * Parses the YAML documents of one manifest file. Throws an Error that
 * names the file and the YAML error.
 */
export function parseManifests(
  text: string,
  source: string,
): K8sObject[] {
  return parseAllDocuments(text).flatMap((doc) => {
    if (doc.errors.length > 0) {
      throw new Error(
        `${source}: invalid YAML: ${doc.errors[0]?.message}`,
      );
    }
    const value = doc.toJS() as Omit<K8sObject, "source"> | null;
    return value ? [{ ...value, source }] : [];
  });
}

/**
 * Returns the image that the step's `image:build` script tags, such
 * as `scaling-coffee:step-07`, or undefined when there is none.
 */
export function readBuildTag(stepDir: string): string | undefined {
  const pkg = JSON.parse(
    readText(path.join(stepDir, "package.json"), "package.json"),
  ) as { scripts?: Record<string, string> };
  const build = pkg.scripts?.["image:build"] ?? "";
  return /--tag[ =](\S+)/.exec(build)?.[1];
}
