/**
 * Checks of the objects that route traffic to a step's pods: each
 * Service selects a Deployment's pods, and each Ingress and HTTPRoute
 * names a Service port and a Gateway that exist in the same step.
 */
import { isContainerPort, named, ofKind, selects } from "./checks.ts";
import type { K8sObject } from "./files.ts";

/** The deprecated annotation that `ingressClassName` replaced. */
export const INGRESS_CLASS_ANNOTATION = "kubernetes.io/ingress.class";

/** The checks of one Service against the step's Deployments. */
export function serviceProblems(
  service: K8sObject,
  deployments: K8sObject[],
): string[] {
  const where = named(service);
  const target = deployments.find((d) =>
    selects(service.spec?.selector, d.spec?.template?.metadata?.labels),
  );
  if (!target) {
    return [
      `${where}: selector ${JSON.stringify(service.spec?.selector)} ` +
        "matches the pods of no Deployment in this step, so it has no " +
        "endpoints",
    ];
  }
  const container = target.spec.template.spec?.containers?.[0] ?? {};
  return (service.spec?.ports ?? [])
    .filter(
      (p: any) => !isContainerPort(container, p.targetPort ?? p.port),
    )
    .map(
      (p: any) =>
        `${where}: targetPort ${p.targetPort ?? p.port} is not a ` +
        `container port of ${target.metadata.name}`,
    );
}

function servicePortExists(
  objects: K8sObject[],
  name: string,
  port: unknown,
): boolean {
  const service = ofKind(objects, "Service").find(
    (s) => s.metadata.name === name,
  );
  return (service?.spec?.ports ?? []).some(
    (p: any) =>
      p.port === port || (port !== undefined && p.name === port),
  );
}

/** The checks of one Ingress against the step's Services. */
export function ingressProblems(
  ingress: K8sObject,
  objects: K8sObject[],
): string[] {
  const where = named(ingress);
  const problems: string[] = [];
  if (ingress.metadata.annotations?.[INGRESS_CLASS_ANNOTATION]) {
    problems.push(
      `${where}: uses the deprecated ${INGRESS_CLASS_ANNOTATION} ` +
        "annotation; set spec.ingressClassName instead",
    );
  }
  if (!ingress.spec?.ingressClassName) {
    problems.push(`${where}: no spec.ingressClassName`);
  }
  const backends = (ingress.spec?.rules ?? []).flatMap((rule: any) =>
    (rule.http?.paths ?? []).map((p: any) => p.backend?.service),
  );
  for (const backend of backends) {
    const port = backend?.port?.number ?? backend?.port?.name;
    if (!servicePortExists(objects, backend?.name, port)) {
      problems.push(
        `${where}: backend ${backend?.name}:${port} is not a Service ` +
          "port in this step",
      );
    }
  }
  return problems;
}

/** The checks of one HTTPRoute against the step's Gateways and Services. */
export function routeProblems(
  route: K8sObject,
  objects: K8sObject[],
): string[] {
  const where = named(route);
  const gateways = ofKind(objects, "Gateway").map(
    (g) => g.metadata.name,
  );
  const problems = (route.spec?.parentRefs ?? [])
    .filter((ref: any) => !gateways.includes(ref.name))
    .map(
      (ref: any) =>
        `${where}: parent ${ref.name} is not a Gateway here`,
    );
  const backends = (route.spec?.rules ?? []).flatMap(
    (rule: any) => rule.backendRefs ?? [],
  );
  for (const ref of backends) {
    if (!servicePortExists(objects, ref.name, ref.port)) {
      problems.push(
        `${where}: backend ${ref.name}:${ref.port} is not a Service ` +
          "port in this step",
      );
    }
  }
  return problems;
}
