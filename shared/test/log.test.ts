import { afterEach, beforeEach, expect, test, vi } from "vitest";
import {
  currentVerbosity,
  logAction,
  logError,
  logInfo,
  logTimestamp,
  setLogSink,
  terminalColours,
} from "../src/log.ts";

let lines: { line: string; stream: string }[];

beforeEach(() => {
  lines = [];
  setLogSink((line, stream) => lines.push({ line, stream }));
  vi.stubEnv("COFFEE_LOG", "auto");
  vi.stubEnv("NO_COLOR", "1");
  vi.stubEnv("COFFEE_REPLICA", "");
  vi.stubEnv("POD_NAME", "");
});

afterEach(() => {
  setLogSink(undefined);
  vi.unstubAllEnvs();
});

test("timestamp reads like Go's log", () => {
  const date = new Date(2026, 11, 4, 9, 5, 1);
  expect(logTimestamp(date)).toBe("2026/12/04 09:05:01");
});

test("info lines carry a timestamp", () => {
  logInfo("listening");
  expect(lines[0]?.line).toMatch(
    /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d listening$/,
  );
  expect(lines[0]?.stream).toBe("out");
});

test("errors go to stderr with their reason", () => {
  logError("request 7 failed", new Error("boom"));
  expect(lines[0]?.line).toMatch(/request 7 failed: boom$/);
  expect(lines[0]?.stream).toBe("err");
});

test("a replica name prefixes each line", () => {
  vi.stubEnv("COFFEE_REPLICA", "coffee-1");
  logInfo("listening");
  expect(lines[0]?.line).toMatch(/ \[coffee-1\] listening$/);
});

test("auto logs the actions of the first customers only", () => {
  logAction(10, "pay", "💳 paid");
  logAction(11, "pay", "💳 paid");
  logAction(12, "pay", "💳 paid");
  expect(lines).toHaveLength(2);
  expect(lines[0]?.line).toMatch(/customer 10 💳 paid$/);
  expect(lines[1]?.line).toMatch(/customers past 10 are not logged/);
});

test("actions logs every customer", () => {
  vi.stubEnv("COFFEE_LOG", "actions");
  logAction(30000, "milk", "🥛 milk steamed");
  expect(lines).toHaveLength(1);
});

test("summary logs no actions but keeps results", () => {
  vi.stubEnv("COFFEE_LOG", "summary");
  logAction(1, "pay", "💳 paid");
  logInfo("Took 2s to serve coffee to 1 customer(s)");
  expect(lines).toHaveLength(1);
});

test("quiet logs nothing", () => {
  vi.stubEnv("COFFEE_LOG", "quiet");
  logInfo("listening");
  logError("failed");
  expect(lines).toHaveLength(0);
});

test("rejects an unknown verbosity", () => {
  vi.stubEnv("COFFEE_LOG", "loud");
  expect(() => currentVerbosity()).toThrow('invalid COFFEE_LOG "loud"');
});

test("NO_COLOR turns colours off", () => {
  vi.stubEnv("FORCE_COLOR", "1");
  expect(terminalColours().level).toBe(0);
});

test("FORCE_COLOR turns colours on off a terminal", () => {
  vi.stubEnv("NO_COLOR", "");
  vi.stubEnv("FORCE_COLOR", "1");
  expect(terminalColours().level).toBe(1);
});
