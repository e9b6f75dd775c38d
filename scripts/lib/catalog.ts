/**
 * The ten steps: where each lives and what the talk showed for it.
 * The talk's numbers are the talk's (GoLab 2023), not ours.
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The folder that contains the step folders. */
export const STEPS_DIR = path.join(ROOT, "steps");

/** One step of the workshop, built or still to come. */
export interface Step {
  number: number;
  /** The folder name, such as `05-more-concurrency`. */
  folder: string;
  /** Our title, one line. */
  title: string;
  /** The talk's title for the same step. */
  talkTitle: string;
  /** The result the talk measured, quoted as the talk's. */
  talkResult: string;
  /** A program that runs once, or a server that serves requests. */
  kind: "program" | "server";
  /** Action times it takes to serve `customers`, at any speed. */
  actionTimes(customers: number): number;
}

const STEPS: Omit<Step, "number">[] = [
  {
    folder: "01-no-concurrency",
    title: "one customer, three actions one after another",
    talkTitle: "No concurrency",
    talkResult: "6.02 s for one customer",
    kind: "program",
    actionTimes: () => 3,
  },
  {
    folder: "02-serve-more-customers",
    title: "an HTTP server serves customers one after another",
    talkTitle: "Serve more customers",
    talkResult: "18.0 s for 3 customers",
    kind: "server",
    actionTimes: (n) => 3 * n,
  },
  {
    folder: "03-fire-and-forget",
    title: "customers started without waiting for them",
    talkTitle: "Use a goroutine",
    talkResult: "12.5 µs, the actions log afterwards",
    kind: "server",
    actionTimes: () => 0,
  },
  {
    folder: "04-wait-for-all",
    title: "all customers at once, then wait for all (Promise.all)",
    talkTitle: "Add a wait group",
    talkResult: "6.0 s for 3 customers",
    kind: "server",
    actionTimes: () => 3,
  },
  {
    folder: "05-more-concurrency",
    title: "the three actions of each customer overlap too",
    talkTitle: "Add MORE goroutines",
    talkResult: "2.0 s for 3 customers",
    kind: "server",
    actionTimes: () => 1,
  },
  {
    folder: "06-containerize",
    title: "the server in a container image",
    talkTitle: "Containerize",
    talkResult: "2.0 s for 3 customers, in the container",
    kind: "server",
    actionTimes: () => 1,
  },
  {
    folder: "07-deploy-kubernetes",
    title: "a Deployment with one replica, probes, graceful stop",
    talkTitle: "Deploy on Kubernetes",
    talkResult: "works as in step 6",
    kind: "server",
    actionTimes: () => 1,
  },
  {
    folder: "08-set-resources",
    title: "requests and limits, up to the first out-of-memory crash",
    talkTitle: "Set resources",
    talkResult: "300 → 3.8 s, 3000 → OOM killed, restarts: 1",
    kind: "server",
    actionTimes: () => 1,
  },
  {
    folder: "09-bump-resources",
    title: "vertical scaling: more CPU and memory for one pod",
    talkTitle: "Bump resources",
    talkResult: "30,000 → 3.8 s; 3,000,000 → OOM killed",
    kind: "server",
    actionTimes: () => 1,
  },
  {
    folder: "10-scale-pods",
    title: "horizontal scaling: two replicas behind a Service",
    talkTitle: "Scale up pods",
    talkResult: "two requests of 30,000 at once → 2.27 s and 2.21 s",
    kind: "server",
    actionTimes: () => 1,
  },
];

/** Every step, numbered from 1. */
export const steps: readonly Step[] = STEPS.map((step, i) => ({
  ...step,
  number: i + 1,
}));

/** Returns the step's folder as an absolute path. */
export function stepDir(step: Step): string {
  return path.join(STEPS_DIR, step.folder);
}

/** Returns whether the step's folder exists in this checkout. */
export function isBuilt(step: Step): boolean {
  return existsSync(path.join(stepDir(step), "src", "main.ts"));
}

/** Returns the folders under steps/ that the catalogue does not list. */
export function unknownFolders(): string[] {
  const known = new Set(steps.map((step) => step.folder));
  return readdirSync(STEPS_DIR).filter((name) => !known.has(name));
}
