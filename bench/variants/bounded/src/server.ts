// The coffee shop over HTTP: GET /serve-customer/:count.
import {
  createCoffeeApp,
  logInfo,
  parseCustomerCount,
  sendServed,
  startStopwatch,
  withErrorAnswers,
} from "@coffee/shared";
import { serveCustomers } from "./coffee.ts";

/** Creates the coffee shop's express app. */
export function createApp() {
  const app = createCoffeeApp();

  // A bad count throws, and Express 5 turns the rejected promise into
  // a 400 answer that names the count.
  app.get("/serve-customer{/:count}", async (req, res) => {
    const customers = parseCustomerCount(req.params.count);
    const stopwatch = startStopwatch();
    await serveCustomers(customers);
    const took = stopwatch.elapsed();
    logInfo(`Took ${took} to serve coffee to ${customers} customer(s)`);
    sendServed(req, res, { customers, took });
  });

  return withErrorAnswers(app);
}
