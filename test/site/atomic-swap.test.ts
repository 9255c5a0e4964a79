/**
 * Atomic publish in the swap itself: `out` is a link flipped by one rename, so a publish killed at any moment,
 * even mid-flip, leaves a complete site at `out`, and no look at it ever finds none (atomic.test.ts kills whole
 * builds). A file of its own that the sequencer starts last, when the machine is quietest
 * (test/helpers/sequencer.ts says why).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { publishVersion } from "../../loaders/site/publish.ts";
import { until } from "../helpers/until.ts";

// On disk beside the project, where a published site lives, not in the test run's memory-backed temp folder
// (vitest.config.ts). The child flips hundreds of times a second: a look stalled across two flips (as under a
// loaded CI machine) once found the version it had resolved deleted, when publish.ts kept only the last one
// replaced; it now keeps every version replaced in the last minute (test/site/publish.test.ts).
mkdirSync(join(ROOT, "test-results"), { recursive: true });
const dir = mkdtempSync(join(ROOT, "test-results", "atomic-swap-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("atomic publish", () => {
  it("never leaves a moment without a site, even when killed in the swap itself", async () => {
    // A child publishes version after version as fast as it can; we look at `swap/index.html` all the while,
    // then kill -9 the child wherever it is. Two renames (move the old site aside, move the new one in) fail this:
    // between them there is no site. So does deleting the replaced version at once: a look that resolved the link
    // just before the flip then finds its folder gone.
    const swapOut = join(dir, "swap");
    const script = `
      import { mkdirSync, writeFileSync } from "node:fs";
      import { join } from "node:path";
      import { newVersion, publishVersion } from ${JSON.stringify(join(ROOT, "loaders/site/publish.ts"))};
      const out = ${JSON.stringify(swapOut)};
      for (let i = 0; ; i++) {
        const v = newVersion(out);
        mkdirSync(v, { recursive: true });
        writeFileSync(join(v, "index.html"), String(i));
        publishVersion(out, v);
        if (i === 0) writeFileSync(${JSON.stringify(join(dir, "swap-started"))}, "");
      }`;
    const first = join(dir, "swap-first");
    mkdirSync(first);
    writeFileSync(join(first, "index.html"), "first");
    publishVersion(swapOut, first); // `swap` starts as a plain folder's link
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, stdio: "ignore" });
    await until(() => existsSync(join(dir, "swap-started")), "the swapping child starting");
    let looks = 0;
    let missing = 0;
    for (const end = Date.now() + 3000; Date.now() < end; looks++) if (!existsSync(join(swapOut, "index.html"))) missing++;
    child.kill("SIGKILL");
    await new Promise((r) => child.on("close", r));
    expect(looks).toBeGreaterThan(1000);
    expect(missing).toBe(0);
    expect(Number(readFileSync(join(swapOut, "index.html"), "utf8"))).toBeGreaterThan(0);
  });
});
