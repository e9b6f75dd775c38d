// Serve any number of customers, with a bound on those in flight.

/** Makes one customer's coffee. */
export type MakeCoffee = (customer: number) => Promise<void>;

/**
 * Serves customers 1 to `count`, with at most `maxInFlight` coffees
 * being made at once; resolves when all are made.
 */
export async function serveBounded(
  count: number,
  makeCoffee: MakeCoffee,
  maxInFlight: number,
): Promise<void> {
  // TODO: keep at most maxInFlight coffees in flight. Today every
  // customer starts at once, as in step 5.
  void maxInFlight;
  const coffees: Promise<void>[] = [];
  for (let customer = 1; customer <= count; customer++) {
    coffees.push(makeCoffee(customer));
  }
  await Promise.all(coffees);
}
