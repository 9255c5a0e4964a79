/**
 * The loss review worksheet, worked by hand. As-of 2025-12-31, lookback 90 days.
 *
 * RL1 (account L1, Ann, customer since 2023-01-01): due 2025-07-01, settled 2025-06-20, 10,000 → 0, "Budget cut".
 *   The year before renewal: [2024-07-01, 2025-07-01).
 *   Health: green 2024-06-01, yellow 2024-12-01, red 2025-03-15 and again 2025-03-20 (one span) →
 *     green [07-01, 12-01) 153 days, yellow [12-01, 03-15) 104, red [03-15, 07-01) 108: 365 in all.
 *     First red 2025-03-15, 108 days before renewal; color on 2025-04-02 (renewal − 90): red.
 *   Touches: 2024-06-30 call C11 (the day before the year: out), 2024-07-01 business review C11 (first day: in),
 *     2025-02-10 and 2025-02-20 calls C12, 2025-06-30 email naming no contact (last day: in), 2025-07-01 call C11
 *     (renewal day: out) → 4 touches, 1 review, last touch 2025-06-30, contacts touched C11, C12 = 2, decision
 *     makers touched 1 (C11, also the sponsor).
 *   Contacts on file: C11 decision maker + sponsor, C12 and C13 practitioners → roles:
 *     sponsor 1 on file / 1 touched / 1 touch / 2024-07-01; decision maker 1/1/1/2024-07-01;
 *     practitioner 2/1/2/2025-02-20; no contact named —/—/1/2025-06-30.
 *   Usage: last 90 days before renewal [2025-04-02, 2025-07-01): 5 (04-02, u2) + 10 (06-30, u1) = 15;
 *     the 90 before [2025-01-02, 2025-04-02): 30 (04-01, u1); 1,000 on 2025-01-01 is in neither →
 *     change 15 / 30 − 1 = −50%. Months: 2025-01 1,000 events 1 user; 2025-04 35 events 2 users; 2025-06 10, 1.
 *   Tickets: K1 opened 2024-05-01 never closed (before the year, open at renewal), K2 high 2025-03-01 closed
 *     03-05, K3 normal 2025-06-15 closed 2025-07-10 (open at renewal), K4 2025-07-02 (after: out) →
 *     tickets 2, high 1, open at renewal 2 (K1, K3).
 * RL2 (account L2, Bob, customer since 2024-10-01): due 2025-10-01, settled that day, 5,000 → 0, no reason.
 *   Year [2024-10-01, 2025-10-01); first snapshot green 2024-11-01 → unscored 31 days, green 334; never red.
 *   No touches, contacts, usage or tickets.
 * RL3 (L3) was renewed and RL4 (L4) partly lost: neither is a lost renewal.
 */
import { afterAll, describe, expect, it } from "vitest";
import { inLossPeriod, lossPeriods, lossSummary } from "../../src/components/loss-review.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const files = {
  "accounts.csv": csv("account_id,customer_since,csm", "L1,2023-01-01,Ann", "L2,2024-10-01,Bob", "L3,2023-01-01,Ann", "L4,2023-01-01,Ann"),
  "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after,loss_reason",
    "RL1,L1,2025-07-01,2025-06-20,Core,10000,0,Budget cut", "RL2,L2,2025-10-01,2025-10-01,Core,5000,0,",
    "RL3,L3,2025-05-01,2025-05-01,Core,3000,3000,", "RL4,L4,2025-05-01,2025-05-01,Core,3000,1000,Budget cut"),
  "health.csv": csv("account_id,as_of,color",
    "L1,2024-06-01,green", "L1,2024-12-01,yellow", "L1,2025-03-15,red", "L1,2025-03-20,red", "L2,2024-11-01,green"),
  "contacts.csv": csv("contact_id,account_id,role,is_exec_sponsor,title",
    "C11,L1,decision_maker,true,Chief Executive Officer", "C12,L1,practitioner,false,Data Analyst", "C13,L1,practitioner,false,Team Lead"),
  "touches.csv": csv("account_id,date,type,contact_id,csm",
    "L1,2024-06-30,call,C11,Ann", "L1,2024-07-01,business_review,C11,Ann", "L1,2025-02-10,call,C12,Ann", "L1,2025-02-20,call,C12,Ann",
    "L1,2025-06-30,email,,Ann", "L1,2025-07-01,call,C11,Ann"),
  "usage.csv": csv("account_id,user_id,date,feature,events",
    "L1,u1,2025-01-01,core,1000", "L1,u1,2025-04-01,core,30", "L1,u2,2025-04-02,core,5", "L1,u1,2025-06-30,core,10"),
  "tickets.csv": csv("ticket_id,account_id,opened_at,closed_at,severity",
    "K1,L1,2024-05-01,,low", "K2,L1,2025-03-01,2025-03-05,high", "K3,L1,2025-06-15,2025-07-10,normal", "K4,L1,2025-07-02,2025-07-03,urgent"),
};

const opened: Staged[] = [];
afterAll(() => {
  for (const s of opened) s.close();
});

async function worksheet(config: Record<string, unknown> = {}) {
  const s = await stage(files, { config: { asOf: "2025-12-31", ...config } });
  opened.push(s);
  return s.dataset("loss-review");
}

/** The default worksheet, staged once for every test that reads it. */
let defaults: ReturnType<typeof worksheet> | undefined;
const base = () => (defaults ??= worksheet());

describe("loss review worksheet", () => {
  it("summarizes each lost renewal's year as worked out by hand", async () => {
    const d = await base();
    const r = d.table("renewals");
    expect(r.map((x) => [x.renewal_id, x.resolved_month, x.lost_arr, x.loss_reason, x.tenure_days, x.lookback_color, x.first_red_day, x.lead_days])).toEqual([
      ["RL2", "2025-10", 5000, null, 365, "green", null, null],
      ["RL1", "2025-06", 10000, "Budget cut", 912, "red", "2025-03-15", 108],
    ]);
    expect(r.map((x) => [x.renewal_id, x.touches, x.business_reviews, x.last_touch, x.last_business_review, x.contacts_touched,
      x.decision_makers_touched, x.exec_sponsor_touched, x.last_decision_maker_touch, x.contacts, x.decision_makers, x.has_exec_sponsor])).toEqual([
      ["RL2", 0, 0, null, null, 0, 0, false, null, 0, 0, false],
      ["RL1", 4, 1, "2025-06-30", "2024-07-01", 2, 1, true, "2024-07-01", 3, 1, true],
    ]);
    expect(r.map((x) => [x.renewal_id, x.events_last_90, x.events_prior_90, x.usage_change, x.tickets, x.high_tickets, x.open_tickets])).toEqual([
      ["RL2", 0, 0, null, 0, 0, 0],
      ["RL1", 15, 30, -0.5, 2, 1, 2],
    ]);
  });

  it("draws a color timeline that covers the year exactly", async () => {
    const d = await base();
    expect(d.table("colors").map((x) => [x.renewal_id, x.color, x.day_from, x.day_to, x.days])).toEqual([
      ["RL1", "green", "2024-07-01", "2024-12-01", 153],
      ["RL1", "yellow", "2024-12-01", "2025-03-15", 104],
      ["RL1", "red", "2025-03-15", "2025-07-01", 108],
      ["RL2", "unscored", "2024-10-01", "2024-11-01", 31],
      ["RL2", "green", "2024-11-01", "2025-10-01", 334],
    ]);
  });

  it("counts contacts engaged by role, with no contact-level data by default", async () => {
    const d = await base();
    expect(d.table("roles").filter((x) => x.renewal_id === "RL1").map((x) => [x.role, x.contacts_on_file, x.contacts_touched, x.touches, x.last_touch])).toEqual([
      ["executive sponsor", 1, 1, 1, "2024-07-01"],
      ["decision maker", 1, 1, 1, "2024-07-01"],
      ["practitioner", 2, 1, 2, "2025-02-20"],
      ["no contact named", null, null, 1, "2025-06-30"],
    ]);
    expect(d.table("roles").filter((x) => x.renewal_id === "RL2").map((x) => x.touches)).toEqual([0, 0, 0, 0]);
    expect(d.table("contacts")).toEqual([]);
    expect(d.table("settings")).toEqual([{ lookback_days: 90, publish_contacts: false }]);
    const text = JSON.stringify(d.file);
    for (const secret of ["C11", "C12", "C13", "Chief Executive Officer", "Data Analyst", "Team Lead"]) expect(text).not.toContain(secret);
  });

  it("publishes contacts only when the config says publishContacts", async () => {
    const d = await worksheet({ publishContacts: true });
    expect(d.table("contacts").map((x) => [x.renewal_id, x.contact_id, x.title, x.role, x.is_exec_sponsor, x.touches, x.last_touch])).toEqual([
      ["RL1", "C11", "Chief Executive Officer", "decision_maker", true, 1, "2024-07-01"],
      ["RL1", "C12", "Data Analyst", "practitioner", false, 2, "2025-02-20"],
      ["RL1", "C13", "Team Lead", "practitioner", false, 0, null],
    ]);
    expect(d.table("settings")[0].publish_contacts).toBe(true);
  });

  it("breaks each year into calendar months", async () => {
    const d = await base();
    const m = d.table("months").filter((x) => x.renewal_id === "RL1");
    expect(m.map((x) => x.month)).toEqual(["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]);
    expect(m.every((x) => x.days === { "2024-09": 30, "2024-11": 30, "2025-02": 28, "2025-04": 30, "2025-06": 30 }[x.month as string] || x.days === 31)).toBe(true);
    const busy = m.filter((x) => x.business_reviews || x.calls || x.emails || x.usage_events || x.tickets);
    expect(busy.map((x) => [x.month, x.business_reviews, x.calls, x.emails, x.usage_events, x.active_users, x.tickets, x.high_tickets])).toEqual([
      ["2024-07", 1, 0, 0, 0, 0, 0, 0],
      ["2025-01", 0, 0, 0, 1000, 1, 0, 0],
      ["2025-02", 0, 2, 0, 0, 0, 0, 0],
      ["2025-03", 0, 0, 0, 0, 0, 1, 1],
      ["2025-04", 0, 0, 0, 35, 2, 0, 0],
      ["2025-06", 0, 0, 1, 10, 1, 1, 0],
    ]);
    expect(d.table("months").filter((x) => x.renewal_id === "RL2")).toHaveLength(12);
  });

  it("picks the period by the month the loss was settled, and sums what the losses had in common", async () => {
    const r = (await base()).table("renewals");
    expect(lossPeriods(r as never).map((p) => p[0])).toEqual(["2025-10", "2025-06", "2025-Q4", "2025-Q2", "2025", "all"]);
    expect(r.filter((x) => inLossPeriod(x.resolved_month as string, "2025-Q2")).map((x) => x.renewal_id)).toEqual(["RL1"]);
    expect(lossSummary(r as never)).toEqual({
      renewals: 2, lost_arr: 15000, never_red: 1, never_red_share: 0.5, red_at_lookback: 1,
      no_business_review: 1, no_business_review_share: 0.5, no_decision_maker: 1, no_decision_maker_share: 0.5, usage_down: 1,
      reasons: [{ value: "(no reason given)", n: 1 }, { value: "Budget cut", n: 1 }],
    });
  });
});
