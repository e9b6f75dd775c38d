/**
 * Renders Markdown for the terminal (marked with marked-terminal),
 * and reads the parts of a lesson README that the tour shows.
 */
import { Marked } from "marked";
import { markedTerminal } from "marked-terminal";
import { colours } from "./cli.ts";

/** Widest text the renderer wraps to, in columns. */
const MAX_WIDTH = 80;

function renderer(): Marked {
  const paint = colours;
  const width = Math.min(
    process.stdout.columns || MAX_WIDTH,
    MAX_WIDTH,
  );
  const styles = {
    firstHeading: paint.bold.underline,
    heading: paint.bold,
    code: paint.yellow,
    codespan: paint.yellow,
    strong: paint.bold,
    em: paint.italic,
    blockquote: paint.dim,
    link: paint.cyan,
    href: paint.cyan.underline,
    listitem: paint.reset,
    paragraph: paint.reset,
    table: paint.reset,
    hr: paint.dim,
  };
  // The @types package lags marked-terminal 7, which returns an
  // extension object rather than a renderer class.
  const extension = markedTerminal({
    ...styles,
    reflowText: true,
    width,
    tab: 2,
  }) as unknown as Parameters<Marked["use"]>[0];
  return new Marked(extension);
}

/** Returns `markdown` rendered for the terminal, colours on a TTY only. */
export function renderMarkdown(markdown: string): string {
  const text = renderer().parse(markdown, { async: false });
  return `${text.replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

/** Returns the text of the `## heading` section, without its heading. */
export function section(markdown: string, heading: string): string {
  const parts = markdown.split(/^## /m);
  const found = parts.find((part) =>
    part.toLowerCase().startsWith(heading.toLowerCase()),
  );
  return found ? found.slice(found.indexOf("\n") + 1).trim() : "";
}

/** Returns the paragraphs of `markdown` that are prose, in order. */
export function paragraphs(markdown: string): string[] {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, "\n");
  return withoutCode
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(
      (part) => part !== "" && !/^(#|\||>|[-*]\s|\d+\.\s)/.test(part),
    );
}
