/**
 * Atomic publish: a build killed half-way leaves the previous site intact,
 * and the next build cleans up after it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { csv } from "../helpers/stage.ts";
import { build, TSX } from "../helpers/site.ts";

// Whole-site builds and page-by-page browsing take minutes on a 2-core machine.
vi.setConfig({ testTimeout: 900_000 });

const dir = mkdtempSync(join(tmpdir(), "3r-atomic-"));
const data = join(dir, "data");
const out = join(dir, "site");
const args = ["--data", data, "--config", join(dir, "3r.config.json"), "--out", out];

function write(csm: string) {
  mkdirSync(data, { recursive: true });
  writeFileSync(join(dir, "3r.config.json"), JSON.stringify({ asOf: "2025-06-30" }));
  writeFileSync(join(data, "accounts.csv"), csv("account_id,customer_since,csm", `A1,2023-01-15,${csm}`));
  writeFileSync(join(data, "renewals.csv"), csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", "R1,A1,2025-01-15,2025-01-10,Core,1000,1100"));
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("atomic publish", () => {
  it("keeps the previous site when a build is killed half-way", async () => {
    write("Ann");
    expect(build(args).code).toBe(0);
    const before = Object.fromEntries(readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith(".html")).map((f) => [f, readFileSync(join(out, f), "utf8")]));
    expect(Object.keys(before).length).toBeGreaterThan(1);

    write("Bo"); // new inputs, so the killed build has real work to do
    const child = spawn(process.execPath, [TSX, "loaders/cli/build.ts", ...args], {
      cwd: ROOT, env: process.env, stdio: "ignore", detached: true,
    });
    // Kill the whole process group (wrapper, Framework, loaders) once Framework has written into the new, unpublished folder.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const tmp = readdirSync(dir).find((f) => f.startsWith("site.tmp-"));
        if (tmp && readdirSync(join(dir, tmp)).length > 0) {
          clearInterval(poll);
          process.kill(-child.pid!, "SIGKILL");
          resolve();
        } else if (Date.now() - started > 300_000) {
          clearInterval(poll);
          reject(new Error("the build never started writing the site"));
        }
      }, 20);
    });
    await new Promise((r) => child.on("close", r));

    for (const [f, html] of Object.entries(before)) expect(readFileSync(join(out, f), "utf8"), f).toBe(html);
    expect(readdirSync(dir).some((f) => f.startsWith("site.tmp-"))).toBe(true); // the half-built folder, never published

    const next = build(args);
    expect(next.code, next.output).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith("site."))).toEqual([]); // leftovers of the killed build removed
    expect(existsSync(join(out, "index.html"))).toBe(true);
  });
});
