// Runs serveCustomers(3) of the file named on the command line in a
// process of its own, so that the check sees what a failure does to it.
import { pathToFileURL } from "node:url";
import { actionDuration } from "@coffee/shared";

const file = process.argv[2]!;
const { serveCustomers } = (await import(pathToFileURL(file).href)) as {
  serveCustomers(count: number): unknown;
};

const returned = serveCustomers(3);
const waits = returned instanceof Promise ? "a promise" : "no promise";
console.log(`serveCustomers returned ${waits}`);

// Stay up until every action has had time to end, as a server would.
setTimeout(
  () => {
    console.log("still running after every action");
  },
  3 * actionDuration() + 100,
);
