// Runs serveBounded(3,000,000) of the file named on the command line
// with a cheap stand-in coffee, in a process of its own, and prints
// what happened as JSON. It exits at once when serveBounded rejects,
// because 3,000,000 coffees may still be pending then.
import { pathToFileURL } from "node:url";

const CUSTOMERS = 3_000_000;
const MAX_IN_FLIGHT = 10_000;

const { serveBounded } = (await import(
  pathToFileURL(process.argv[2]!).href
)) as {
  serveBounded(
    count: number,
    makeCoffee: (customer: number) => Promise<void>,
    maxInFlight: number,
  ): Promise<void>;
};

const seen = { made: 0, inFlight: 0, mostInFlight: 0, twice: 0 };
const served = new Uint8Array(CUSTOMERS + 1);

// Every coffee started in one turn of the event loop ends in the next,
// so the stand-in costs one small promise per customer.
let turn: Promise<void> | undefined;
const nextTurn = () =>
  (turn ??= new Promise((resolve) =>
    setImmediate(() => {
      turn = undefined;
      resolve();
    }),
  ));

async function makeCoffee(customer: number): Promise<void> {
  seen.inFlight += 1;
  seen.mostInFlight = Math.max(seen.mostInFlight, seen.inFlight);
  await nextTurn();
  if (served[customer]) seen.twice += 1;
  served[customer] = 1;
  seen.made += 1;
  seen.inFlight -= 1;
}

const started = performance.now();
try {
  await serveBounded(CUSTOMERS, makeCoffee, MAX_IN_FLIGHT);
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ resolved: true, ms, ...seen }));
} catch (error) {
  console.log(
    JSON.stringify({ resolved: false, error: String(error), ...seen }),
  );
}
process.exit(0);
