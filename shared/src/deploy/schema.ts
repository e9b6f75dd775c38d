/**
 * Validates Kubernetes objects offline against the JSON schemas that
 * kubernetes-models 5.1.0 and @kubernetes-models/gateway-api 2.0.0
 * ship (Kubernetes 1.34 APIs, Gateway API v1).
 */
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { Service } from "kubernetes-models/v1/Service";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { Gateway } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway";
import { HTTPRoute } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute";
import type { K8sObject } from "./files.ts";

type Model = new (data: never) => { validate(): void };

const MODELS: Record<string, Model> = {
  "apps/v1 Deployment": Deployment,
  "v1 Service": Service,
  "networking.k8s.io/v1 Ingress": Ingress,
  "gateway.networking.k8s.io/v1 Gateway": Gateway,
  "gateway.networking.k8s.io/v1 HTTPRoute": HTTPRoute,
};

/**
 * Returns the schema errors of one object, or a problem when its kind
 * is not one that the workshop uses.
 */
export function schemaProblems(object: K8sObject): string[] {
  const { source, ...data } = object;
  const key = `${data.apiVersion} ${data.kind}`;
  const model = MODELS[key];
  if (!model) {
    return [
      `${source}: unexpected kind "${key}": the steps use ` +
        Object.keys(MODELS).join(", "),
    ];
  }
  try {
    new model(data as never).validate();
    return [];
  } catch (error) {
    const name = data.metadata?.name ?? "(no name)";
    return [
      `${source}: ${data.kind} ${name}: ${(error as Error).message}`,
    ];
  }
}
