/**
 * Health review: flips, early warnings (the Relationship page's rule, reused) and the actions export, worked by
 * hand. As-of 2026-06-30; flips within flipDays 30 whose new color began in (as-of − 365, as-of].
 *
 * | acct  | ARR  | colors                                         | flips                                         | listed? |
 * | F1    | 1000 | green 05-01, red 05-20, green 06-10            | green→red 1 day, red→green 1 day (latest)     | yes, 2 flips |
 * | FEDGE | 2000 | red 2025-06-02, green 2025-07-01               | red→green, new color from 2025-07-01 (364 days ago) | yes |
 * | FOLD  | 4000 | red 2025-06-01, green 2025-06-30               | red→green from 2025-06-30 (365 days ago)      | no      |
 * | FSLOW | 5000 | red 01-01, yellow 02-01, green 03-05           | last red 01-31 → green 03-05 = 33 days        | no      |
 * | FY    | 3000 | green 05-01, yellow 05-10, red 05-31           | last green 05-09 → red 05-31 = 22 days        | yes     |
 *
 * Early warning (renewals due 270–365 days out, usage down a third or 30-day utilization < 40%):
 * | EW1 | 2027-03-27 (270) | usage 90 → 60, 1 of 2 seats (50%) | usage_down      | due max(07-14, renewal − 270 = 06-30) = 2026-07-14 |
 * | EW2 | 2027-06-30 (365) | no usage before, 1 of 10 (10%)    | low_utilization | due renewal − 270 = 2026-10-03 |
 * | EW3 | 2027-07-01 (366) | 1 of 10                           | not in the window |
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionNames, writeActions } from "../../loaders/datasets/actions.ts";
import { ConfigFile } from "../../loaders/engine/config.ts";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const arr: Record<string, number> = { F1: 1000, FEDGE: 2000, FOLD: 4000, FSLOW: 5000, FY: 3000, EW1: 6000, EW2: 7000, EW3: 8000 };
const renewal: Record<string, string> = { EW1: "2027-03-27", EW2: "2027-06-30", EW3: "2027-07-01" };
const names: Record<string, string> = { F1: '=HYPERLINK("http://x","click")', FEDGE: "Edge, Inc." };
const ids = Object.keys(arr);

const files = {
  "accounts.csv": csv("account_id,account_name,customer_since,csm,segment,region,licenses",
    ...ids.map((id) => `${id},"${(names[id] ?? `${id} Ltd`).replaceAll('"', '""')}",2024-01-01,${id.startsWith("EW") ? "Bob" : "Ann"},SMB,NA,${id === "EW1" ? 2 : 10}`)),
  "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
    ...ids.map((id) => `E${id},${id},${renewal[id] ?? "2027-01-15"},,Core,${arr[id]},`)),
  "health.csv": csv("account_id,as_of,color",
    "F1,2026-05-01,green", "F1,2026-05-20,red", "F1,2026-06-10,green",
    "FEDGE,2025-06-02,red", "FEDGE,2025-07-01,green", "FOLD,2025-06-01,red", "FOLD,2025-06-30,green",
    "FSLOW,2026-01-01,red", "FSLOW,2026-02-01,yellow", "FSLOW,2026-03-05,green",
    "FY,2026-05-01,green", "FY,2026-05-10,yellow", "FY,2026-05-31,red"),
  "usage.csv": csv("account_id,user_id,date,feature,events",
    "EW1,u1,2026-03-15,core,90", "EW1,u1,2026-06-15,core,60", "EW2,u1,2026-06-15,core,1", "EW3,u1,2026-06-15,core,1"),
};

let s: Staged;
let items: Record<string, unknown>[];
const out = mkdtempSync(join(tmpdir(), "3r-actions-"));
beforeAll(async () => {
  s = await stage(files, { config: { asOf: "2026-06-30", actionColumns: { account_id: "Account ID", due_by: "Due Date" } } });
  items = (await s.dataset("health-review")).table("items");
}, 120_000);
afterAll(() => {
  s?.close();
  rmSync(out, { recursive: true, force: true });
});

describe("flips and early warnings", () => {
  it("lists red↔green flips within 30 days whose new color began in the last 365 days", () => {
    expect(items.filter((r) => r.list === "flip").map((r) => [r.account_id, r.flip_from, r.flip_to, r.flip_on, r.flip_days, r.reasons, r.due_by])).toEqual([
      ["FY", "green", "red", "2026-05-31", 22, ["green_to_red"], "2026-07-14"],
      ["FEDGE", "red", "green", "2025-07-01", 1, ["red_to_green"], "2026-07-14"],
      ["F1", "red", "green", "2026-06-10", 1, ["red_to_green"], "2026-07-14"],
    ]);
    expect(items.find((r) => r.list === "flip" && r.account_id === "F1")!.reason_text).toBe("Went red to green in 1 day (on 2026-06-10); 2 such flips in 365 days.");
  });

  it("takes the early-warning list as the Relationship page has it, with a due date 270 days before renewal", () => {
    expect(items.filter((r) => r.list === "early_warning").map((r) => [r.account_id, r.arr, r.reasons, r.reason_text, r.due_by])).toEqual([
      ["EW2", 7000, ["low_utilization"], "Renewal on 2027-06-30, in 365 days. License utilization 10%.", "2026-10-03"],
      ["EW1", 6000, ["usage_down"], "Renewal on 2027-03-27, in 270 days. Usage down 33%.", "2026-07-14"],
    ]);
  });

  it("puts an account on every list it qualifies for, lists in page order, each by ARR", () => {
    // FY is red since 05-31 (30 days) with no touch and no review; the green ones have no touch or contact at all
    expect(items.map((r) => [r.list, r.account_id])).toEqual([
      ["red_no_plan", "FY"],
      ["green_at_risk", "FSLOW"], ["green_at_risk", "FOLD"], ["green_at_risk", "FEDGE"], ["green_at_risk", "F1"],
      ["early_warning", "EW2"], ["early_warning", "EW1"],
      ["flip", "FY"], ["flip", "FEDGE"], ["flip", "F1"],
    ]);
  });
});

describe("the actions export", () => {
  it("writes one row per account per list under the target system's field names, formulas neutralized", async () => {
    const n = await writeActions(s.db, s.config, out);
    expect(n).toBe(items.length);
    const text = readFileSync(join(out, "actions.csv"), "utf8");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("action_key,Account ID,account_name,list,reasons,reason_text,owner,arr,renewal_date,Due Date");
    const f1 = lines.find((l) => l.includes(",F1,") && l.includes(",flip,"))!;
    const key = createHash("md5").update("F1\x1fflip").digest("hex");
    expect(f1).toBe(`${key},F1,"'=HYPERLINK(""http://x"",""click"")",flip,red_to_green,Went red to green in 1 day (on 2026-06-10); 2 such flips in 365 days.,Ann,1000,2027-01-15,2026-07-14`);
    const json = JSON.parse(readFileSync(join(out, "actions.json"), "utf8"));
    expect(json.find((r: Record<string, unknown>) => r["Account ID"] === "FEDGE" && r.list === "flip")).toEqual({
      action_key: createHash("md5").update("FEDGE\x1fflip").digest("hex"), "Account ID": "FEDGE", account_name: "Edge, Inc.", list: "flip",
      reasons: "red_to_green", reason_text: "Went red to green in 1 day (on 2025-07-01).", owner: "Ann", arr: 2000, renewal_date: "2027-01-15", "Due Date": "2026-07-14",
    });
  });

  it("keeps action keys when the book changes, so a re-import updates", async () => {
    const t = await stage({ ...files, "accounts.csv": files["accounts.csv"].replace("Edge, Inc.", "Edge Renamed") }, { config: { asOf: "2026-06-30" } });
    try {
      const again = (await t.dataset("health-review")).table("items");
      expect(again.map((r) => [r.list, r.account_id, r.action_key])).toEqual(items.map((r) => [r.list, r.account_id, r.action_key]));
    } finally {
      t.close();
    }
  });

  it("refuses a mapping that writes two columns under one name, or names an unknown column", () => {
    expect(() => actionNames({ account_id: "ID", action_key: "ID" })).toThrow(/"action_key" and "account_id" are both written as "ID"/);
    expect(ConfigFile.safeParse({ actionColumns: { acount_id: "ID" } }).success).toBe(false);
  });
});
