// Step 5's coffee shop with the request's signal passed down to every
// action, so that a client that disconnects stops its work, and the
// two ways to handle a failed customer that the lessons show.
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

export async function makeCoffee(
  customer: number,
  signal?: AbortSignal,
) {
  await Promise.all([
    perform("pay", customer, signal),
    perform("espresso", customer, signal),
    perform("milk", customer, signal),
  ]);
}

export async function serveCustomers(
  count: number,
  signal?: AbortSignal,
) {
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    coffees.push(makeCoffee(customer, signal));
  }
  await Promise.all(coffees);
}

/** Serves every customer and reports each one's outcome. */
export async function serveEachReported(count: number) {
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    coffees.push(makeCoffee(customer));
  }
  const outcomes = await Promise.allSettled(coffees);
  return outcomes.map((outcome, i) => ({
    customer: i + 1,
    served: outcome.status === "fulfilled",
  }));
}

/** Serves every customer, and stops them all when one fails. */
export async function serveOrStopAll(count: number) {
  const controller = new AbortController();
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    const coffee = makeCoffee(customer, controller.signal);
    coffees.push(
      coffee.catch((error: unknown) => {
        controller.abort(error);
        throw error;
      }),
    );
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
    const took = stopwatch.elapsed();
    logInfo(`Took ${took} for ${customers} customer(s)`);
    sendServed(req, res, { customers, took });
  });
  return withErrorAnswers(app);
}
