/**
 * Lock files. Two locks exist (see docs/config.md, "Concurrency"):
 * - the data lock, `<warehouse>.lock`, one per data folder: held from staging through the last read of
 *   the warehouse, so no other command re-stages what a running command is reading;
 * - the site lock, one per checkout: held by a build from staging until the site is published, and by
 *   `npm run dev` while it rewrites Framework's cache, because that cache is shared by the checkout.
 * Always take the site lock before the data lock (never the other way round), so two commands never
 * wait for each other.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Locks this process holds: a nested `withLock` on one of them runs at once (one command = one holder). */
const held = new Set<string>();

/** Runs `fn` holding the lock at `path`; waits for another holder, breaks the lock of a process that is gone. */
export async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const key = resolve(path);
  if (held.has(key)) return fn();
  let fd: number | null = null;
  mkdirSync(dirname(key), { recursive: true });
  for (let waited = 0; fd === null; waited += 200) {
    try {
      fd = openSync(key, "wx");
      writeSync(fd, String(process.pid));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      try {
        // A holder that was killed leaves its lock behind: break it when its process is gone, and take it at once.
        if (!holderAlive(key)) { rmSync(key, { force: true }); continue; }
      } catch { continue; /* it went away meanwhile */ }
      // Said at once (a command that seems stuck should say why), then every 30 s.
      if (waited % 30000 === 0) process.stderr.write(`[3r] waiting for ${key} (held by process ${holder(key)})\n`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  held.add(key);
  try {
    return await fn();
  } finally {
    held.delete(key);
    closeSync(fd);
    rmSync(key, { force: true });
  }
}

function holder(path: string): string {
  try {
    return readFileSync(path, "utf8") || "?";
  } catch {
    return "?";
  }
}

/** Whether the process that wrote the lock is still running (an unreadable or empty lock counts as alive, briefly). */
function holderAlive(path: string): boolean {
  const pid = Number(readFileSync(path, "utf8"));
  if (!pid) return Date.now() - statSync(path).mtimeMs < 5000;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
