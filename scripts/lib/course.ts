/**
 * The course check, for authors of the workshop: every exercise is
 * complete, its untouched starter fails its check and its reference
 * solution passes it, and every lesson README has its sections.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isBuilt, stepDir, steps, type Step } from "./catalog.ts";
import { exercisesOf, hintsOf, type Exercise } from "./exercises.ts";
import { section } from "./markdown.ts";

/** The sections of a lesson README, in this order. */
export const LESSON_SECTIONS = [
  "Run",
  "Output",
  "What changed",
  "Why it matters",
  "Limits",
  "Exercises",
  "Next",
] as const;

function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

/**
 * Returns what is wrong with a lesson README: a title that does not
 * name its folder (`05-more-concurrency` needs 5 and "more
 * concurrency"), missing or misordered sections, an Output without a
 * code block, exercises that its Exercises section does not list.
 */
export function lessonProblems(
  step: Step,
  text: string,
  exercises: readonly Exercise[] = [],
): string[] {
  const problems: string[] = [];
  const title = /^# (.+)$/m.exec(text)?.[1] ?? "";
  const [, number = "", name = ""] = /^(\d+)-(.+)$/.exec(step.folder)!;
  const titleWords = words(title);
  const namesFolder =
    titleWords.includes(words(name)) &&
    new RegExp(` 0?${Number(number)} `).test(titleWords);
  if (!namesFolder) {
    problems.push(
      `title "${title}" does not name the folder ${step.folder} ` +
        `(step ${Number(number)} and "${name.replace(/-/g, " ")}")`,
    );
  }
  const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) =>
    m[1]!.trim(),
  );
  let last = -1;
  for (const wanted of LESSON_SECTIONS) {
    const at = headings.findIndex((h) =>
      h.toLowerCase().startsWith(wanted.toLowerCase()),
    );
    if (at === -1) problems.push(`missing section "## ${wanted}"`);
    else if (at < last)
      problems.push(`section "## ${wanted}" is out of order`);
    else last = at;
  }
  if (headings.length > 0 && !/^next/i.test(headings.at(-1)!)) {
    problems.push(
      `the last section is "## ${headings.at(-1)}", not "## Next"`,
    );
  }
  if (!/```/.test(section(text, "Output"))) {
    problems.push('section "## Output" has no pasted output block');
  }
  const listed = section(text, "Exercises");
  for (const exercise of exercises) {
    if (!listed.includes(exercise.title)) {
      problems.push(
        `section "## Exercises" does not list "${exercise.title}"`,
      );
    }
  }
  return problems;
}

/** Returns what is missing from an exercise's folder. */
export function exerciseProblems(exercise: Exercise): string[] {
  const problems: string[] = [];
  const has = (file: string) =>
    existsSync(path.join(exercise.dir, file));
  for (const file of ["README.md", "check.ts", "hints.md"]) {
    if (!has(file)) problems.push(`missing ${file}`);
  }
  if (exercise.title === "(untitled)") {
    problems.push("README.md has no # title");
  }
  if (exercise.files.length === 0) problems.push("starter/ is empty");
  for (const file of exercise.files) {
    if (!has(path.join("solution", file))) {
      problems.push(`solution/${file} is missing`);
    }
  }
  const starter = exercise.files
    .map((f) =>
      readFileSync(path.join(exercise.dir, "starter", f), "utf8"),
    )
    .join("\n");
  if (!/TODO/.test(starter)) {
    problems.push("no starter file marks the learner's gap with TODO");
  }
  if (has("hints.md") && hintsOf(exercise).length === 0) {
    problems.push('hints.md has no "## " hint');
  }
  return problems;
}

/** Returns the lesson README of a step, or undefined when it has none. */
export function lessonText(step: Step): string | undefined {
  const file = path.join(stepDir(step), "README.md");
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

/** Returns the steps whose folder and code exist in this checkout. */
export function builtSteps(): Step[] {
  return steps.filter(isBuilt);
}
