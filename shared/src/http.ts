/**
 * The HTTP plumbing that no lesson is about: the app's common settings,
 * the answer's format, error answers, and starting to listen.
 */
import type { Server } from "node:http";
import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type Response,
} from "express";
import { actionDuration, currentSpeed } from "./clock.ts";
import { CustomerCountError } from "./customers.ts";
import { logError, logInfo, sourceName } from "./log.ts";
import { addStatsRoute } from "./stats.ts";
import type { Stopwatch } from "./stopwatch.ts";

/** The coffee shop's port, as in the talk. */
export const DEFAULT_PORT = 8080;

/**
 * The header that names the process or pod that sent an answer
 * (`COFFEE_REPLICA` or `POD_NAME`), so that a load test can count
 * which replica served how many requests.
 */
export const SERVED_BY_HEADER = "X-Served-By";

let lastRequestId = 0;

/**
 * Creates an express app without `X-Powered-By` that gives every
 * request an id (`X-Request-Id`, kept when the client sends one),
 * names the replica in `X-Served-By` when the process has a name, and
 * has the stats route when `COFFEE_STATS=1` (see stats.ts).
 */
export function createCoffeeApp(): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    const sent = req.get("x-request-id");
    const id = sent && /^[\w.-]{1,64}$/.test(sent) ? sent : nextId();
    res.locals.requestId = id;
    res.set("X-Request-Id", id);
    const source = sourceName();
    if (source) res.set(SERVED_BY_HEADER, source);
    next();
  });
  addStatsRoute(app);
  return app;
}

function nextId(): string {
  lastRequestId += 1;
  return `${process.pid}-${lastRequestId}`;
}

/** What one request served, as the answer reports it. */
export interface Served {
  customers: number;
  stopwatch: Stopwatch;
}

/**
 * Sends how many customers were served and how long it took: text
 * such as `Took 2.0014s to serve coffee to 3 customer(s)` for curl,
 * JSON for clients that accept `application/json`.
 */
export function sendServed(
  req: Request,
  res: Response,
  { customers, stopwatch }: Served,
): void {
  const took = stopwatch.elapsed();
  const seconds = stopwatch.elapsedMs() / 1000;
  res.format({
    text: () => {
      res.send(
        `Took ${took} to serve coffee to ${customers} customer(s)\n`,
      );
    },
    json: () => {
      res.json({ customers, took, seconds });
    },
    default: () => {
      res
        .type("text")
        .send(
          `Took ${took} to serve coffee to ${customers} customer(s)\n`,
        );
    },
  });
}

function sendError(
  req: Request,
  res: Response,
  status: number,
  message: string,
): void {
  const requestId = String(res.locals.requestId ?? "");
  res.status(status);
  if (req.accepts(["text", "json"]) === "json") {
    res.json({ error: message, status, requestId });
  } else {
    res.type("text").send(`${message}\n`);
  }
}

const errorAnswer: ErrorRequestHandler = (error, req, res, _next) => {
  const id = res.locals.requestId;
  if (error instanceof CustomerCountError) {
    logError(`request ${id}: ${req.method} rejected`, error);
    sendError(req, res, error.status, error.message);
    return;
  }
  const status = Number(error?.status ?? error?.statusCode);
  if (status >= 400 && status < 500) {
    logError(`request ${id}: bad request`, error);
    sendError(req, res, status, `bad request: ${error.message}`);
    return;
  }
  logError(`request ${id}: ${req.method} ${req.path} failed`, error);
  if (res.headersSent) return void res.end();
  sendError(
    req,
    res,
    500,
    `could not serve coffee (request ${id}): see the server log`,
  );
};

/**
 * Adds the last handlers: 404 for unknown paths and methods, and
 * error answers that name the problem without a stack trace.
 */
export function withErrorAnswers(app: Express): Express {
  app.use((req, res) => {
    const path =
      req.path.length > 80 ? `${req.path.slice(0, 80)}…` : req.path;
    logInfo(
      `request ${res.locals.requestId}: no route for ${req.method} ${path}`,
    );
    sendError(
      req,
      res,
      404,
      `no route for ${req.method} ${JSON.stringify(path)}: try GET /serve-customer/3`,
    );
  });
  app.use(errorAnswer);
  return app;
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

/**
 * Starts `app` on `PORT` (default 8080) and `HOST` (default 127.0.0.1)
 * and logs the address. On a port in use or any other listen error it
 * logs what to do and ends the process with exit code 1.
 */
export async function listen(app: Express): Promise<Server> {
  const port = parsePort(process.env.PORT || String(DEFAULT_PORT));
  const host = process.env.HOST || "127.0.0.1";
  return new Promise((resolve) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return failToListen(error, host, port);
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
      ? `port ${port} is already in use: stop the other server, or set PORT (pnpm step N --serve --port ${port + 1})`
      : `could not listen on ${host}:${port}`;
  logError(hint, error);
  process.exit(1);
}
