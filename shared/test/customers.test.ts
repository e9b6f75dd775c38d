import { afterEach, expect, test, vi } from "vitest";
import {
  CustomerCountError,
  DEFAULT_MAX_CUSTOMERS,
  maxCustomers,
  parseCustomerCount,
} from "../src/customers.ts";
import { INVALID_COUNTS } from "../src/server-suite.ts";

afterEach(() => vi.unstubAllEnvs());

test.each([
  [undefined, 1],
  ["", 1],
  ["1", 1],
  ["3", 3],
  ["30000", 30000],
  [String(DEFAULT_MAX_CUSTOMERS), DEFAULT_MAX_CUSTOMERS],
])("parses count %j", (raw, expected) => {
  expect(parseCustomerCount(raw)).toBe(expected);
});

test.each(INVALID_COUNTS)("rejects %j (%s)", (raw) => {
  expect(() => parseCustomerCount(raw)).toThrow(CustomerCountError);
});

test("error names the value and the rule", () => {
  const error = catchError(() => parseCustomerCount("abc"));
  expect(error.message).toContain('"abc"');
  expect(error.message).toContain("whole number from 1 to");
  expect(error.value).toBe("abc");
  expect(error.status).toBe(400);
});

test("error shortens a long value", () => {
  const error = catchError(() => parseCustomerCount("7".repeat(500)));
  expect(error.message).toContain("(500 characters)");
  expect(error.message.length).toBeLessThan(400);
});

test("rejects more than the maximum", () => {
  const error = catchError(() => parseCustomerCount("11", 10));
  expect(error.message).toContain("too many customers");
  expect(error.message).toContain("COFFEE_MAX_CUSTOMERS");
});

test("reads the maximum from the environment", () => {
  vi.stubEnv("COFFEE_MAX_CUSTOMERS", "100");
  expect(maxCustomers()).toBe(100);
  expect(() => parseCustomerCount("101")).toThrow("too many");
});

test("rejects an invalid maximum", () => {
  vi.stubEnv("COFFEE_MAX_CUSTOMERS", "lots");
  expect(() => maxCustomers()).toThrow(
    'invalid COFFEE_MAX_CUSTOMERS "lots"',
  );
});

function catchError(fn: () => unknown): CustomerCountError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CustomerCountError) return error;
    throw error;
  }
  throw new Error("expected a CustomerCountError");
}
