/**
 * Health review, expansion candidates, worked by hand. As-of 2026-06-30. Seats used = distinct users in the last
 * 90 days, (04-01, 06-30]; breadth = distinct features used in those 90 days / features seen (no features file:
 * every feature used in the book, here f1–f4 = 4). Usage trend: last 90 days against the 90 before (01-01, 04-01].
 *
 * | acct | ARR  | color | users / licenses  | features | breadth | usage trend | tickets                         | listed?           |
 * | X90  | 5000 | green | 900 / 1000 = 90%  | f1–f3    | 0.75    | flat        |                                 | yes (edge)        |
 * | X899 | 6000 | green | 899 / 1000 = 89.9%| f1–f3    | 0.75    | flat        |                                 | no: 89.9%         |
 * | XF   | 4000 | yellow| 10 / 10           | f1–f4    | 1       | flat        |                                 | yes               |
 * | XC   | 3000 | green | 10 / 10           | f1–f3    | 0.75    | flat        | high closed on 06-30; low open  | yes               |
 * | XB2  | 2500 | green | 10 / 10           | f1–f2    | 0.5     | flat        |                                 | no: below the cut |
 * | XT   | 7000 | green | 10 / 10           | f1–f3    | 0.75    | flat        | urgent opened 06-01, open       | no: open ticket   |
 * | XR   | 8000 | red   | 10 / 10           | f1–f3    | 0.75    | flat        |                                 | no: red           |
 * | XD   | 9000 | green | 10 / 10           | f1–f3    | 0.75    | 15 → 10 = −1/3 |                              | no: falling       |
 * | XS   | 2000 | green | 10 / 10           | f1–f3    | 0.75    | none before | (no usage before: not falling)  | yes               |
 * | L1, L2 | 100 | green | 1 / none        | f1       | 0.25    | flat        |                                 | no                |
 *
 * The cut: breadths of the 12 active accounts sorted are .25, .25, .5, then .75 ×8, then 1; the 75th percentile
 * (a value some account has, quantile_disc) is 0.75 whichever of positions 8 or 9 (of 12) a method picks.
 * Products: the book sells Core, Analytics, Automation. X90 owns Core; XF owns all three; XC owns Core and
 * Analytics now (it dropped Automation at its 2026-01-15 renewal); XS owns Core and Automation.
 * due_by: renewal − 90 days, not before the next review (07-14): X90 (2027-01-01) → 2026-10-03, XF (2026-08-01) →
 * 2026-07-14, XC (2027-06-01) → 2027-03-03, XS (no open renewal) → as-of + 90 = 2026-09-28.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, stage, type Staged } from "../helpers/stage.ts";

type Spec = { arr: number; color: string; users: number; licenses: number | ""; features: string[]; prior: number | null };
const full = ["f1", "f2", "f3"];
const accounts: Record<string, Spec> = {
  X90: { arr: 5000, color: "green", users: 900, licenses: 1000, features: full, prior: 900 },
  X899: { arr: 6000, color: "green", users: 899, licenses: 1000, features: full, prior: 899 },
  XF: { arr: 4000, color: "yellow", users: 10, licenses: 10, features: ["f1", "f2", "f3", "f4"], prior: 10 },
  XC: { arr: 3000, color: "green", users: 10, licenses: 10, features: full, prior: 10 },
  XB2: { arr: 2500, color: "green", users: 10, licenses: 10, features: ["f1", "f2"], prior: 10 },
  XT: { arr: 7000, color: "green", users: 10, licenses: 10, features: full, prior: 10 },
  XR: { arr: 8000, color: "red", users: 10, licenses: 10, features: full, prior: 10 },
  XD: { arr: 9000, color: "green", users: 10, licenses: 10, features: full, prior: 15 },
  XS: { arr: 2000, color: "green", users: 10, licenses: 10, features: full, prior: null },
  L1: { arr: 100, color: "green", users: 1, licenses: "", features: ["f1"], prior: 1 },
  L2: { arr: 100, color: "green", users: 1, licenses: "", features: ["f1"], prior: 1 },
};
const ids = Object.keys(accounts);
const renewalDate: Record<string, string> = { X90: "2027-01-01", XF: "2026-08-01", XC: "2027-06-01" };

/** Every user active once on 06-15 (features dealt in turn, one event each), and the earlier window's events on 03-15. */
function usage(id: string, a: Spec): string[] {
  const rows = Array.from({ length: a.users }, (_, i) => `${id},u${i},2026-06-15,${a.features[i % a.features.length]},1`);
  if (a.prior !== null) rows.push(`${id},u0,2026-03-15,f1,${a.prior}`);
  return rows;
}

const renewals = [
  ...ids.filter((id) => !["XF", "XC", "XS"].includes(id)).map((id) => `E${id},${id},${renewalDate[id] ?? "2027-02-01"},,Core,${accounts[id].arr},`),
  "EXF,XF,2026-08-01,,Core,2000,", "EXF,XF,2026-08-01,,Analytics,1000,", "EXF,XF,2026-08-01,,Automation,1000,",
  "EXC0,XC,2026-01-15,2026-01-10,Core,2000,2000", "EXC0,XC,2026-01-15,2026-01-10,Automation,500,0", "EXC0,XC,2026-01-15,2026-01-10,Analytics,0,1000",
  "EXC,XC,2027-06-01,,Core,2000,", "EXC,XC,2027-06-01,,Analytics,1000,",
  "EXS,XS,2026-02-01,2026-02-01,Core,1500,1500", "EXS,XS,2026-02-01,2026-02-01,Automation,500,500",
];

const files = {
  "accounts.csv": csv("account_id,account_name,customer_since,csm,segment,region,licenses",
    ...ids.map((id) => `${id},${id} Co,2024-01-01,Ann,SMB,NA,${accounts[id].licenses}`)),
  "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", ...renewals),
  "health.csv": csv("account_id,as_of,color", ...ids.map((id) => `${id},2026-01-01,${accounts[id].color}`)),
  "usage.csv": csv("account_id,user_id,date,feature,events", ...ids.flatMap((id) => usage(id, accounts[id]))),
  "tickets.csv": csv("ticket_id,account_id,opened_at,closed_at,severity",
    "T1,XT,2026-06-01,,urgent", "T2,XC,2026-06-01,2026-06-30,high", "T3,XC,2026-06-20,,low"),
};

let s: Staged;
let review: Awaited<ReturnType<Staged["dataset"]>>;
beforeAll(async () => {
  s = await stage(files, { config: { asOf: "2026-06-30" } });
  review = await s.dataset("health-review");
}, 120_000);
afterAll(() => s?.close());

const expansion = () => review.table("items").filter((r) => r.list === "expansion");

describe("expansion candidates", () => {
  it("cuts feature breadth at the book's 75th percentile", () => {
    expect(review.table("settings")[0].expansion_breadth_cut).toBe(0.75);
  });

  it("lists full seats, broad use, usage not falling, no open high/urgent ticket, not red — 90% in, 89.9% out", () => {
    expect(expansion().map((r) => [r.account_id, r.arr, r.users_last_90, r.licenses, r.utilization, r.feature_breadth, r.due_by])).toEqual([
      ["X90", 5000, 900, 1000, 0.9, 0.75, "2026-10-03"],
      ["XF", 4000, 10, 10, 1, 1, "2026-07-14"],
      ["XC", 3000, 10, 10, 1, 0.75, "2027-03-03"],
      ["XS", 2000, 10, 10, 1, 0.75, "2026-09-28"],
    ]);
  });

  it("names the products the account does not have yet, from the book's catalogue", () => {
    expect(expansion().map((r) => [r.account_id, r.products_missing, r.reasons])).toEqual([
      ["X90", ["Analytics", "Automation"], ["seats_full", "broad_usage", "cross_sell"]],
      ["XF", [], ["seats_full", "broad_usage"]],
      ["XC", ["Automation"], ["seats_full", "broad_usage", "cross_sell"]],
      ["XS", ["Analytics"], ["seats_full", "broad_usage", "cross_sell"]],
    ]);
    expect(expansion()[0].reason_text).toBe("900 of 1000 seats used in 90 days (90%). Uses 3 features (75% breadth). Does not have: Analytics, Automation.");
  });

  it("follows the config: expansionUtilization 0.899 adds X899", async () => {
    const t = await stage(files, { config: { asOf: "2026-06-30", thresholds: { expansionUtilization: 0.899 } } });
    try {
      const rows = (await t.dataset("health-review")).table("items").filter((r) => r.list === "expansion");
      expect(rows.map((r) => r.account_id)).toEqual(["X899", "X90", "XF", "XC", "XS"]);
    } finally {
      t.close();
    }
  });
});
