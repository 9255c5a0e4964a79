/**
 * Atomic publish: `out` is a link flipped by one rename, so a build killed at any moment (half-way here,
 * in the swap itself in atomic-swap.test.ts) leaves a complete site at `out`; killing only the wrapper ends
 * Framework too; and the next build cleans up after a killed one.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { currentVersion } from "../../loaders/site/publish.ts";
import { csv } from "../helpers/stage.ts";
import { projectCopy } from "../helpers/project.ts";
import { build } from "../helpers/site.ts";
import { until } from "../helpers/until.ts";

// Whole-site builds take minutes on a 2-core machine.
vi.setConfig({ testTimeout: 900_000 });

const dir = mkdtempSync(join(tmpdir(), "3r-atomic-"));
// its own copy of the project (its own Framework cache), so other files' builds run beside it
const root = projectCopy();
const data = join(dir, "data");
const out = join(dir, "site");
const versions = join(dir, "site.versions");
const args = ["--data", data, "--config", join(dir, "3r.config.json"), "--out", out];

function write(csm: string) {
  mkdirSync(data, { recursive: true });
  writeFileSync(join(dir, "3r.config.json"), JSON.stringify({ asOf: "2025-06-30" }));
  writeFileSync(join(data, "accounts.csv"), csv("account_id,customer_since,csm", `A1,2023-01-15,${csm}`));
  writeFileSync(join(data, "renewals.csv"), csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", "R1,A1,2025-01-15,2025-01-10,Core,1000,1100"));
}

/** The build wrapper itself as one process (node with tsx's hooks, no tsx launcher in between), its stderr collected. */
function startBuild(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "loaders/cli/build.ts", ...args], {
    cwd: root, env: { ...process.env, THREER_QUIET: "0" }, stdio: ["ignore", "pipe", "pipe"],
  });
  // Framework writes to the same pipes (it inherits them): they close only once it has ended too.
  let output = "";
  child.stdout!.on("data", (b) => { output += String(b); });
  child.stderr!.on("data", (b) => { output += String(b); });
  return { child, output: () => output };
}

/** Whether a process runs (a zombie, dead but not yet reaped, does not). */
const alive = (pid: number) => { try { return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8")); } catch { return false; } };
const pages = () => Object.fromEntries(readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith(".html")).map((f) => [f, readFileSync(join(out, f), "utf8")]));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

describe("atomic publish", () => {
  it("keeps the previous site when only the wrapper is killed half-way, and ends its Framework with it", async () => {
    write("Ann");
    expect(build(args, {}, root).code).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    const before = pages();
    expect(Object.keys(before).length).toBeGreaterThan(1);

    write("Bo"); // new inputs, so the killed build has real work to do
    const { child, output } = startBuild();
    // Once Framework has written into the new, unpublished version folder, kill -9 the wrapper alone (not its group).
    const unpublished = () => readdirSync(versions).map((f) => join(versions, f)).find((v) => v !== currentVersion(out) && existsSync(v) && readdirSync(v).length > 0);
    await until(() => !!unpublished(), "Framework writing the new version");
    const framework = Number(/Framework build started \(process (\d+)\)/.exec(output())?.[1]);
    expect(framework).toBeGreaterThan(0);
    child.kill("SIGKILL");
    // Framework notices its wrapper is gone (its IPC channel closes) and ends its process group: the pipes it shares close.
    await new Promise((r) => child.on("close", r));
    await until(() => !alive(framework), "Framework's process reaped"); // a killed process lingers as a zombie until reaped
    // It was ended, not left to finish: Framework's last words after a full build are "N links validated".
    expect(output()).not.toMatch(/links validated/);

    expect(pages()).toEqual(before);
    expect(unpublished()).toBeTruthy(); // the half-built version, never published

    const killed = unpublished()!;
    const first = currentVersion(out)!;
    const next = build(args, {}, root);
    expect(next.code, next.output).toBe(0);
    // Leftovers of the killed build removed; what remains is the new version and the one it replaced (kept for readers mid-page).
    expect(existsSync(killed)).toBe(false);
    expect(readdirSync(versions).map((f) => join(versions, f)).sort()).toEqual([first, currentVersion(out)].sort());
    expect(readdirSync(dir).filter((f) => f.startsWith("site.")).sort()).toEqual(["site.versions"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).not.toBe(before["index.html"]);
  });

  it("ends the Framework it started beside the staging and leaves the site as it was when the inputs cannot be used", async () => {
    const before = pages();
    const kept = readdirSync(versions).sort();
    // No account_id column: accounts cannot be read, so the build stops after staging, with Framework already running.
    writeFileSync(join(data, "accounts.csv"), csv("id,customer_since,csm", "A1,2023-01-15,Cy"));
    const { child, output } = startBuild();
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(code, output()).toBe(1);
    expect(output()).toMatch(/build stopped: the inputs cannot be used/);
    const framework = Number(/Framework build started \(process (\d+)\)/.exec(output())?.[1]);
    expect(framework).toBeGreaterThan(0);
    await until(() => !alive(framework), "Framework's process reaped");
    expect(output()).not.toMatch(/links validated/);
    expect(pages()).toEqual(before);
    expect(readdirSync(versions).sort()).toEqual(kept); // its version folder, had Framework made one, removed
  });
});
