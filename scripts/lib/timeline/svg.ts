/**
 * Draws a timeline layout as an SVG picture for the docs: a row per
 * customer, a lane per action where they overlap, a time axis in
 * seconds and a legend.
 */
import { ACTIONS, formatMs } from "@coffee/shared";
import {
  ACTION_FILLS,
  escapeXml,
  px,
  svgDocument,
  tickStep,
} from "../svg.ts";
import type { Layout } from "./layout.ts";
import { summaryLines } from "./text.ts";

const WIDTH = 780;
const LABEL_WIDTH = 150;
const AXIS_WIDTH = WIDTH - LABEL_WIDTH - 30;
const LANE_HEIGHT = 10;
const ROW_GAP = 8;
const TOP = 44;

/** Draws `layout` as an SVG document titled `title`. */
export function timelineSvg(layout: Layout, title: string): string {
  const body: string[] = [
    `<text x="10" y="22" font-size="14" font-weight="bold">` +
      `${escapeXml(title)}</text>`,
  ];
  const x = (ms: number) =>
    LABEL_WIDTH +
    (layout.duration > 0 ? ms / layout.duration : 0) * AXIS_WIDTH;
  let y = TOP;
  for (const row of layout.rows) {
    const height = row.lanes.length * LANE_HEIGHT;
    body.push(
      `<text x="${LABEL_WIDTH - 8}" y="${px(y + height / 2 + 4)}" ` +
        `text-anchor="end">${escapeXml(row.label)}</text>`,
    );
    row.lanes.forEach((lane, i) => {
      for (const bar of lane) {
        const width = Math.max(1, x(bar.end) - x(bar.start));
        body.push(
          `<rect x="${px(x(bar.start))}" y="${px(y + i * LANE_HEIGHT + 1)}" ` +
            `width="${px(width)}" height="${LANE_HEIGHT - 2}" ` +
            `fill="${ACTION_FILLS[bar.action]}">` +
            `<title>${bar.action}: ${formatMs(bar.start)} to ` +
            `${formatMs(bar.end)}</title></rect>`,
        );
      }
    });
    y += height + ROW_GAP;
  }
  y = drawAxis(body, layout.duration, x, y);
  y = drawLegend(body, y + 24);
  for (const line of summaryLines(layout)) {
    y += 18;
    body.push(`<text x="10" y="${y}">${escapeXml(line)}</text>`);
  }
  return svgDocument(WIDTH, y + 14, title, body);
}

function drawAxis(
  body: string[],
  duration: number,
  x: (ms: number) => number,
  top: number,
): number {
  body.push(
    `<line x1="${LABEL_WIDTH}" y1="${top}" x2="${LABEL_WIDTH + AXIS_WIDTH}" ` +
      `y2="${top}" stroke="#444"/>`,
  );
  const step = tickStep(duration);
  for (let ms = 0; ms <= duration + step / 1000; ms += step) {
    body.push(
      `<line x1="${px(x(ms))}" y1="${top}" x2="${px(x(ms))}" ` +
        `y2="${top + 5}" stroke="#444"/>`,
      `<text x="${px(x(ms))}" y="${top + 18}" text-anchor="middle" ` +
        `fill="#444">${escapeXml(formatMs(ms))}</text>`,
    );
  }
  return top + 18;
}

function drawLegend(body: string[], top: number): number {
  ACTIONS.forEach((action, i) => {
    const left = LABEL_WIDTH + i * 110;
    body.push(
      `<rect x="${left}" y="${top - 9}" width="12" height="10" ` +
        `fill="${ACTION_FILLS[action]}"/>`,
      `<text x="${left + 18}" y="${top}">${action}</text>`,
    );
  });
  return top;
}
