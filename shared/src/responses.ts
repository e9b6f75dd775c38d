/**
 * The responses of the coffee shop: the served response, and error
 * responses that name the problem without a stack trace or a path on
 * the server. Each error is logged once, with the request's id.
 */
import type {
  ErrorRequestHandler,
  Express,
  Request,
  Response,
} from "express";
import { ActionError } from "./action.ts";
import { CustomerCountError } from "./customers.ts";
import { parseDuration } from "./duration.ts";
import { logError, logInfo } from "./log.ts";

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

/**
 * Sends an error response: JSON (`error`, `status`, `requestId`) to
 * clients that prefer it, one line of text to everyone else.
 */
export function sendError(
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
  const signal = res.locals.signal as AbortSignal | undefined;
  if (signal?.aborted && error === signal.reason) {
    // The client disconnected, so no response can reach it.
    logInfo(`request ${id}: work stopped, the client disconnected`);
    return;
  }
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
  // An ActionError's message is the workshop's own and safe to send;
  // any other error may name internals, so only the log shows it.
  const reason =
    error instanceof ActionError ? `: ${error.message}` : "";
  sendError(
    req,
    res,
    500,
    `could not serve coffee${reason} (request ${id}): see the server log`,
  );
};

/** The parts of Express's router layers that `allowedMethods` reads. */
interface RouteLayer {
  match(path: string): unknown;
  route?: { methods: Record<string, boolean> };
}

/**
 * Returns the methods that some route of `app` handles for `path`,
 * HEAD included wherever GET is, or none for an unknown path.
 */
export function allowedMethods(app: Express, path: string): string[] {
  const allowed = new Set<string>();
  const layers = app.router.stack as unknown as RouteLayer[];
  for (const layer of layers) {
    if (!layer.route || !layer.match(path)) continue;
    for (const method of Object.keys(layer.route.methods)) {
      if (method !== "_all") allowed.add(method.toUpperCase());
    }
  }
  if (allowed.has("GET")) allowed.add("HEAD");
  return [...allowed].sort();
}

function shownPath(req: Request): string {
  const path = req.path;
  return JSON.stringify(
    path.length > 80 ? `${path.slice(0, 80)}…` : path,
  );
}

/**
 * Responds to a request that no route took: 204 with `Allow` for OPTIONS
 * on a known path, 405 with `Allow` for another method on it, and 404
 * for an unknown path.
 */
function respondUnrouted(app: Express, req: Request, res: Response) {
  const id = res.locals.requestId;
  const path = shownPath(req);
  const allowed = allowedMethods(app, req.path);
  if (allowed.length === 0) {
    logInfo(`request ${id}: no route for ${req.method} ${path}`);
    const hint = "try GET /serve-customer/3";
    const message = `no route for ${req.method} ${path}: ${hint}`;
    return sendError(req, res, 404, message);
  }
  res.set("Allow", allowed.join(", "));
  if (req.method === "OPTIONS") return void res.status(204).end();
  logInfo(`request ${id}: method ${req.method} not allowed on ${path}`);
  const message =
    `method ${req.method} is not allowed on ${path}: ` +
    `use ${allowed.join(" or ")}`;
  sendError(req, res, 405, message);
}

/**
 * Adds the last handlers: 404 for unknown paths, 405 for other
 * methods on known ones, and error responses that name the problem.
 */
export function withErrorAnswers(app: Express): Express {
  app.use((req, res) => respondUnrouted(app, req, res));
  app.use(errorAnswer);
  return app;
}
