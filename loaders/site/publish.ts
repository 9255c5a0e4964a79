/**
 * Publishing without a moment with no site: `out` (dist/) is a symbolic link to the last complete
 * build in `<out>.versions/`. Framework builds into a new version folder; publishing points a new
 * link at it and renames the link over `out`, one atomic rename, so a reader (or a kill -9) finds
 * the old site or the new one, never none. A version that was replaced stays for REPLACED_KEPT_MS
 * after its replacement (and the last one replaced, until the next publish): a reader that resolved
 * the link just before a flip still finds every file it goes on to read, even when further builds
 * publish meanwhile. Serve or copy `dist/` with its trailing slash (or `cp -rL`): the slash follows the link.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

/** The folder holding the versions of the site published at `out`. */
export function versionsDir(out: string): string {
  return `${out}.versions`;
}

let made = 0;

/** How long a replaced version is kept for readers that resolved the link before the flip. */
export const REPLACED_KEPT_MS = 60_000;

/** The file a replaced version holds, written when it is replaced: its time is the replacement's. */
const REPLACED_MARK = ".3r-replaced";

/** A new version folder for this process to build into (its pid marks it, for cleaning up after a kill). */
export function newVersion(out: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
  return join(versionsDir(out), `${stamp}.${++made}-${process.pid}`);
}

/** The version folder `out` points at, if it is one of ours. */
export function currentVersion(out: string): string | null {
  try {
    if (!lstatSync(out).isSymbolicLink()) return null;
    const target = resolve(dirname(out), readlinkSync(out));
    return dirname(target) === resolve(versionsDir(out)) ? target : null;
  } catch {
    return null;
  }
}

/** Points `out` at `version` with one rename; then deletes older versions, keeping the one it replaced. */
export function publishVersion(out: string, version: string): void {
  const link = `${out}.link-${process.pid}`;
  rmSync(link, { force: true });
  symlinkSync(process.platform === "win32" ? resolve(version) : relative(dirname(out), version), link, "junction");
  let previous = currentVersion(out);
  if (existsSync(out) && !lstatSync(out).isSymbolicLink()) {
    // A plain folder (published by an older version of this tool): moved aside once. Only this first
    // publish has an instant without `out`, between these two renames.
    previous = join(versionsDir(out), `folder-${process.pid}`);
    renameSync(out, previous);
  }
  renameSync(link, out);
  if (previous) writeFileSync(join(previous, REPLACED_MARK), new Date().toISOString());
  removeAbandoned(out, previous ? [previous] : []);
}

/**
 * Removes old versions and what killed builds left: every version folder but the published one,
 * those in `keep`, those replaced less than REPLACED_KEPT_MS ago, and those other running processes
 * are building; links of processes that are gone.
 */
export function removeAbandoned(out: string, keep: string[] = []): void {
  const current = currentVersion(out);
  const versions = versionsDir(out);
  mkdirSync(versions, { recursive: true });
  for (const name of readdirSync(versions)) {
    const p = join(versions, name);
    const pid = Number(/-(\d+)$/.exec(name)?.[1]);
    if (p !== current && !keep.includes(p) && !recentlyReplaced(p) && !(pid && pid !== process.pid && alive(pid))) rmSync(p, { recursive: true, force: true });
  }
  const dir = dirname(resolve(out));
  const prefix = `${basename(out)}.`;
  for (const name of readdirSync(dir)) {
    // Links of killed publishes, and the temporary folders older versions of this tool made.
    const m = /^(?:link|tmp|old)-(\d+)$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : "");
    if (m && !alive(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function recentlyReplaced(version: string): boolean {
  try {
    return Date.now() - statSync(join(version, REPLACED_MARK)).mtimeMs < REPLACED_KEPT_MS;
  } catch {
    return false; // never published, or not a folder of ours
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
