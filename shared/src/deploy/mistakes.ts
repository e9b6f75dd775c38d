/**
 * The talk's manifest mistakes, and a few more that break a
 * deployment quietly, each as a change to a copy of a step's objects
 * and the problem that the checks must then report.
 */
import type { K8sObject } from "./files.ts";
import type { StepExpectations } from "./checks.ts";

/** One mistake put back into a copy of a step's objects. */
export interface Mutation {
  name: string;
  /** Whether the step has the objects that the mistake changes. */
  appliesTo(objects: K8sObject[], expected: StepExpectations): boolean;
  mutate(objects: K8sObject[]): void;
  problem: RegExp;
}

const first = (objects: K8sObject[], kind: string): any =>
  objects.find((object) => object.kind === kind);

const pod = (objects: K8sObject[]): any =>
  first(objects, "Deployment").spec.template.spec;

const container = (objects: K8sObject[]): any =>
  pod(objects).containers[0];

const has = (kind: string) => (objects: K8sObject[]) =>
  objects.some((object) => object.kind === kind);

const always = () => true;

/** Every mistake that the manifest checks guard against. */
export const MUTATIONS: Mutation[] = [
  {
    name: "a Service selecting a label no pod has",
    appliesTo: has("Service"),
    mutate: (o) =>
      void (first(o, "Service").spec.selector = { app: "coffee" }),
    problem: /matches the pods of no Deployment/,
  },
  {
    name: "the deprecated ingress class annotation",
    appliesTo: has("Ingress"),
    mutate: (o) => {
      const ingress = first(o, "Ingress");
      delete ingress.spec.ingressClassName;
      ingress.metadata.annotations = {
        "kubernetes.io/ingress.class": "nginx",
      };
    },
    problem: /deprecated kubernetes\.io\/ingress\.class/,
  },
  {
    name: "an Ingress backend on a missing port",
    appliesTo: has("Ingress"),
    mutate: (o) => {
      const path = first(o, "Ingress").spec.rules[0].http.paths[0];
      path.backend.service.port.number = 8080;
    },
    problem: /backend coffee:8080 is not a Service port/,
  },
  {
    name: "an HTTPRoute to a missing Service",
    appliesTo: has("HTTPRoute"),
    mutate: (o) => {
      first(o, "HTTPRoute").spec.rules[0].backendRefs[0].name =
        "coffee-svc";
    },
    problem: /backend coffee-svc:80 is not a Service port/,
  },
  {
    name: "imagePullPolicy Always",
    appliesTo: always,
    mutate: (o) => void (container(o).imagePullPolicy = "Always"),
    problem: /imagePullPolicy "Always"/,
  },
  {
    name: "the latest tag",
    appliesTo: always,
    mutate: (o) => void (container(o).image = "scaling-coffee:latest"),
    problem: /has no tag or "latest"/,
  },
  {
    name: "a selector that misses the pod labels",
    appliesTo: always,
    mutate: (o) => {
      first(o, "Deployment").spec.selector.matchLabels = {
        app: "coffee",
      };
    },
    problem: /does not match the pod labels/,
  },
  {
    name: "a replica count as a string",
    appliesTo: always,
    mutate: (o) => void (first(o, "Deployment").spec.replicas = "2"),
    problem: /replicas must be integer/,
  },
  {
    name: "no readiness probe",
    appliesTo: always,
    mutate: (o) => void delete container(o).readinessProbe,
    problem: /no readinessProbe/,
  },
  {
    name: "a liveness probe that a busy loop fails",
    appliesTo: always,
    mutate: (o) => {
      Object.assign(container(o).livenessProbe, {
        timeoutSeconds: 1,
        periodSeconds: 5,
        failureThreshold: 1,
      });
    },
    problem: /livenessProbe timeoutSeconds 1/,
  },
  {
    name: "no preStop sleep",
    appliesTo: always,
    mutate: (o) => void delete container(o).lifecycle,
    problem: /no preStop sleep/,
  },
  {
    name: "a grace period shorter than the stop",
    appliesTo: always,
    mutate: (o) => void (pod(o).terminationGracePeriodSeconds = 5),
    problem: /terminationGracePeriodSeconds 5 must exceed/,
  },
  {
    name: "a pod that may run as root",
    appliesTo: always,
    mutate: (o) => void delete pod(o).securityContext.runAsNonRoot,
    problem: /runAsNonRoot/,
  },
  {
    name: "privilege escalation allowed",
    appliesTo: always,
    mutate: (o) => {
      container(o).securityContext.allowPrivilegeEscalation = true;
    },
    problem: /allowPrivilegeEscalation is not false/,
  },
  {
    name: "a writable root filesystem",
    appliesTo: always,
    mutate: (o) =>
      void delete container(o).securityContext.readOnlyRootFilesystem,
    problem: /readOnlyRootFilesystem is not true/,
  },
  {
    name: "resources where the lesson sets none",
    appliesTo: (_, expected) => !expected.resources,
    mutate: (o) => {
      container(o).resources = { limits: { cpu: "1", memory: "1Gi" } };
    },
    problem: /this step's lesson sets none/,
  },
  {
    name: "the talk's cpu 1m and memory 10Mi",
    appliesTo: (_, expected) => Boolean(expected.resources),
    mutate: (o) => {
      container(o).resources = {
        requests: { cpu: "1m", memory: "10Mi" },
        limits: { cpu: "1m", memory: "10Mi" },
      };
    },
    problem: /memory limit 10Mi leaves no room for a V8 heap/,
  },
  {
    name: "a heap limit that does not fit the memory limit",
    appliesTo: (_, expected) => Boolean(expected.resources),
    mutate: (o) => {
      const env = container(o).env.find(
        (e: any) => e.name === "NODE_OPTIONS",
      );
      env.value = "--max-old-space-size=4096";
    },
    problem: /lacks --max-old-space-size=/,
  },
];
