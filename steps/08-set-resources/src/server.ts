// The coffee shop over HTTP, with the endpoints Kubernetes probes.
import {
  createCoffeeApp,
  logInfo,
  parseCustomerCount,
  requestSignal,
  sendServed,
  startStopwatch,
  withErrorAnswers,
} from "@coffee/shared";
import { serveCustomers } from "./coffee.ts";

/** Creates the coffee shop's express app and its probe endpoints. */
export function createApp(health = { stopping: false }) {
  const app = createCoffeeApp();

  // Liveness: the event loop answers. Readiness: it takes new
  // customers, until a graceful stop begins.
  app.get("/healthz", (_req, res) => void res.send("ok\n"));
  app.get("/readyz", (_req, res) => {
    const [status, text] = health.stopping
      ? [503, "stopping"]
      : [200, "ready"];
    res.status(status).send(`${text}\n`);
  });

  // A bad count throws, and Express 5 turns the rejected promise into
  // a 400 answer that names the count.
  app.get("/serve-customer{/:count}", async (req, res) => {
    const customers = parseCustomerCount(req.params.count);
    const stopwatch = startStopwatch();
    // The signal aborts when the client disconnects, so that its
    // customers' actions stop instead of running to no purpose.
    await serveCustomers(customers, requestSignal(res));
    const took = stopwatch.elapsed();
    logInfo(`Took ${took} to serve coffee to ${customers} customer(s)`);
    sendServed(req, res, { customers, took });
  });

  return withErrorAnswers(app);
}
