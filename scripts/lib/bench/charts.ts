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

/** Draws `chart` as an SVG document. */
export function lineChart(chart: Chart): string {
  const points = chart.series.flatMap((s) => s.points);
  const xs = points.map(([x]) => Math.log10(x));
  const ys = [...points.map(([, y]) => y), chart.mark?.y ?? 0];
  const [xMin, xMax] = [
    Math.floor(Math.min(...xs)),
    Math.ceil(Math.max(...xs)),
  ];
  const yStep = tickStep(Math.max(...ys), 6);
  const yMax = Math.max(
    yStep,
    Math.ceil(Math.max(...ys) / yStep) * yStep,
  );
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (value: number) =>
    LEFT +
    ((Math.log10(value) - xMin) / Math.max(1, xMax - xMin)) * plotWidth;
  const y = (value: number) =>
    TOP + plotHeight - (value / yMax) * plotHeight;

  const body = [
    `<text x="10" y="22" font-size="14" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ];
  for (let power = xMin; power <= xMax; power++) {
    const at = px(x(10 ** power));
    body.push(
      `<line x1="${at}" y1="${TOP}" x2="${at}" y2="${TOP + plotHeight}" stroke="#ddd"/>`,
      `<text x="${at}" y="${TOP + plotHeight + 16}" text-anchor="middle" fill="#444">${(10 ** power).toLocaleString("en-US")}</text>`,
    );
  }
  for (let value = 0; value <= yMax + yStep / 1000; value += yStep) {
    const at = px(y(value));
    body.push(
      `<line x1="${LEFT}" y1="${at}" x2="${LEFT + plotWidth}" y2="${at}" stroke="#ddd"/>`,
      `<text x="${LEFT - 6}" y="${Number(at) + 4}" text-anchor="end" fill="#444">${escapeXml(String(Math.round(value * 100) / 100))}</text>`,
    );
  }
  body.push(
    `<text x="${LEFT + plotWidth / 2}" y="${HEIGHT - 28}" text-anchor="middle">customers in one request (log scale)</text>`,
    `<text x="16" y="${TOP + plotHeight / 2}" text-anchor="middle" transform="rotate(-90 16 ${TOP + plotHeight / 2})">${escapeXml(chart.yLabel)}</text>`,
  );
  if (chart.mark) {
    const at = px(y(chart.mark.y));
    body.push(
      `<line x1="${LEFT}" y1="${at}" x2="${LEFT + plotWidth}" y2="${at}" stroke="#c00" stroke-dasharray="6 4"/>`,
      `<text x="${LEFT + plotWidth - 4}" y="${Number(at) - 5}" text-anchor="end" fill="#c00">${escapeXml(chart.mark.label)}</text>`,
    );
  }
  chart.series.forEach((series, i) => {
    const path = series.points
      .map(
        ([px_, py], j) =>
          `${j === 0 ? "M" : "L"}${px(x(px_))} ${px(y(py))}`,
      )
      .join(" ");
    body.push(
      `<path d="${path}" fill="none" stroke="${series.colour}" stroke-width="2"/>`,
      ...series.points.map(
        ([px_, py]) =>
          `<circle cx="${px(x(px_))}" cy="${px(y(py))}" r="3" fill="${series.colour}"/>`,
      ),
      `<rect x="${LEFT + i * 150}" y="${HEIGHT - 16}" width="12" height="10" fill="${series.colour}"/>`,
      `<text x="${LEFT + i * 150 + 18}" y="${HEIGHT - 7}">${escapeXml(series.name)}</text>`,
    );
  });
  return svgDocument(WIDTH, HEIGHT, chart.title, body);
}
