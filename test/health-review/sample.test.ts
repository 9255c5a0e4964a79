/**
 * The health review on the sample book (data/, the committed 2,000-account sample): the planted structure fills
 * every list (data/README.md: red episodes before churn and false alarms, 44% of accounts with an executive sponsor,
 * 82 warned early-warning renewals, the 40 flip-flop accounts, "high" utilization periods of 62–95% of seats), and
 * actions.csv reads cleanly into DuckDB's CSV reader with the documented types.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_TYPES, writeActions } from "../../loaders/datasets/actions.ts";
import { REVIEW_LISTS } from "../../loaders/datasets/health-review.ts";
import { stage, type Staged } from "../helpers/stage.ts";

const FLIP_FLOPS = "A00034 A00125 A00288 A00296 A00371 A00380 A00418 A00631 A00684 A00694 A00735 A00769 A00793 A00810 A00823 A00842 A00845 A00972 A01027 A01050 A01053 A01123 A01205 A01214 A01258 A01263 A01283 A01321 A01326 A01416 A01472 A01517 A01532 A01562 A01723 A01733 A01758 A01794 A01796 A01815".split(" ");

let s: Staged;
let items: Record<string, unknown>[];
let n: number;
const out = mkdtempSync(join(tmpdir(), "3r-actions-sample-"));
beforeAll(async () => {
  const data = join(import.meta.dirname, "../../data");
  const files = Object.fromEntries(readdirSync(data).filter((f) => f.endsWith(".parquet")).map((f) => [f, readFileSync(join(data, f))]));
  s = await stage(files, { config: { asOf: "2026-09-30" } });
  items = (await s.dataset("health-review")).table("items");
  n = await writeActions(s.db, s.config, out);
}, 300_000);
afterAll(() => {
  s?.close();
  rmSync(out, { recursive: true, force: true });
});

describe("the health review on the sample book", () => {
  it("fills every list", () => {
    const sizes = Object.fromEntries(REVIEW_LISTS.map((l) => {
      const rows = items.filter((r) => r.list === l);
      return [l, { accounts: rows.length, arr: rows.reduce((t, r) => t + (r.arr as number), 0) }];
    }));
    console.log("health review on the sample:", JSON.stringify(sizes));
    for (const l of REVIEW_LISTS) expect(sizes[l].accounts, l).toBeGreaterThan(0);
  });

  it("finds flips only among the planted flip-flop accounts, and the 82 warned early-warning renewals", async () => {
    const flips = items.filter((r) => r.list === "flip").map((r) => r.account_id as string);
    expect(flips.filter((id) => !FLIP_FLOPS.includes(id))).toEqual([]);
    // data/README.md: 8 of the 11 planned churners due in 270–365 days, and 74 of the 197 others
    expect(items.filter((r) => r.list === "early_warning").length).toBe(8 + 74);
  });

  it("writes actions.csv that DuckDB reads with the documented types, every row intact", async () => {
    const path = join(out, "actions.csv").replaceAll("'", "''");
    const detected = await s.query(`describe select * from read_csv('${path}')`);
    // auto-detection agrees with the documented types; arr in whole dollars reads as an integer, which is still a number
    const auto = Object.fromEntries(detected.map((c) => [c.column_name, c.column_type === "BIGINT" ? "DOUBLE" : c.column_type]));
    expect(auto).toEqual(ACTION_TYPES);
    const types = `{${Object.entries(ACTION_TYPES).map(([k, t]) => `'${k}': '${t}'`).join(", ")}}`;
    const read = await s.query(`select count(*)::integer as n, count(distinct action_key)::integer as keys, count(*) filter (where arr is null or due_by is null)::integer as missing
      from read_csv('${path}', header = true, columns = ${types}, ignore_errors = false)`);
    expect(read).toEqual([{ n, keys: n, missing: 0 }]);
    expect(n).toBe(items.length);
  });
});
