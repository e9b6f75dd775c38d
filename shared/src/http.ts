/**
 * The HTTP plumbing that no lesson is about: the app's common checks,
 * the HTTP server's own rejections, and starting to listen.
 */
import {
  createServer,
  maxHeaderSize,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
} from "node:http";
import type { Socket } from "node:net";
import express, {
  type Express,
  type NextFunction,
  type Request,
  type Response,
} from "express";
import { sendError } from "./responses.ts";
import { actionDuration, currentSpeed } from "./clock.ts";
import { logError, logInfo, sourceName } from "./log.ts";
import { addStatsRoute } from "./stats.ts";
import { trackRequests } from "./shutdown.ts";
import { startStopwatch } from "./stopwatch.ts";

/** The coffee shop's port, as in the talk. */
export const DEFAULT_PORT = 8080;

/**
 * The header that names the process or pod that sent a response
 * (`COFFEE_REPLICA` or `POD_NAME`), so that a load test can count
 * which replica served how many requests.
 */
export const SERVED_BY_HEADER = "X-Served-By";

let lastRequestId = 0;

/** Returns a new request id, unique within this process. */
export function nextRequestId(): string {
  lastRequestId += 1;
  return `${process.pid}-${lastRequestId}`;
}

/**
 * Creates an express app without `X-Powered-By` that gives every
 * request an id (`X-Request-Id`, kept when the client sends one),
 * names the replica in `X-Served-By` when the process has a name,
 * has the stats route when `COFFEE_STATS=1` (see stats.ts), and
 * rejects what no route of the coffee shop takes: a query string, a
 * missing `Host`, an `Expect` other than `100-continue`.
 */
export function createCoffeeApp(): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    const sent = req.get("x-request-id");
    const id =
      sent && /^[\w.-]{1,64}$/.test(sent) ? sent : nextRequestId();
    res.locals.requestId = id;
    res.set("X-Request-Id", id);
    const source = sourceName();
    if (source) res.set(SERVED_BY_HEADER, source);
    next();
  });
  // The stats route comes first: it is the one route that reads a query.
  addStatsRoute(app);
  app.use(abortOnDisconnect);
  app.use(rejectUnusedParts);
  return app;
}

/**
 * Returns the signal of a request, which aborts when its client
 * disconnects before the response is complete: the counterpart of a
 * Go request's `r.Context()`.
 */
export function requestSignal(res: Response): AbortSignal {
  return res.locals.signal as AbortSignal;
}

/**
 * Gives each request an AbortSignal, and when the client disconnects
 * before its response is complete, logs it and aborts the signal.
 */
function abortOnDisconnect(
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  const controller = new AbortController();
  res.locals.signal = controller.signal;
  const stopwatch = startStopwatch();
  res.once("close", () => {
    if (res.writableFinished) return;
    logInfo(
      `request ${res.locals.requestId}: the client disconnected ` +
        `after ${stopwatch.elapsed()}, before the response`,
    );
    controller.abort();
  });
  next();
}

function rejectUnusedParts(
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  const problem = unusedPart(req);
  if (problem === undefined) return next();
  const [status, message] = problem;
  logError(`request ${res.locals.requestId}: rejected: ${message}`);
  sendError(req, res, status, message);
}

function unusedPart(req: Request): [number, string] | undefined {
  const query = req.url.indexOf("?");
  if (query !== -1) {
    const shown = JSON.stringify(req.url.slice(query, query + 40));
    return [
      400,
      `invalid query string ${shown}: the count goes in the path, ` +
        "such as /serve-customer/3, and no query is used",
    ];
  }
  if (req.httpVersion === "1.1" && req.headers.host === undefined) {
    return [
      400,
      "missing Host header: HTTP/1.1 requests must send one, " +
        "such as Host: 127.0.0.1",
    ];
  }
  const expect = req.headers.expect;
  if (expect !== undefined && expect.toLowerCase() !== "100-continue") {
    return [
      417,
      `unsupported Expect ${JSON.stringify(expect.slice(0, 40))}: ` +
        "only 100-continue is supported",
    ];
  }
  return undefined;
}

/** The status and message for each HTTP parser error code of Node.js. */
const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    `the request line and headers exceed ${maxHeaderSize} bytes: ` +
      "send a shorter path or fewer headers",
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    "the request did not arrive in time: send it again",
  ],
};

/**
 * Responds to a request that the HTTP parser rejected before express
 * saw it: text with a request id, logged once, then the connection
 * closes. A client that already left gets no response.
 */
function respondToClientError(error: Error, socket: Socket): void {
  const code = (error as NodeJS.ErrnoException).code ?? "unknown";
  if (code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message] = CLIENT_ERRORS[code] ?? [
    400,
    `bad request: not a valid HTTP/1.1 request (${code})`,
  ];
  const id = nextRequestId();
  logError(`request ${id}: rejected by the HTTP parser: ${message}`);
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      `X-Request-Id: ${id}\r\n` +
      "Content-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

/**
 * Creates the HTTP server for `app`. Requests that Node would reject
 * itself with an empty body (a missing Host, an unknown Expect) go to
 * `app` instead, and parser errors get `respondToClientError`.
 */
export function createCoffeeServer(app: Express): Server {
  const server = createServer({ requireHostHeader: false }, app);
  server.on("checkExpectation", (req: IncomingMessage, res) =>
    app(req, res),
  );
  server.on("clientError", respondToClientError);
  return server;
}

/**
 * Reads a port number from `raw`; throws a RangeError that names the
 * value when it is not a whole number from 0 to 65535.
 */
export function parsePort(raw: string): number {
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new RangeError(
      `invalid port "${raw}": use a whole number from 0 to 65535`,
    );
  }
  return port;
}

/** The address `listen` binds to; both default to `PORT` and `HOST`. */
export interface ListenOptions {
  port?: number;
  host?: string;
}

/**
 * Starts `app` on `PORT` (default 8080) and `HOST` (default 127.0.0.1)
 * and logs the address. On a port in use or any other listen error it
 * logs what to do and ends the process with exit code 1.
 */
export async function listen(
  app: Express,
  options: ListenOptions = {},
): Promise<Server> {
  const port =
    options.port ?? parsePort(process.env.PORT || String(DEFAULT_PORT));
  const host = options.host ?? (process.env.HOST || "127.0.0.1");
  const server = createCoffeeServer(app);
  trackRequests(server);
  return new Promise((resolve) => {
    const onListenError = (error: Error) =>
      failToListen(error, host, port);
    server.once("error", onListenError);
    server.listen(port, host, () => {
      server.off("error", onListenError);
      server.on("error", (error) => logError("server error", error));
      const address = server.address();
      const bound =
        typeof address === "object" && address ? address.port : port;
      logInfo(
        `listening on http://${host.includes(":") ? `[${host}]` : host}:${bound}` +
          ` (speed ${currentSpeed()}: an action takes ${actionDuration()}ms)`,
      );
      resolve(server);
    });
  });
}

function failToListen(error: Error, host: string, port: number): never {
  const code = (error as NodeJS.ErrnoException).code;
  const hint =
    code === "EADDRINUSE"
      ? `port ${port} is already in use: stop the other server, or choose another port (PORT=${port + 1}, or --port ${port + 1} with pnpm step)`
      : `could not listen on ${host}:${port}`;
  logError(hint, error);
  process.exit(1);
}
