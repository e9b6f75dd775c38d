/**
 * Turns a step's Dockerfile and Deployment into what the local
 * stand-in runs: the image's command and environment, the manifest's
 * environment, replicas, heap limit and stop timings.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import {
  readDockerfile,
  readManifests,
  type K8sObject,
} from "@coffee/shared/deploy/files";
import { heapLimitMiB } from "@coffee/shared/deploy/quantity";
import { UsageError } from "./cli.ts";

/** Everything the stand-in needs to run the pods of one step. */
export interface PodPlan {
  /** The unit that the processes stand for: one container, or pods. */
  unit: "container" | "pod";
  /** The step folder: the image's working directory. */
  cwd: string;
  /** The JavaScript file that the image's `node` command runs. */
  script: string;
  /** Arguments after the script, from the image's CMD. */
  args: string[];
  /** `--max-old-space-size` from the memory limit, in MiB. */
  heapMiB: number | undefined;
  /** One entry per replica: its pod name and its environment. */
  pods: { name: string; env: Record<string, string> }[];
  /** Whether a crashed pod is started again, as the kubelet does. */
  restart: boolean;
  preStopSeconds: number;
  graceSeconds: number;
}

/** The seconds `docker stop --timeout` waits in the step's scripts. */
const DOCKER_STOP_SECONDS = 10;

/**
 * Returns the image's command as script and arguments. Throws a
 * UsageError unless CMD runs `node` on a file in exec form.
 */
function imageCommand(stepDir: string): {
  script: string;
  args: string[];
} {
  const cmd = readDockerfile(stepDir).cmd;
  const [program, script, ...args] = cmd?.args ?? [];
  if (!cmd?.exec || program !== "node" || !script) {
    throw new UsageError(
      `${path.join(stepDir, "Dockerfile")}: CMD must be exec form ` +
        `["node", "dist/main.js"], not ${JSON.stringify(cmd?.args)}`,
    );
  }
  return { script, args };
}

/** Returns a ReplicaSet-like hash of the pod template, 8 characters. */
function templateHash(deployment: K8sObject): string {
  const text = JSON.stringify(deployment.spec?.template ?? {});
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

/** Returns a pod-like name such as `coffee-5d8c7f9a-x2k7q`. */
export function podName(deployment: K8sObject): string {
  const suffix = randomBytes(5)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")
    .slice(0, 5);
  return `${deployment.metadata.name}-${templateHash(deployment)}-${suffix}`;
}

/**
 * Returns the container's environment with `valueFrom.fieldRef`
 * resolved for one pod. Throws a UsageError on any other source.
 */
function containerEnv(
  container: any,
  name: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of container.env ?? []) {
    const field = entry.valueFrom?.fieldRef?.fieldPath;
    if (field === "metadata.name") env[entry.name] = name;
    else if (field === "metadata.namespace")
      env[entry.name] = "default";
    else if (entry.value !== undefined)
      env[entry.name] = String(entry.value);
    else {
      throw new UsageError(
        `env ${entry.name}: the stand-in resolves only value and ` +
          "fieldRef metadata.name or metadata.namespace",
      );
    }
  }
  return env;
}

/** Plans the container of step 6: one process, as `docker run` runs. */
function containerPlan(stepDir: string): PodPlan {
  const name = `coffee-step-${path.basename(stepDir).slice(0, 2)}`;
  return {
    unit: "container",
    cwd: stepDir,
    ...imageCommand(stepDir),
    heapMiB: undefined,
    pods: [{ name, env: readDockerfile(stepDir).env }],
    restart: false,
    preStopSeconds: 0,
    graceSeconds: DOCKER_STOP_SECONDS,
  };
}

/** Plans the pods of the step's Deployment. */
function deploymentPlan(stepDir: string): PodPlan {
  const deployment = readManifests(stepDir).find(
    (object) => object.kind === "Deployment",
  );
  if (!deployment) {
    throw new UsageError(`${stepDir}/k8s: no Deployment to run`);
  }
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const imageEnv = readDockerfile(stepDir).env;
  const replicas = deployment.spec.replicas ?? 1;
  const pods = Array.from({ length: replicas }, () => {
    const name = podName(deployment);
    // The manifest's env overrides the image's, as in a pod.
    return {
      name,
      env: { ...imageEnv, ...containerEnv(container, name) },
    };
  });
  const memory = container.resources?.limits?.memory;
  return {
    unit: "pod",
    cwd: stepDir,
    ...imageCommand(stepDir),
    heapMiB: memory === undefined ? undefined : heapLimitMiB(memory),
    pods,
    restart: (pod.restartPolicy ?? "Always") === "Always",
    preStopSeconds: container.lifecycle?.preStop?.sleep?.seconds ?? 0,
    graceSeconds: pod.terminationGracePeriodSeconds ?? 30,
  };
}

/** Plans the processes that stand in for the step's image or pods. */
export function planPods(stepDir: string): PodPlan {
  return existsSync(path.join(stepDir, "k8s"))
    ? deploymentPlan(stepDir)
    : containerPlan(stepDir);
}
