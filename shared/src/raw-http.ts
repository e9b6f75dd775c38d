/**
 * A bare TCP client for tests that must send what no HTTP library
 * sends: requests that are not HTTP, bad framing, huge request lines.
 * Test code only.
 */
import { connect } from "node:net";

/** A response read off the wire. */
export interface RawResponse {
  /** The status code, or 0 when the server closed without responding. */
  status: number;
  /** Header names in lower case; repeated headers are joined by ", ". */
  headers: Record<string, string>;
  body: string;
}

/** How long a raw request may take before the test fails, in ms. */
const RAW_TIMEOUT_MS = 5000;

/**
 * Sends `bytes` to `port` on 127.0.0.1 and reads until the server
 * closes the connection, so requests should send `Connection: close`.
 * Rejects when the server takes longer than 5 s.
 */
export function sendRaw(
  port: number,
  bytes: string | Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(bytes),
    );
    socket.setTimeout(RAW_TIMEOUT_MS, () => {
      socket.destroy();
      reject(new Error(`no response on port ${port} within 5 s`));
    });
    socket.on("data", (chunk) => chunks.push(chunk));
    // A reset after the response (the server closing a socket that still
    // had unread bytes) is expected; what arrived before it counts.
    socket.on("error", () => undefined);
    socket.on("close", () =>
      resolve(parseResponse(Buffer.concat(chunks).toString("latin1"))),
    );
  });
}

/**
 * Sends `bytes` to `port` on 127.0.0.1 and closes the connection
 * `afterMs` later, before any response, as a client that gives up.
 * Resolves once the connection is closed.
 */
export function sendAndDisconnect(
  port: number,
  bytes: string | Buffer,
  afterMs: number,
): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(bytes);
      setTimeout(() => socket.destroy(), afterMs);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => resolve());
  });
}

/** Splits a raw HTTP/1.1 response into status, headers and body. */
export function parseResponse(raw: string): RawResponse {
  const end = raw.indexOf("\r\n\r\n");
  const head = end === -1 ? raw : raw.slice(0, end);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] =
      name in headers ? `${headers[name]}, ${value}` : value;
  }
  const body =
    end === -1
      ? ""
      : Buffer.from(raw.slice(end + 4), "latin1").toString();
  return { status: status || 0, headers, body };
}

/** Writes a request with `Host` and `Connection: close` added. */
export function rawRequest(
  method: string,
  target: string,
  headers: Record<string, string> = {},
): string {
  const lines = [`${method} ${target} HTTP/1.1`, "Host: 127.0.0.1"];
  for (const [name, value] of Object.entries(headers)) {
    lines.push(`${name}: ${value}`);
  }
  lines.push("Connection: close");
  return `${lines.join("\r\n")}\r\n\r\n`;
}
