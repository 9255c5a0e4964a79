/**
 * Health review, green accounts at risk of going red silently, worked by hand. As-of 2026-06-30; defaults:
 * touched = a touch in (06-01 − 1, 06-30], i.e. on or after 2026-06-01 (a touch exactly 30 days ago, 05-31, is out);
 * single-threaded = at most one distinct contact touched in 180 days; usage down = last 90 days against the 90
 * before down by a third or more (windows (04-01, 06-30] and (01-01, 04-01]).
 *
 * | acct | ARR  | color  | contacts touched | sponsor | last touch | usage prior → last | reasons                         |
 * | GOK  | 9000 | green  | c1, c2           | yes     | 06-01      | none               | —  (not listed)                 |
 * | GT30 | 1000 | green  | c3, c4           | yes     | 05-31      | none               | not_touched                     |
 * | GST  | 2000 | green  | c5 (twice)       | yes     | 06-20      | none               | single_threaded                 |
 * | GNS  | 3000 | green  | c7, c8           | no      | 06-20      | none               | no_exec_sponsor                 |
 * | GU   | 4000 | green  | c9, c10          | yes     | 06-20      | 90 → 60 (−1/3)     | usage_down                      |
 * | GU2  | 8000 | green  | c11, c12         | yes     | 06-20      | 90 → 61 (−32.2%)   | — (not listed)                  |
 * | GALL | 500  | green  | none             | no      | never      | 30 → 0             | all four                        |
 * | Y    | 7000 | yellow | none             | no      | never      | none               | — (not green)                   |
 * due_by = as-of + 30 = 2026-07-30.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const ids = ["GOK", "GT30", "GST", "GNS", "GU", "GU2", "GALL", "Y"];
const arr: Record<string, number> = { GOK: 9000, GT30: 1000, GST: 2000, GNS: 3000, GU: 4000, GU2: 8000, GALL: 500, Y: 7000 };
const pairs: Record<string, string[]> = { GOK: ["c1", "c2"], GT30: ["c3", "c4"], GST: ["c5"], GNS: ["c7", "c8"], GU: ["c9", "c10"], GU2: ["c11", "c12"] };
const last: Record<string, string> = { GOK: "2026-06-01", GT30: "2026-05-31", GST: "2026-06-20", GNS: "2026-06-20", GU: "2026-06-20", GU2: "2026-06-20" };

const files = {
  "accounts.csv": csv("account_id,account_name,customer_since,csm,segment,region", ...ids.map((id) => `${id},${id} Inc,2024-01-01,Ann,SMB,NA`)),
  "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", ...ids.map((id) => `E${id},${id},2027-01-15,,Core,${arr[id]},`)),
  "health.csv": csv("account_id,as_of,color", ...ids.map((id) => `${id},2026-01-01,${id === "Y" ? "yellow" : "green"}`)),
  "contacts.csv": csv("contact_id,account_id,role,is_exec_sponsor",
    ...Object.entries(pairs).flatMap(([id, cs]) => cs.map((c, i) => `${c},${id},decision_maker,${i === 0 && id !== "GNS"}`)),
    "c6,GST,practitioner,false"),
  "touches.csv": csv("account_id,date,type,contact_id",
    ...Object.entries(pairs).flatMap(([id, cs]) => [`${id},2026-03-01,call,${cs[cs.length - 1]}`, `${id},${last[id]},call,${cs[0]}`])),
  "usage.csv": csv("account_id,user_id,date,feature,events",
    "GU,u1,2026-02-01,core,90", "GU,u1,2026-05-01,core,60", "GU2,u1,2026-02-01,core,90", "GU2,u1,2026-05-01,core,61", "GALL,u1,2026-03-01,core,30"),
};

let s: Staged;
let rows: Record<string, unknown>[];
beforeAll(async () => {
  s = await stage(files, { config: { asOf: "2026-06-30" } });
  rows = (await s.dataset("health-review")).table("items").filter((r) => r.list === "green_at_risk");
}, 120_000);
afterAll(() => s?.close());

describe("green at risk of going red silently", () => {
  it("names each reason, at the edges of every window and threshold, by ARR", () => {
    expect(rows.map((r) => [r.account_id, r.arr, r.reasons, r.due_by])).toEqual([
      ["GU", 4000, ["usage_down"], "2026-07-30"],
      ["GNS", 3000, ["no_exec_sponsor"], "2026-07-30"],
      ["GST", 2000, ["single_threaded"], "2026-07-30"],
      ["GT30", 1000, ["not_touched"], "2026-07-30"],
      ["GALL", 500, ["single_threaded", "no_exec_sponsor", "usage_down", "not_touched"], "2026-07-30"],
    ]);
  });

  it("writes the reasons as a sentence", () => {
    expect(rows.find((r) => r.account_id === "GU")!.reason_text).toBe("Usage down 33% (last 90 days against the 90 before).");
    expect(rows.find((r) => r.account_id === "GT30")!.reason_text).toBe("Not touched in 30 days (last 2026-05-31).");
    expect(rows.find((r) => r.account_id === "GALL")!.reason_text).toBe(
      "Single-threaded (at most one contact touched in 180 days). No executive sponsor. Usage down 100% (last 90 days against the 90 before). Not touched in 30 days (never).");
  });
});
