/**
 * Never stale: Framework reuses any cached loader output, so the build wrapper
 * keys that cache on fingerprints. Build, change one value in a CSV, build
 * again: the published figure changes. Build a third time with no change: no
 * loader runs, and the site is the same.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { csv } from "../helpers/stage.ts";
import { projectCopy } from "../helpers/project.ts";
import { build, publishedDataset } from "../helpers/site.ts";

// Whole-site builds and page-by-page browsing take minutes on a 2-core machine.
vi.setConfig({ testTimeout: 900_000 });

const dir = mkdtempSync(join(tmpdir(), "3r-stale-"));
// its own copy of the project (its own Framework cache), so other files' builds run beside it
const root = projectCopy();
const data = join(dir, "data");
const out = join(dir, "dist");
const args = ["--data", data, "--config", join(dir, "3r.config.json"), "--out", out];

function write(arrAfter: number) {
  mkdirSync(data, { recursive: true });
  writeFileSync(join(dir, "3r.config.json"), JSON.stringify({ asOf: "2025-06-30" }));
  writeFileSync(join(data, "accounts.csv"), csv("account_id,customer_since,csm", "A1,2023-01-15,Ann", "A2,2023-03-01,Bo"));
  // A1 renewed on 2025-01-15 (resolved): its current ARR is arr_after. A2 is due 2025-09-01 (open): arr_before counts.
  writeFileSync(join(data, "renewals.csv"), csv(
    "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
    `R1,A1,2025-01-15,2025-01-10,Core,1000,${arrAfter}`,
    "R2,A2,2025-09-01,,Core,500,"));
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

describe("the build is never stale", () => {
  it("publishes new numbers after one CSV value changes, and re-runs no loader when nothing changed", () => {
    write(1200);
    const first = build(args, {}, root);
    expect(first.code, first.output).toBe(0);
    // current ARR = A1's arr_after 1200 + A2's open contract 500 = 1700
    expect(publishedDataset(out, "overview").tables.book.current_arr).toEqual([1700]);

    write(900);
    const second = build(args, {}, root);
    expect(second.code, second.output).toBe(0);
    // 900 + 500 = 1400: the figure follows the input
    expect(publishedDataset(out, "overview").tables.book.current_arr).toEqual([1400]);
    expect(second.output).toMatch(/dataset overview computed/);

    const before = readFileSync(join(out, "index.html"), "utf8").replace(/built [^·]*·/, "");
    const third = build(args, {}, root);
    expect(third.code, third.output).toBe(0);
    expect(third.output).toContain("no loader will run");
    expect(third.output).not.toMatch(/dataset \S+ computed/);
    expect(third.output).toContain("(nothing changed)");
    expect(readFileSync(join(out, "index.html"), "utf8").replace(/built [^·]*·/, "")).toBe(before);
  });

  it("leaves the published site untouched when the inputs have errors", () => {
    const good = readFileSync(join(out, "index.html"), "utf8");
    writeFileSync(join(data, "accounts.csv"), csv("account_id,customer_since", "A1,2023-01-15", "A2,not-a-date"));
    const r = build(args, {}, root);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/accounts\.csv:3:customer_since: expected a date YYYY-MM-DD, got "not-a-date"/);
    expect(r.output).toContain("left as it was");
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe(good);
  });
});
