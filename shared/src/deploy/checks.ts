/**
 * Checks a step's Kubernetes objects for the mistakes that break a
 * deployment without an error from kubectl: selectors that match
 * nothing, backends that do not exist, images that cannot be pulled,
 * limits that Node.js cannot run in, pods that run as root. The routing
 * objects have their own module, routing-checks.ts.
 * Every check returns a list of problems; an empty list passes.
 */
import type { K8sObject } from "./files.ts";
import { heapLimitMiB } from "./quantity.ts";
import {
  ingressProblems,
  routeProblems,
  serviceProblems,
} from "./routing-checks.ts";
import { schemaProblems } from "./schema.ts";

/** What the lesson of a step says its objects contain. */
export interface StepExpectations {
  /** The image that the step's build command tags. */
  image: string;
  /** The port that the image exposes and the app listens on. */
  port: number;
  replicas: number;
  /** The lesson's requests and limits, or undefined for none. */
  resources?:
    | {
        requests: { cpu: string; memory: string };
        limits: { cpu: string; memory: string };
      }
    | undefined;
  /** The longest request of the lesson, in seconds at speed 1. */
  longestRequestSeconds: number;
  /** How long the app lets requests finish after SIGTERM, in s. */
  stopDeadlineSeconds: number;
}

/** The labels that every object and pod of the workshop carries. */
export const RECOMMENDED_LABELS = [
  "app.kubernetes.io/name",
  "app.kubernetes.io/instance",
  "app.kubernetes.io/version",
  "app.kubernetes.io/component",
  "app.kubernetes.io/part-of",
] as const;

type Labels = Record<string, string> | undefined;

/** Returns whether every label of `selector` is in `labels`. */
export function selects(selector: Labels, labels: Labels): boolean {
  const wanted = Object.entries(selector ?? {});
  return (
    wanted.length > 0 &&
    wanted.every(([key, value]) => labels?.[key] === value)
  );
}

/** Returns `file: Kind name`, the start of each problem. */
export function named(object: K8sObject): string {
  return `${object.source}: ${object.kind} ${object.metadata?.name}`;
}

/** Returns the objects of one kind, in file order. */
export function ofKind(
  objects: K8sObject[],
  kind: string,
): K8sObject[] {
  return objects.filter((object) => object.kind === kind);
}

/** Runs every check over the objects of one step. */
export function checkManifests(
  objects: K8sObject[],
  expected: StepExpectations,
): string[] {
  const deployments = ofKind(objects, "Deployment");
  return [
    ...objects.flatMap(schemaProblems),
    ...(deployments.length === 1
      ? []
      : [`expected one Deployment, found ${deployments.length}`]),
    ...deployments.flatMap((d) => deploymentProblems(d, expected)),
    ...ofKind(objects, "Service").flatMap((s) =>
      serviceProblems(s, deployments),
    ),
    ...ofKind(objects, "Ingress").flatMap((i) =>
      ingressProblems(i, objects),
    ),
    ...ofKind(objects, "HTTPRoute").flatMap((r) =>
      routeProblems(r, objects),
    ),
  ];
}

/** The checks of one Deployment and its pod template. */
export function deploymentProblems(
  deployment: K8sObject,
  expected: StepExpectations,
): string[] {
  const where = named(deployment);
  const spec = deployment.spec ?? {};
  const template = spec.template ?? {};
  const podLabels = template.metadata?.labels;
  const problems: string[] = [];
  if (!selects(spec.selector?.matchLabels, podLabels)) {
    problems.push(
      `${where}: selector ${JSON.stringify(spec.selector?.matchLabels)} ` +
        `does not match the pod labels ${JSON.stringify(podLabels)}`,
    );
  }
  for (const [what, labels] of [
    ["metadata", deployment.metadata.labels],
    ["pod template", podLabels],
  ] as const) {
    const missing = RECOMMENDED_LABELS.filter((key) => !labels?.[key]);
    if (missing.length > 0) {
      problems.push(
        `${where}: ${what} lacks labels ${missing.join(", ")}`,
      );
    }
  }
  if (spec.replicas !== expected.replicas) {
    problems.push(
      `${where}: replicas is ${spec.replicas}, the lesson says ` +
        `${expected.replicas}`,
    );
  }
  const containers: any[] = template.spec?.containers ?? [];
  return [
    ...problems,
    ...podProblems(where, template.spec ?? {}, expected),
    ...containers.flatMap((c) => containerProblems(where, c, expected)),
  ];
}

function podProblems(
  where: string,
  pod: any,
  expected: StepExpectations,
): string[] {
  const problems: string[] = [];
  const preStop =
    pod.containers?.[0]?.lifecycle?.preStop?.sleep?.seconds ?? 0;
  if (!(preStop >= 1)) {
    problems.push(
      `${where}: no preStop sleep: endpoints may still send requests ` +
        "to a pod that has begun to stop",
    );
  }
  const grace = pod.terminationGracePeriodSeconds;
  const needed =
    preStop +
    Math.max(
      expected.longestRequestSeconds,
      expected.stopDeadlineSeconds,
    );
  if (!(grace > needed)) {
    problems.push(
      `${where}: terminationGracePeriodSeconds ${grace} must exceed ` +
        `preStop ${preStop} s + ${needed - preStop} s for requests in flight`,
    );
  }
  if (pod.securityContext?.runAsNonRoot !== true) {
    problems.push(`${where}: the pod does not set runAsNonRoot: true`);
  }
  return problems;
}

function containerProblems(
  where: string,
  container: any,
  expected: StepExpectations,
): string[] {
  const at = `${where} container ${container.name}`;
  return [
    ...imageProblems(at, container, expected.image),
    ...portProblems(at, container, expected.port),
    ...probeProblems(at, container),
    ...resourceProblems(at, container, expected),
    ...securityProblems(at, container),
    ...podNameProblems(at, container),
  ];
}

function imageProblems(at: string, container: any, image: string) {
  const problems: string[] = [];
  if (container.image !== image) {
    problems.push(
      `${at}: image "${container.image}" is not "${image}", the tag ` +
        "that the step's image:build script builds",
    );
  }
  const tag = /:([^:/]+)$/.exec(container.image ?? "")?.[1];
  if (!tag || tag === "latest") {
    problems.push(
      `${at}: image "${container.image}" has no tag or "latest", so ` +
        "Kubernetes always pulls it, and a local image cannot be pulled",
    );
  }
  if (!["IfNotPresent", "Never"].includes(container.imagePullPolicy)) {
    problems.push(
      `${at}: imagePullPolicy "${container.imagePullPolicy}" pulls from ` +
        "a registry; an image loaded into kind or minikube needs " +
        "IfNotPresent",
    );
  }
  return problems;
}

function portProblems(at: string, container: any, port: number) {
  const ports: any[] = container.ports ?? [];
  return ports.some((p) => p.containerPort === port)
    ? []
    : [`${at}: no containerPort ${port}, the port the app listens on`];
}

/** Returns whether `port` (a number or a name) is a container port. */
export function isContainerPort(
  container: any,
  port: unknown,
): boolean {
  return (container.ports ?? []).some(
    (p: any) => p.containerPort === port || p.name === port,
  );
}

function probeProblems(at: string, container: any): string[] {
  const problems: string[] = [];
  for (const kind of ["readinessProbe", "livenessProbe"]) {
    const probe = container[kind];
    const get = probe?.httpGet;
    if (!get) {
      problems.push(`${at}: no ${kind} with httpGet`);
      continue;
    }
    if (!isContainerPort(container, get.port)) {
      problems.push(
        `${at}: ${kind} port ${get.port} is not a container port`,
      );
    }
    if (!((probe.timeoutSeconds ?? 1) >= 3)) {
      problems.push(
        `${at}: ${kind} timeoutSeconds ${probe.timeoutSeconds ?? 1} fails ` +
          "whenever the event loop is busy for a second; use at least 3",
      );
    }
  }
  const live = container.livenessProbe;
  const tolerated =
    (live?.periodSeconds ?? 10) * (live?.failureThreshold ?? 3);
  if (live && tolerated < 30) {
    problems.push(
      `${at}: livenessProbe restarts the pod after ${tolerated} s of a ` +
        "busy event loop; allow at least 30 s (period × failureThreshold)",
    );
  }
  return problems;
}

/** Returns the HTTP paths that a container's probes request. */
export function probePaths(objects: K8sObject[]): string[] {
  return ofKind(objects, "Deployment").flatMap((d) =>
    (d.spec?.template?.spec?.containers ?? []).flatMap((c: any) =>
      [c.readinessProbe, c.livenessProbe, c.startupProbe]
        .map((probe) => probe?.httpGet?.path)
        .filter((path): path is string => typeof path === "string"),
    ),
  );
}

function resourceProblems(
  at: string,
  container: any,
  expected: StepExpectations,
): string[] {
  const actual = container.resources;
  const wanted = expected.resources;
  const present = actual?.limits || actual?.requests;
  if (!wanted) {
    return present
      ? [`${at}: resources are set, but this step's lesson sets none`]
      : [];
  }
  const problems: string[] = [];
  for (const group of ["requests", "limits"] as const) {
    for (const name of ["cpu", "memory"] as const) {
      const value = actual?.[group]?.[name];
      if (String(value) !== wanted[group][name]) {
        problems.push(
          `${at}: resources.${group}.${name} is ${value}, the ` +
            `lesson's table says ${wanted[group][name]}`,
        );
      }
    }
  }
  return [
    ...problems,
    ...heapProblems(at, container, actual?.limits?.memory ?? "0"),
  ];
}

function heapProblems(at: string, container: any, memory: string) {
  let heap: number;
  try {
    heap = heapLimitMiB(memory);
  } catch (error) {
    return [`${at}: ${(error as Error).message}`];
  }
  const options = (container.env ?? []).find(
    (e: any) => e.name === "NODE_OPTIONS",
  )?.value;
  return String(options ?? "").includes(`--max-old-space-size=${heap}`)
    ? []
    : [
        `${at}: NODE_OPTIONS "${options ?? ""}" lacks ` +
          `--max-old-space-size=${heap}, the heap for a ${memory} limit`,
      ];
}

function securityProblems(at: string, container: any): string[] {
  const context = container.securityContext ?? {};
  const problems: string[] = [];
  if (context.allowPrivilegeEscalation !== false) {
    problems.push(`${at}: allowPrivilegeEscalation is not false`);
  }
  if (context.readOnlyRootFilesystem !== true) {
    problems.push(`${at}: readOnlyRootFilesystem is not true`);
  }
  if (!(context.capabilities?.drop ?? []).includes("ALL")) {
    problems.push(`${at}: capabilities do not drop ALL`);
  }
  return problems;
}

function podNameProblems(at: string, container: any): string[] {
  const env = (container.env ?? []).find(
    (e: any) => e.name === "POD_NAME",
  );
  return env?.valueFrom?.fieldRef?.fieldPath === "metadata.name"
    ? []
    : [`${at}: POD_NAME does not come from metadata.name`];
}
