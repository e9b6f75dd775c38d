/**
 * Small helpers for the SVG pictures of the docs: escaping, a
 * document frame and round tick steps for an axis.
 */
import type { Action } from "@coffee/shared";

/** The colour of each action in pictures, close to the terminal's. */
export const ACTION_FILLS: Record<Action, string> = {
  pay: "#d9a400",
  espresso: "#b4369c",
  milk: "#1f9bb0",
};

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** Wraps `body` in an SVG document of `width` × `height` pixels. */
export function svgDocument(
  width: number,
  height: number,
  title: string,
  body: string[],
): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" ` +
      `height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    "</svg>",
    "",
  ].join("\n");
}

/**
 * Returns a round step (1, 2 or 5 times a power of ten) that splits
 * `max` into at most `ticks` parts; 1 for a max of zero or less.
 */
export function tickStep(max: number, ticks = 8): number {
  if (!(max > 0)) return 1;
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].find((m) => m * power >= rough) ?? 10;
  return step * power;
}

/** Rounds to two decimals, so that the SVG text stays short. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}
