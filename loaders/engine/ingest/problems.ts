/** Problems found in the inputs, and how they are printed. */
import { relative } from "node:path";
import type { TableName } from "../contract.ts";

/**
 * One problem. `line` is 1-based with the header as line 1 (for Parquet and
 * JSON: the row number + 1, so that the first data row is line 2 everywhere).
 * A problem with no line is about the whole file or folder.
 */
export interface Problem {
  table: TableName | null;
  file: string;
  line: number | null;
  column: string | null;
  expected: string;
  got: string | null;
}

/** Prints a path as the user typed it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}

/** `file:line:column: expected …, got …` */
export function formatProblem(p: Problem): string {
  const where = [displayPath(p.file), p.line ?? undefined, p.column ?? undefined].filter((x) => x !== undefined).join(":");
  return `${where}: expected ${p.expected}${p.got === null ? "" : `, got ${p.got}`}`;
}

/** Quotes a value for a message, shortening long ones and showing control characters. */
export function quote(value: string | null | undefined, max = 60): string {
  if (value === null || value === undefined) return "empty";
  const shown = value.length > max ? `${value.slice(0, max)}… (${value.length} characters)` : value;
  return JSON.stringify(shown);
}

/** Raised when the inputs cannot be staged at all (missing file, unreadable file…). */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
  }
}
