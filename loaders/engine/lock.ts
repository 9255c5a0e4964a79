/** A lock file, so that two processes never write one warehouse at once. */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";

const STALE_MS = 30 * 60 * 1000;

/** Runs `fn` holding the lock at `path`; waits for another holder, breaks a lock older than 30 minutes. */
export async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  let fd: number | null = null;
  mkdirSync(dirname(path), { recursive: true });
  for (let waited = 0; fd === null; waited += 200) {
    try {
      fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      try {
        // A holder that was killed leaves its lock behind: break it when its process is gone (or it is very old).
        if (!holderAlive(path) || Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
      } catch { /* it went away meanwhile */ }
      if (waited % 10000 === 0 && waited > 0) process.stderr.write(`[3r] waiting for ${path} (held by another build)\n`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
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
