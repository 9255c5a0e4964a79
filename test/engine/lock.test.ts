/**
 * The lock file: a second holder waits (and says so at once), a lock left by a killed process is
 * broken, and a nested take in the holding process does not wait for itself.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { withLock } from "../../loaders/engine/lock.ts";

const dir = mkdtempSync(join(tmpdir(), "3r-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("withLock", () => {
  it("runs a nested take of the same lock at once, and removes the file when done", async () => {
    const lock = join(dir, "a.lock");
    const order: string[] = [];
    await withLock(lock, async () => {
      order.push("outer");
      await withLock(lock, async () => { order.push("inner"); });
    });
    expect(order).toEqual(["outer", "inner"]);
    expect(existsSync(lock)).toBe(false);
  });

  it("breaks a lock whose process is gone", async () => {
    const lock = join(dir, "b.lock");
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!; // a pid that has exited
    writeFileSync(lock, String(dead));
    let ran = false;
    await withLock(lock, async () => { ran = true; });
    expect(ran).toBe(true);
  });

  it("makes another process wait, saying so, until the holder is done", async () => {
    const lock = join(dir, "c.lock");
    const events: string[] = [];
    let child!: ReturnType<typeof spawn>;
    let err = "";
    await withLock(lock, async () => {
      child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e",
        `import { withLock } from ${JSON.stringify(join(ROOT, "loaders/engine/lock.ts"))};
         await withLock(${JSON.stringify(lock)}, async () => { process.stdout.write("child has it"); });`], { cwd: ROOT });
      child.stderr!.on("data", (b) => { err += String(b); });
      child.stdout!.on("data", (b) => events.push(String(b)));
      for (const end = Date.now() + 120_000; !err.includes("waiting for") && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
      events.push("parent releases");
    });
    await new Promise((r) => child.on("close", r));
    expect(err).toContain(`held by process ${process.pid}`);
    expect(events).toEqual(["parent releases", "child has it"]);
  });
});
