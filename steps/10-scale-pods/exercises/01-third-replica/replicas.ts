// Runs the replicas that a Deployment file asks for on this machine,
// as processes of Node.js's cluster module behind one port, sends them
// a burst of requests, and prints who served what, as JSON.
// NOTE: a local stand-in for a Service in front of pods: the cluster
// module hands connections to workers round-robin, as kube-proxy
// spreads them over endpoints. Each worker runs step 5's server.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { get } from "node:http";
import { parse } from "yaml";

/** Requests sent at once, and the customers in each. */
const REQUESTS = 6;
const CUSTOMERS = 30;

async function runReplica(): Promise<void> {
  const { listen } = await import("@coffee/shared");
  const { createApp } =
    await import("../../../05-more-concurrency/src/server.ts");
  const server = await listen(createApp());
  server.on("request", () => process.send?.("served"));
}

function replicasOf(file: string): number {
  const manifest = parse(readFileSync(file, "utf8")) as {
    spec?: { replicas?: number };
  };
  return manifest.spec?.replicas ?? 1;
}

function request(port: number): Promise<number> {
  return new Promise((resolve) => {
    const url = `http://127.0.0.1:${port}/serve-customer/${CUSTOMERS}`;
    get(url, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    }).on("error", () => resolve(0));
  });
}

async function runPrimary(file: string): Promise<void> {
  const replicas = replicasOf(file);
  const served: Record<string, number> = {};
  const ports: number[] = [];
  for (let n = 1; n <= replicas; n++) {
    const name = `coffee-${n}`;
    served[name] = 0;
    const env = {
      COFFEE_REPLICA: name,
      PORT: "0",
      COFFEE_LOG: "quiet",
    };
    const worker = cluster.fork(env);
    worker.on("message", () => (served[name]! += 1));
    ports.push(
      await new Promise<number>((resolve) =>
        worker.once("listening", (address) => resolve(address.port)),
      ),
    );
  }
  const statuses = await Promise.all(
    Array.from({ length: REQUESTS }, () => request(ports[0]!)),
  );
  for (const worker of Object.values(cluster.workers ?? {}))
    worker?.kill();
  console.log(JSON.stringify({ replicas, statuses, served }));
}

if (cluster.isPrimary) {
  cluster.schedulingPolicy = cluster.SCHED_RR;
  await runPrimary(process.argv[2]!);
} else {
  await runReplica();
}
