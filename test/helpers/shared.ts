/**
 * Things made once per test run and shared by the files that only read them (run-setup.ts): the first file
 * to ask makes it, holding a lock, and the others wait for it and reuse it. Outside the configured run (no
 * global setup), each file makes its own.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { withLock } from "../../loaders/engine/lock.ts";

/** The run's shared folder, or null outside the configured run. */
export function runDir(): string | null {
  return (inject("runDir") as string | undefined) ?? null;
}

/**
 * The folder `name` of the run, made by `make(dir)` the first time it is asked for. A marker beside it says it
 * is complete; a failed attempt removes what it wrote, so the next file tries again (and reports its own error).
 */
export async function shared(name: string, make: (dir: string) => Promise<void> | void): Promise<string> {
  const run = runDir();
  if (!run) {
    const dir = mkdtempSync(join(tmpdir(), `3r-${name}-`));
    await make(dir);
    return dir;
  }
  const dir = join(run, name);
  const done = `${dir}.done`;
  return withLock(join(run, `${name}.lock`), async () => {
    if (existsSync(done)) return dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    try {
      await make(dir);
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    writeFileSync(done, new Date().toISOString());
    return dir;
  });
}
