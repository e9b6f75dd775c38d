import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, expect, test } from "vitest";
import { spanFile, writeSpanFile } from "../src/span-export.ts";
import { recordSpan, spans } from "../src/spans.ts";

const dir = mkdtempSync(path.join(tmpdir(), "coffee-spans-"));

beforeEach(() => spans.clear());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("span file holds spans, totals and clock origin", () => {
  recordSpan(1, "pay", 10, 20);
  recordSpan(1, "milk", 20, 30);
  const file = spanFile();
  expect(file.pid).toBe(process.pid);
  expect(file.timeOrigin).toBe(performance.timeOrigin);
  expect(file.totals.count).toBe(2);
  expect(file.dropped).toBe(0);
  expect(file.spans.map((s) => s.action)).toEqual(["pay", "milk"]);
});

test("writeSpanFile writes JSON named by pid", () => {
  recordSpan(2, "espresso", 5, 7);
  const written = writeSpanFile(dir);
  expect(path.basename(written)).toBe(`spans-${process.pid}.json`);
  const read = JSON.parse(readFileSync(written, "utf8"));
  expect(read.spans).toEqual([
    { customer: 2, action: "espresso", start: 5, end: 7 },
  ]);
});
