// Step 5's coffee shop with the request's signal passed down to every
// action, so that a client that disconnects stops its work.
import {
  createCoffeeApp,
  logInfo,
  parseCustomerCount,
  perform,
  requestSignal,
  sendServed,
  startStopwatch,
  withErrorAnswers,
} from "../src/index.ts";

async function makeCoffee(customer: number, signal?: AbortSignal) {
  await Promise.all([
    perform("pay", customer, signal),
    perform("espresso", customer, signal),
    perform("milk", customer, signal),
  ]);
}

async function serveCustomers(count: number, signal?: AbortSignal) {
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    coffees.push(makeCoffee(customer, signal));
  }
  await Promise.all(coffees);
}

/**
 * Creates the shop; with `cancel` false it leaves the signal out, as
 * steps 2 to 5 do.
 */
export function createShop({ cancel }: { cancel: boolean }) {
  const app = createCoffeeApp();
  app.get("/serve-customer{/:count}", async (req, res) => {
    const customers = parseCustomerCount(req.params.count);
    const stopwatch = startStopwatch();
    await serveCustomers(
      customers,
      cancel ? requestSignal(res) : undefined,
    );
    logInfo(`Took ${stopwatch.elapsed()} for ${customers} customer(s)`);
    sendServed(req, res, { customers, stopwatch });
  });
  return withErrorAnswers(app);
}
