/**
 * Starts `scripts/stand-in.ts` for a step and follows what it reports:
 * when its pods are ready, and each restart.
 */
import { EventEmitter, once } from "node:events";
import path from "node:path";
import { ROOT, stepDir } from "./catalog.ts";
import { startTypeScript, stop, type Started } from "./children.ts";
import { planPods, type PodPlan } from "./pods.ts";
import type { RunOptions } from "./run-step.ts";

const READY = /\[stand-in\] ready: \d+\/\d+ \w+ at (http:\/\/\S+)/;
const RESTARTED =
  /\[stand-in\] \w+ (\S+) exited: (.*); restarts: (\d+)/;

/** How long the pods may take to become ready, in ms. */
const READY_TIMEOUT_MS = 30_000;

/** A restart that the stand-in reported. */
export interface Restart {
  pod: string;
  /** Such as `exit code 134 (SIGABRT: … out of memory)`. */
  reason: string;
  restarts: number;
}

/** A running stand-in and what it has reported so far. */
export class StandIn {
  readonly events = new EventEmitter();
  readonly restarts: Restart[] = [];
  url: string | undefined;
  /** Whether every pod has listened since the last restart. */
  ready = false;

  constructor(
    readonly plan: PodPlan,
    readonly started: Started,
  ) {
    void started.exited.then(() => this.events.emit("exit"));
  }

  /** Follows one line of the stand-in's output. */
  read(line: string): void {
    const ready = READY.exec(line);
    if (ready?.[1]) {
      this.url = ready[1];
      this.ready = true;
      this.events.emit("ready", ready[1]);
    }
    const restart = RESTARTED.exec(line);
    if (restart) {
      const [, pod = "", reason = "", count = "0"] = restart;
      const entry = { pod, reason, restarts: Number(count) };
      this.restarts.push(entry);
      this.ready = false;
      this.events.emit("restart", entry);
    }
  }

  /**
   * Resolves with the URL once every pod listens (again, after a
   * restart), or with undefined when the stand-in exits or
   * `timeoutMs` passes first.
   */
  async whenReady(
    timeoutMs = READY_TIMEOUT_MS,
  ): Promise<string | undefined> {
    if (this.ready) return this.url;
    return this.#next<string>("ready", timeoutMs);
  }

  /**
   * Resolves with restart number `seen + 1`, once reported, or with
   * undefined after `timeoutMs`.
   */
  async restartAfter(
    seen: number,
    timeoutMs: number,
  ): Promise<Restart | undefined> {
    if (this.restarts.length > seen) return this.restarts[seen];
    return this.#next<Restart>("restart", timeoutMs);
  }

  async #next<T>(
    event: string,
    timeoutMs: number,
  ): Promise<T | undefined> {
    const signal = AbortSignal.timeout(timeoutMs);
    const exited = once(this.events, "exit", { signal }).then(
      () => undefined,
    );
    const next = once(this.events, event, { signal }).then(
      ([value]) => value as T,
    );
    return Promise.race([next, exited]).catch(() => undefined);
  }

  /**
   * Stops the pods as a delete does and resolves with the stand-in's
   * exit code. Only the stand-in gets SIGTERM, so that each pod gets
   * it once, after its preStop sleep; SIGKILL follows for the whole
   * group if the stand-in outlives the grace period.
   */
  async stop(): Promise<number> {
    if (this.started.child.exitCode !== null)
      return this.started.exited;
    this.started.child.kill("SIGTERM");
    const graceMs =
      (this.plan.preStopSeconds + this.plan.graceSeconds + 5) * 1000;
    const timer = setTimeout(() => void stop(this.started, 0), graceMs);
    const code = await this.started.exited;
    clearTimeout(timer);
    return code;
  }
}

/**
 * Starts the stand-in for `options.step` with the environment of
 * `env`; lines go to `onLine` as well as to the StandIn.
 */
export function startStandIn(
  options: RunOptions,
  env: Record<string, string>,
  onLine: (line: string, stream: "out" | "err") => void,
): StandIn {
  const plan = planPods(stepDir(options.step));
  let standIn: StandIn | undefined;
  const started = startTypeScript(
    path.join(ROOT, "scripts", "stand-in.ts"),
    {
      cwd: ROOT,
      env: { ...env, COFFEE_POD_PLAN: JSON.stringify(plan) },
      onLine: (line, stream) => {
        onLine(line, stream);
        standIn?.read(line);
      },
    },
  );
  standIn = new StandIn(plan, started);
  return standIn;
}
