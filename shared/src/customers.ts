/**
 * Parses the customer count of `GET /serve-customer/:count`: a positive
 * whole number in decimal digits, at most `maxCustomers()`.
 */

/** The default most customers that one request may ask for. */
export const DEFAULT_MAX_CUSTOMERS = 5_000_000;

/** Longest part of a rejected value that an error message repeats. */
const SHOWN_CHARS = 40;

/** A count that the server rejects; the message names value and rule. */
export class CustomerCountError extends Error {
  override readonly name = "CustomerCountError";
  /** The HTTP status of the error response. */
  readonly status = 400;

  constructor(
    message: string,
    /** The value as the request sent it. */
    readonly value: string,
  ) {
    super(message);
  }
}

/**
 * Returns the most customers per request: `COFFEE_MAX_CUSTOMERS`, or
 * 5,000,000 (enough for the talk's largest experiment).
 */
export function maxCustomers(): number {
  const raw = process.env.COFFEE_MAX_CUSTOMERS;
  if (raw === undefined || raw === "") return DEFAULT_MAX_CUSTOMERS;
  const max = Number(raw);
  if (!/^[1-9]\d*$/.test(raw) || !Number.isSafeInteger(max)) {
    throw new RangeError(
      `invalid COFFEE_MAX_CUSTOMERS "${raw}": use a whole number above 0`,
    );
  }
  return max;
}

/** Writes invisible and control characters as `\uXXXX`. */
function visible(text: string): string {
  return text.replace(
    /(?! )[\p{C}\p{Z}]/gu,
    (char) =>
      `\\u${char.codePointAt(0)!.toString(16).padStart(4, "0")}`,
  );
}

function shown(raw: string): string {
  const json = visible(
    JSON.stringify(
      raw.length > SHOWN_CHARS ? `${raw.slice(0, SHOWN_CHARS)}…` : raw,
    ),
  );
  return raw.length > SHOWN_CHARS
    ? `${json} (${raw.length} characters)`
    : json;
}

/**
 * Parses the `:count` of a request. A missing or empty count means one
 * customer, as in the talk. Throws a CustomerCountError for anything
 * that is not 1 to `max` in decimal digits without sign or leading
 * zero.
 */
export function parseCustomerCount(
  raw: string | undefined,
  max: number = maxCustomers(),
): number {
  if (raw === undefined || raw === "") return 1;
  const rule =
    `the count must be a whole number from 1 to ${max}, written in ` +
    "decimal digits without sign or leading zero, such as " +
    `/serve-customer/${Math.min(3, max)}`;
  if (!/^[1-9][0-9]*$/.test(raw)) {
    throw new CustomerCountError(
      `invalid customer count ${shown(raw)}: ${rule}`,
      raw,
    );
  }
  const count = Number(raw);
  if (raw.length > 16 || count > max) {
    throw new CustomerCountError(
      `too many customers ${shown(raw)}: ${rule}; raise ` +
        "COFFEE_MAX_CUSTOMERS on the server to allow more",
      raw,
    );
  }
  return count;
}
