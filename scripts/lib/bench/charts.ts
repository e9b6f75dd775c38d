/**
 * Line charts of benchmark results as SVG: customers on a log scale
 * across, one measured value up, one line per server.
 */
import { escapeXml, px, svgDocument, tickStep } from "../svg.ts";

/** One line of a chart: its name, colour and points (x > 0). */
export interface Series {
  name: string;
  colour: string;
  points: [number, number][];
}

/** A chart's text and lines. */
export interface Chart {
  title: string;
  yLabel: string;
  series: Series[];
  /** A horizontal line, such as a target, drawn dashed. */
  mark?: { y: number; label: string } | undefined;
}

const WIDTH = 640;
const HEIGHT = 360;
const LEFT = 70;
const RIGHT = 40;
const TOP = 40;
const BOTTOM = 60;

/** The scales of a chart: pixel positions of a value on each axis. */
interface Scales {
  x(value: number): number;
  y(value: number): number;
  xPowers: [number, number];
  yStep: number;
  yMax: number;
}

const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

function scalesOf(chart: Chart): Scales {
  const points = chart.series.flatMap((s) => s.points);
  const xs = points.map(([x]) => Math.log10(x));
  const ys = [...points.map(([, y]) => y), chart.mark?.y ?? 0];
  const xMin = Math.floor(Math.min(...xs));
  const xMax = Math.ceil(Math.max(...xs));
  const yStep = tickStep(Math.max(...ys), 6);
  const yMax = Math.max(
    yStep,
    Math.ceil(Math.max(...ys) / yStep) * yStep,
  );
  const xSpan = Math.max(1, xMax - xMin);
  return {
    x: (value) =>
      LEFT + ((Math.log10(value) - xMin) / xSpan) * PLOT_WIDTH,
    y: (value) => TOP + PLOT_HEIGHT - (value / yMax) * PLOT_HEIGHT,
    xPowers: [xMin, xMax],
    yStep,
    yMax,
  };
}

function gridLines(scales: Scales): string[] {
  const lines: string[] = [];
  const [xMin, xMax] = scales.xPowers;
  for (let power = xMin; power <= xMax; power++) {
    const at = px(scales.x(10 ** power));
    lines.push(
      `<line x1="${at}" y1="${TOP}" x2="${at}" y2="${TOP + PLOT_HEIGHT}" stroke="#ddd"/>`,
      `<text x="${at}" y="${TOP + PLOT_HEIGHT + 16}" text-anchor="middle" fill="#444">${(10 ** power).toLocaleString("en-US")}</text>`,
    );
  }
  const { yStep, yMax } = scales;
  for (let value = 0; value <= yMax + yStep / 1000; value += yStep) {
    const at = px(scales.y(value));
    const label = String(Math.round(value * 100) / 100);
    lines.push(
      `<line x1="${LEFT}" y1="${at}" x2="${LEFT + PLOT_WIDTH}" y2="${at}" stroke="#ddd"/>`,
      `<text x="${LEFT - 6}" y="${Number(at) + 4}" text-anchor="end" fill="#444">${escapeXml(label)}</text>`,
    );
  }
  return lines;
}

function axisLabels(chart: Chart): string[] {
  const middle = TOP + PLOT_HEIGHT / 2;
  const lines = [
    `<text x="${LEFT + PLOT_WIDTH / 2}" y="${HEIGHT - 28}" text-anchor="middle">customers in one request (log scale)</text>`,
    `<text x="16" y="${middle}" text-anchor="middle" transform="rotate(-90 16 ${middle})">${escapeXml(chart.yLabel)}</text>`,
  ];
  return lines;
}

function markLine(chart: Chart, scales: Scales): string[] {
  if (!chart.mark) return [];
  const at = px(scales.y(chart.mark.y));
  return [
    `<line x1="${LEFT}" y1="${at}" x2="${LEFT + PLOT_WIDTH}" y2="${at}" stroke="#c00" stroke-dasharray="6 4"/>`,
    `<text x="${LEFT + PLOT_WIDTH - 4}" y="${Number(at) - 5}" text-anchor="end" fill="#c00">${escapeXml(chart.mark.label)}</text>`,
  ];
}

function seriesLines(
  series: Series,
  i: number,
  scales: Scales,
): string[] {
  const at = ([x, y]: [number, number]) =>
    [px(scales.x(x)), px(scales.y(y))] as const;
  const path = series.points
    .map((point, j) => `${j === 0 ? "M" : "L"}${at(point).join(" ")}`)
    .join(" ");
  return [
    `<path d="${path}" fill="none" stroke="${series.colour}" stroke-width="2"/>`,
    ...series.points.map((point) => {
      const [cx, cy] = at(point);
      return `<circle cx="${cx}" cy="${cy}" r="3" fill="${series.colour}"/>`;
    }),
    `<rect x="${LEFT + i * 150}" y="${HEIGHT - 16}" width="12" height="10" fill="${series.colour}"/>`,
    `<text x="${LEFT + i * 150 + 18}" y="${HEIGHT - 7}">${escapeXml(series.name)}</text>`,
  ];
}

/** Draws `chart` as an SVG document. */
export function lineChart(chart: Chart): string {
  const scales = scalesOf(chart);
  const body = [
    `<text x="10" y="22" font-size="14" font-weight="bold">${escapeXml(chart.title)}</text>`,
    ...gridLines(scales),
    ...axisLabels(chart),
    ...markLine(chart, scales),
    ...chart.series.flatMap((series, i) =>
      seriesLines(series, i, scales),
    ),
  ];
  return svgDocument(WIDTH, HEIGHT, chart.title, body);
}
