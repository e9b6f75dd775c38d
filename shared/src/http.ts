/**
 * The HTTP plumbing that no lesson is about: the app's common settings,
 * the response format, error responses, and starting to listen.
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
import { parseDuration } from "./duration.ts";
import { logError, logInfo } from "./log.ts";
import { trackRequests } from "./shutdown.ts";

/** The coffee shop's port, as in the talk. */
export const DEFAULT_PORT = 8080;

let lastRequestId = 0;

/**
 * Creates an express app without `X-Powered-By` that gives every
 * request an id (`X-Request-Id`, kept when the client sends one).
 */
export function createCoffeeApp(): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    const sent = req.get("x-request-id");
    const id = sent && /^[\w.-]{1,64}$/.test(sent) ? sent : nextId();
    res.locals.requestId = id;
    res.set("X-Request-Id", id);
    next();
  });
  return app;
}

function nextId(): string {
  lastRequestId += 1;
  return `${process.pid}-${lastRequestId}`;
}

/** The result of one request, as its response reports it. */
export interface Served {
  customers: number;
  /** How long it took, as Go prints a duration (`2.0014s`). */
  took: string;
  /** The replica (pod) that served the request, from step 10 on. */
  servedBy?: string | undefined;
}

/**
 * Sends how many customers were served and how long it took: text
 * such as `Took 2.0014s to serve coffee to 3 customer(s)` for curl,
 * JSON for clients that accept `application/json`. With `servedBy`,
 * both name the replica that served the request.
 */
export function sendServed(
  req: Request,
  res: Response,
  { customers, took, servedBy }: Served,
): void {
  const seconds = parseDuration(took) / 1000;
  const by = servedBy ? ` (served by ${servedBy})` : "";
  const line = `Took ${took} to serve coffee to ${customers} customer(s)${by}\n`;
  const sendText = () => void res.type("text").send(line);
  res.format({
    text: sendText,
    json: () => void res.json({ customers, took, seconds, servedBy }),
    default: sendText,
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
    trackRequests(server);
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
