/**
 * Hostile and odd requests that every server step must answer well:
 * the right status, a message that names the value and the rule, and
 * no stack trace. Test data only.
 */
import { maxHeaderSize } from "node:http";
import { rawRequest } from "./raw-http.ts";

/** One request of the table and the answer it must get. */
export interface HostileRequest {
  /** What is odd about the request; the test's name. */
  name: string;
  /** The bytes sent on a fresh connection. */
  bytes: string | Buffer;
  status: number;
  /** Text that the answer's body must contain. */
  mentions?: string[];
  /** Headers that the answer must carry, with their exact values. */
  headers?: Record<string, string>;
  /** The content type the body must have; text/plain when unset. */
  type?: "text/plain" | "application/json";
}

/** The rule that every rejected count's message states. */
export const COUNT_RULE = "whole number from 1 to";

const get = (path: string, headers?: Record<string, string>) =>
  rawRequest("GET", path, headers);

/** Counts that every server step rejects with 400, and why. */
export const INVALID_COUNTS: readonly [count: string, why: string][] = [
  ["abc", "letters"],
  ["-3", "a minus sign"],
  ["+3", "a plus sign"],
  ["0", "zero"],
  ["007", "leading zeros"],
  ["1.5", "a decimal"],
  ["1e3", "an exponent"],
  ["0x10", "hexadecimal"],
  ["٣", "an Arabic-Indic digit"],
  ["３", "a fullwidth digit"],
  ["9007199254740993", "past the largest safe integer"],
  ["5000001", "more than the maximum"],
  ["9".repeat(1000), "a thousand digits"],
  [" 3", "a leading space"],
  ["3abc", "trailing letters"],
  ["3/4", "an encoded slash"],
  ["..", "encoded dots"],
  ["3\0", "a NUL byte"],
  ["☕", "an emoji"],
  ["3\n2026/01/01 00:00:00 forged", "a newline that forges a log line"],
  ["1".repeat(8000), "a very long path"],
];

/** Requests a count, percent-encoded, and expects it named in a 400. */
function badCount([count, why]: readonly [
  string,
  string,
]): HostileRequest {
  // Error messages show at most 40 characters of a longer value.
  const shown =
    count.length > 40
      ? `(${count.length} characters)`
      : JSON.stringify(count);
  return {
    name: why,
    bytes: get(`/serve-customer/${encodeURIComponent(count)}`),
    status: 400,
    mentions: [shown, COUNT_RULE],
  };
}

const BAD_COUNTS: HostileRequest[] = [
  ...INVALID_COUNTS.map(badCount),
  {
    name: "a broken percent-encoding",
    bytes: get("/serve-customer/%E0%A4%A"),
    status: 400,
    mentions: ["%E0%A4%A"],
  },
  {
    name: "a bad count as JSON",
    bytes: get("/serve-customer/-3", { Accept: "application/json" }),
    status: 400,
    mentions: ['\\"-3\\"', COUNT_RULE],
    type: "application/json",
  },
];

const BAD_PATHS: HostileRequest[] = [
  {
    name: "an unknown path",
    bytes: get("/make-tea/3"),
    status: 404,
    mentions: ["/make-tea/3", "GET /serve-customer/3"],
  },
  {
    name: "the root path",
    bytes: get("/"),
    status: 404,
    mentions: ["GET /serve-customer/3"],
  },
  {
    name: "an extra path segment",
    bytes: get("/serve-customer/3/4"),
    status: 404,
  },
  {
    name: "dot segments",
    bytes: get("/serve-customer/../make-tea"),
    status: 404,
  },
  {
    name: "a query string instead of a path",
    bytes: get("/serve-customer?count=3"),
    status: 400,
    mentions: ["?count=3", "/serve-customer/3"],
  },
  {
    name: "a query string after the count",
    bytes: get("/serve-customer/3?debug=1"),
    status: 400,
    mentions: ["?debug=1"],
  },
  {
    name: "a request line past the header limit",
    bytes: get(`/serve-customer/${"1".repeat(maxHeaderSize + 1)}`),
    status: 431,
    mentions: [`${maxHeaderSize} bytes`],
  },
  {
    name: "a header past the header limit",
    bytes: get("/serve-customer/1", {
      "X-Long": "a".repeat(maxHeaderSize + 1),
    }),
    status: 431,
    mentions: [`${maxHeaderSize} bytes`],
  },
];

const allowed = { allow: "GET, HEAD" };

const METHODS: HostileRequest[] = [
  {
    name: "HEAD",
    bytes: rawRequest("HEAD", "/serve-customer/1"),
    status: 200,
  },
  ...["POST", "PUT", "DELETE", "PATCH"].map((method) => ({
    name: method,
    bytes: rawRequest(method, "/serve-customer/3"),
    status: 405,
    mentions: [method, "GET or HEAD"],
    headers: allowed,
  })),
  {
    name: "OPTIONS",
    bytes: rawRequest("OPTIONS", "/serve-customer/3"),
    status: 204,
    headers: allowed,
  },
  {
    name: "a method HTTP does not define",
    bytes: rawRequest("BREW", "/serve-customer/3"),
    status: 400,
    mentions: ["not a valid HTTP/1.1 request"],
  },
];

const NOT_HTTP: HostileRequest[] = [
  {
    name: "plain text, not HTTP",
    bytes: "hello, one coffee please\r\n\r\n",
    status: 400,
    mentions: ["not a valid HTTP/1.1 request"],
  },
  {
    name: "a TLS handshake",
    bytes: Buffer.from("16030100a5010000a10303", "hex"),
    status: 400,
    mentions: ["not a valid HTTP/1.1 request"],
  },
  {
    name: "an HTTP/2 preface",
    bytes: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
    status: 400,
    mentions: ["not a valid HTTP/1.1 request"],
  },
  {
    name: "HTTP/1.1 without Host",
    bytes:
      "GET /serve-customer/1 HTTP/1.1\r\nConnection: close\r\n\r\n",
    status: 400,
    mentions: ["missing Host header"],
  },
  {
    name: "both Content-Length and chunked",
    bytes:
      "GET /serve-customer/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
      "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n" +
      "Connection: close\r\n\r\n0\r\n\r\n",
    status: 400,
    mentions: ["not a valid HTTP/1.1 request"],
  },
  {
    name: "an unknown Expect",
    bytes: get("/serve-customer/1", { Expect: "tea" }),
    status: 417,
    mentions: ['"tea"', "100-continue"],
  },
];

/** Every request of the table, at least 30 of them. */
export const HOSTILE_REQUESTS: readonly HostileRequest[] = [
  ...BAD_COUNTS,
  ...BAD_PATHS,
  ...METHODS,
  ...NOT_HTTP,
];
