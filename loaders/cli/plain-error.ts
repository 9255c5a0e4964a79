/**
 * Failures of the machine rather than of the inputs (a full disk, a
 * read-only or missing folder, no permission), in words that name the place
 * and what to do. Node reports them as errno errors, DuckDB as "IO Error"
 * text; both are recognised here. Anything else is unexpected: its message
 * is printed without the stack trace (THREER_DEBUG=1 shows it).
 */
import { accessSync, constants, existsSync } from "node:fs";
import { dirname } from "node:path";

const CAUSES: ReadonlyArray<[RegExp, string, string, string]> = [
  [/ENOSPC|No space left on device|disk is full/i, "ENOSPC", "the disk is full", "free some space there, or point THREER_STATE / --out at a disk with room"],
  [/EROFS|Read-only file system/i, "EROFS", "the folder is on a read-only file system", "choose a writable folder (--out, or THREER_STATE for .3r/)"],
  [/EACCES|EPERM|Permission denied/i, "EACCES", "this user may not write or read there", "fix the folder's permissions, or choose another folder"],
  [/EDQUOT|quota exceeded/i, "EDQUOT", "the disk quota is used up", "free some space, or choose another disk"],
];

/** The plain message for a failure, or null when it is none of the known machine failures. */
export function machineFailure(err: unknown): string | null {
  const e = err as NodeJS.ErrnoException;
  const text = `${e?.code ?? ""} ${e?.message ?? String(err)}`;
  for (const [re, , what, todo] of CAUSES) {
    if (!re.test(text)) continue;
    const path = e?.path ?? /(?:file|directory|write to|open|"|')\s*"?'?(\/[^"'\s:]+)/.exec(e?.message ?? "")?.[1] ?? "the output or state folder";
    return `${path}: cannot write: ${what}; ${todo}`;
  }
  if (e?.code === "ENOENT" && e.path) {
    // A recursive mkdir on a read-only disk reports ENOENT: ask the nearest existing folder what is wrong.
    let dir = dirname(e.path);
    while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
    try {
      accessSync(dir, constants.W_OK);
    } catch (inner) {
      const why = machineFailure(inner);
      if (why) return why.replace(/^[^:]*:/, `${e.path}:`);
    }
    return `${e.path}: no such file or folder; check the path`;
  }
  return null;
}

/** True for a failure of the disk (full, read-only, not allowed): retrying will not help. */
export function isDiskFailure(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException;
  const text = `${e?.code ?? ""} ${e?.message ?? String(err)}`;
  return CAUSES.some(([re]) => re.test(text));
}

/** The line printed for an error that ends a command (exit code 1). */
export function plainMessage(err: unknown, known: boolean): string {
  const e = err as Error;
  if (known) return e.message;
  const machine = machineFailure(err);
  if (machine) return machine;
  if (process.env.THREER_DEBUG === "1") return `error: ${e?.stack ?? String(err)}`;
  return `error: ${(e?.message ?? String(err)).split("\n")[0]} (an unexpected failure; THREER_DEBUG=1 shows where)`;
}
