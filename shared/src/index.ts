/** The workshop's library: everything a step needs that no lesson is about. */
export * from "./action.ts";
export * from "./clock.ts";
export * from "./customers.ts";
export * from "./duration.ts";
export * from "./http.ts";
export * from "./log.ts";
export * from "./responses.ts";
export * from "./settings.ts";
export * from "./shutdown.ts";
export * from "./spans.ts";
export * from "./stopwatch.ts";
