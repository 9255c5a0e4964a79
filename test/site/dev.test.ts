/**
 * Preview is never stale either: `npm run dev` watches the inputs, re-stages
 * on a change and invalidates the datasets that depend on it, so the next
 * request gets new numbers.
 */
import { tableFromIPC } from "apache-arrow";
import { columns } from "../../src/components/data.js";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { projectCopy } from "../helpers/project.ts";
import { csv } from "../helpers/stage.ts";
import { TSX } from "../helpers/site.ts";

vi.setConfig({ testTimeout: 900_000 });

const dir = mkdtempSync(join(tmpdir(), "3r-dev-"));
const data = join(dir, "data");
const port = 4100 + (process.pid % 500);
// its own copy of the project (its own Framework cache), so other files' builds run beside it
const root = projectCopy();
let child: ChildProcess | undefined;

function write(arrAfter: number) {
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, "accounts.csv"), csv("account_id,customer_since", "A1,2023-01-15"));
  writeFileSync(join(data, "renewals.csv"), csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
    `R1,A1,2025-01-15,2025-01-10,Core,1000,${arrAfter}`));
}

/** The current ARR the preview serves, polled until `until` holds (or, as a hang guard, 10 minutes pass). */
async function currentArr(until: (v: number | null) => boolean): Promise<number | null> {
  let v: number | null = null;
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 1000))) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/_file/data/overview/book.arrow`);
      if (r.ok) v = columns(tableFromIPC(new Uint8Array(await r.arrayBuffer()))).current_arr[0];
    } catch { /* not up yet */ }
    if (until(v)) break;
  }
  return v;
}

afterAll(() => {
  if (child?.pid) try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
  rmSync(dir, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

describe("npm run dev", () => {
  it("serves new numbers after an input changes", async () => {
    write(1200);
    writeFileSync(join(dir, "3r.config.json"), JSON.stringify({ asOf: "2025-06-30" }));
    child = spawn(process.execPath, [TSX, "loaders/cli/dev.ts",
      "--data", data, "--config", join(dir, "3r.config.json"), "--port", String(port)], { cwd: root, stdio: "ignore", detached: true });
    expect(await currentArr((v) => v !== null)).toBe(1200);
    write(900);
    expect(await currentArr((v) => v === 900)).toBe(900);
  });
});
