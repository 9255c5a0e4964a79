import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csv } from "../helpers/stage.ts";

/** Runs `npm run check` on a folder; returns its exit code and output. */
function check(files: Record<string, string>): { code: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "3r-check-"));
  for (const [n, c] of Object.entries(files)) writeFileSync(join(dir, n), c);
  try {
    const out = execFileSync("npx", ["tsx", "loaders/cli/check.ts", "--data", dir], {
      encoding: "utf8", env: { ...process.env, THREER_STATE: join(dir, ".state"), THREER_TODAY: "2026-11-22" }, stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, out: out.replaceAll(dir + "/", "") };
  } catch (err) {
    const e = err as { status: number; stdout: string };
    return { code: e.status, out: e.stdout.replaceAll(dir + "/", "") };
  }
}

const accounts = csv("account_id,customer_since", "A1,2024-01-05", "A2,2024-02-01");
const renewals = csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
  "R1,A1,2025-01-05,2025-01-02,Core,100,90");

describe("npm run check", () => {
  it("passes a clean folder with exit 0 and a per-table summary", () => {
    const r = check({ "accounts.csv": accounts, "renewals.csv": renewals });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/accounts\s+accounts\.csv\s+2\s+0\s+2/);
    expect(r.out).toMatch(/renewals\s+renewals\.csv\s+1\s+0\s+1/);
    expect(r.out).toContain("no problems");
  });

  it("reports each bad input located as file:line:column, and exits 1", () => {
    const r = check({
      "accounts.csv": csv("account_id,customer_since,licenses", "A1,2024-01-05,3", "A2,05/02/2024,x", "A1,2024-03-01,1"),
      "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
        "R1,A1,2025-01-05,2025-01-02,Core,100,90", "R2,A9,2025-02-01,,Core,50,"),
      "health.csv": csv("account_id,as_of,color", "A1,2024-06-01,Purple"),
    });
    expect(r.code).toBe(1);
    const lines = r.out.split("\n");
    expect(lines).toContain('accounts.csv:3:customer_since: expected a date YYYY-MM-DD, got "05/02/2024"');
    expect(lines).toContain('accounts.csv:3:licenses: expected a whole number ≥ 0, got "x"');
    expect(lines).toContain('accounts.csv:4:account_id: expected a unique account_id, got "A1", already on line 2');
    expect(lines).toContain('renewals.csv:3:account_id: expected an account_id that exists in accounts, got "A9"');
    expect(lines).toContain('health.csv:2:color: expected one of red, yellow, green, got "Purple"');
  });

  it("reports a missing required file, a missing required column, and two formats for one table", () => {
    const r = check({
      "accounts.csv": csv("account_id,segment", "A1,SMB"),
      "health.csv": csv("account_id,as_of,color", "A1,2024-06-01,red"),
      "health.ndjson": '{"account_id":"A1","as_of":"2024-06-01","color":"red"}\n',
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/renewals\.csv: expected a file for the revenue record: renewals \(renewal events\) or subscriptions .*, got neither file/);
    expect(r.out).toMatch(/accounts\.csv:1:customer_since: expected a column "customer_since", got columns "account_id", "segment"/);
    expect(r.out).toMatch(/health: expected exactly one file for table health, got 2 \(health\.csv, health\.ndjson\)/);
  });
});
