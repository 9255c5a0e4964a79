/**
 * Faults of the command line and the machine: every one ends with one plain
 * line naming the setting or folder, exit code 1, and no stack trace.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Db } from "../../loaders/engine/db.ts";
import { csv } from "../helpers/stage.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

/** A data folder: two accounts; renewal R1 resolved at 2025-01-10 23:30 UTC when `timestamp` (else a plain date). */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "3r-fault-"));
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "data", "accounts.csv"), csv("account_id,customer_since", "A1,2023-01-15", "A2,2024-03-01"));
  writeFileSync(join(dir, "data", "renewals.csv"), csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
    "R1,A1,2025-01-15,2025-01-10T23:30:00Z,Core,1000,1200", "R2,A2,2025-09-01,,Core,500,"));
  return dir;
}

function run(cli: string, args: string[], env: Record<string, string> = {}, wrap: string[] = []) {
  const cmd = wrap.length ? wrap[0] : TSX;
  const argv = wrap.length ? [...wrap.slice(1), TSX, join(ROOT, "loaders", "cli", cli), ...args] : [join(ROOT, "loaders", "cli", cli), ...args];
  const r = spawnSync(cmd, argv, { encoding: "utf8", env: { ...process.env, THREER_TODAY: "2025-06-30", THREER_QUIET: "1", ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);

describe("plain failures", () => {
  it("an impossible --as-of date names the flag and exits 1", () => {
    const dir = folder();
    const r = run("check.ts", ["--data", join(dir, "data"), "--as-of", "2025-02-30"], { THREER_STATE: join(dir, "state") });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('--as-of: expected a real date YYYY-MM-DD, got "2025-02-30"');
  });

  it("a timestamp (text with Z, or Parquet TIMESTAMPTZ) becomes its UTC date under TZ=UTC and TZ=Asia/Tokyo alike", async () => {
    // 2025-01-10 23:30 UTC is 2025-01-11 08:30 in Tokyo: the published date must not depend on the machine.
    for (const [tz, parquet] of [["UTC", false], ["Asia/Tokyo", false], ["UTC", true], ["Asia/Tokyo", true]] as const) {
      const dir = folder();
      if (parquet) {
        rmSync(join(dir, "data", "renewals.csv"));
        const db = await Db.open();
        await db.run(`copy (select * from (values ('R1', 'A1', date '2025-01-15', timestamptz '2025-01-10 23:30:00+00', 'Core', 1000, 1200))
          t(renewal_id, account_id, renewal_date, resolved_date, product, arr_before, arr_after)) to '${join(dir, "data", "renewals.parquet")}' (format parquet)`);
        db.close();
      }
      const out = join(dir, "out");
      const r = run("report.ts", ["--data", join(dir, "data"), "--out", out, "--only", "data-quality"], { TZ: tz, THREER_STATE: join(dir, "state") });
      expect(r.code, r.err).toBe(0);
      const dq = JSON.parse(readFileSync(join(out, "data-quality.json"), "utf8"));
      // The as-of date defaults to the latest date in the inputs: the resolved date, as staged.
      expect(dq.asOf, `${tz} ${parquet ? "parquet" : "csv"}`).toBe("2025-01-10");
    }
  });

  const root = process.getuid?.() === 0 && spawnSync("unshare", ["-m", "true"]).status === 0;
  it.skipIf(!root)("a read-only output folder and a full state disk: one plain line, exit 1, nothing left behind (root: unshare -m)", () => {
    const dir = folder();
    const ro = join(dir, "ro");
    const full = join(dir, "full");
    mkdirSync(ro);
    mkdirSync(full);
    // A read-only mount for --out; a 64 kB tmpfs for the state folder (the warehouse needs far more).
    const sh = (inner: string) => ["unshare", "-m", "sh", "-c", `mount -t tmpfs -o ro tmpfs ${ro} && mount -t tmpfs -o size=64k tmpfs ${full} && "$@"; rc=$?; ls -A ${full} > ${dir}/left.txt; exit $rc`, inner];
    const a = run("report.ts", ["--data", join(dir, "data"), "--out", join(ro, "report"), "--only", "data-quality"], { THREER_STATE: join(dir, "state") }, sh("report"));
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/cannot write: the folder is on a read-only file system; choose a writable folder/);
    noStack(a.err);
    const b = run("check.ts", ["--data", join(dir, "data")], { THREER_STATE: full }, sh("check"));
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/cannot write: the disk is full|cannot write/);
    noStack(b.err);
    // No half-written warehouse or WAL stays on the full disk.
    const left = readFileSync(join(dir, "left.txt"), "utf8");
    expect(left).not.toMatch(/\.duckdb|\.wal/);
  });

  it("check names an unusable small file before it reads the large usage file", () => {
    const dir = folder();
    writeFileSync(join(dir, "data", "accounts.csv"), csv("Account,customer_since", "A1,2023-01-15"));
    const rows = Array.from({ length: 20000 }, (_, i) => `A1,u${i},2025-01-0${(i % 9) + 1},f,1`);
    writeFileSync(join(dir, "data", "usage.csv"), csv("account_id,user_id,date,feature,events", ...rows));
    const r = run("check.ts", ["--data", join(dir, "data")], { THREER_STATE: join(dir, "state"), THREER_QUIET: "0" });
    expect(r.code).toBe(1);
    const early = r.err.indexOf("accounts.csv:1:account_id: expected a column");
    expect(early).toBeGreaterThan(-1);
    expect(early).toBeLessThan(r.err.indexOf("usage: reading"));
  });
});
