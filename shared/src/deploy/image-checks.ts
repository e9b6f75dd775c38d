/**
 * Checks a step's Dockerfile: a pinned base image, an install from
 * the lockfile, a non-root user, an exec-form `node` command, the
 * app's port exposed, and nothing but built JavaScript in the final
 * stage.
 */
import type { ImageSpec } from "./files.ts";

/** Returns every problem of the Dockerfile that `spec` describes. */
export function checkImage(spec: ImageSpec): string[] {
  return [
    ...baseProblems(spec),
    ...installProblems(spec),
    ...runtimeProblems(spec),
  ];
}

function baseProblems(spec: ImageSpec): string[] {
  if (spec.bases.length < 2) {
    return ["Dockerfile: one stage only: build in one, run in another"];
  }
  return spec.bases
    .filter((base) => !base.tag || !/\d+\.\d+\.\d+/.test(base.tag))
    .map(
      (base) =>
        `Dockerfile: base image ${base.image}:${base.tag ?? ""} is not ` +
        "pinned to a version such as node:20.20.2-bookworm-slim",
    );
}

function installProblems(spec: ImageSpec): string[] {
  const fromLockfile = spec.runs.some(
    (run) =>
      /\bpnpm install\b.*--frozen-lockfile/.test(run) ||
      /\bnpm ci\b/.test(run),
  );
  return fromLockfile
    ? []
    : [
        "Dockerfile: no install from the lockfile (pnpm install " +
          "--frozen-lockfile), so the image may get other versions",
      ];
}

function runtimeProblems(spec: ImageSpec): string[] {
  const problems: string[] = [];
  if (!spec.user || /^(root|0)(:|$)/.test(spec.user)) {
    problems.push(
      `Dockerfile: the final stage runs as ${spec.user ?? "root"}; ` +
        "end with USER 1000:1000 (the image's node user)",
    );
  }
  const cmd = spec.cmd;
  if (!cmd?.exec) {
    problems.push(
      "Dockerfile: CMD is not in exec form, so a shell is PID 1 and " +
        'node never gets SIGTERM; write CMD ["node", "dist/main.js"]',
    );
  } else if (cmd.args[0] !== "node") {
    problems.push(
      `Dockerfile: CMD starts ${cmd.args[0]}, which receives SIGTERM ` +
        "instead of node; start node itself",
    );
  }
  const port = Number(spec.env.PORT);
  if (!spec.exposed.includes(port)) {
    problems.push(
      `Dockerfile: EXPOSE ${spec.exposed.join(" ") || "(none)"} does ` +
        `not include PORT ${spec.env.PORT ?? "(unset)"}`,
    );
  }
  const extra = spec.copiedFromStages.filter(
    (s) => !s.includes("/dist/"),
  );
  if (extra.length > 0) {
    problems.push(
      `Dockerfile: the final stage copies ${extra.join(", ")} from the ` +
        "build stage; copy only the built dist/ files",
    );
  }
  return problems;
}
