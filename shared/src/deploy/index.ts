/**
 * Reading and checking a step's Dockerfile and Kubernetes manifests.
 * Tooling and test code only: the app never imports it.
 */
export * from "./checks.ts";
export * from "./files.ts";
export * from "./image-checks.ts";
export * from "./quantity.ts";
export * from "./routing-checks.ts";
export * from "./schema.ts";
