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
  let next = 1;

  // Each worker serves one customer at a time, so at most maxInFlight
  // coffees, and as many promises, exist at any moment.
  async function worker(): Promise<void> {
    while (next <= count) {
      const customer = next++;
      await makeCoffee(customer);
    }
  }

  const workers = Math.min(maxInFlight, count);
  await Promise.all(Array.from({ length: workers }, worker));
}
