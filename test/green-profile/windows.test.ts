/**
 * Trait measurement windows (docs/metrics.md § Green profile) on a hand-made book. Every renewal is due 2025-06-30,
 * so with lookback 90 the lookback date is L = 2025-04-01 (Apr 1 → Jun 30 = 30 + 31 + 29 = 90 days).
 * A window of N days ending on L is (L − N, L]: it holds L; the day N days before L is just outside.
 *   90 days:  (2025-01-01, 2025-04-01]  first day inside 2025-01-02 (Jan 1 → Apr 1 = 31 + 28 + 31 = 90)
 *   the 90 before: (2024-10-03, 2025-01-01]  first day inside 2024-10-04 (Oct 3 → Jan 1 = 28 + 30 + 31 + 1 = 90)
 *   30 days:  (2025-03-02, 2025-04-01]  first day inside 2025-03-03 (Mar 2 → Apr 1 = 29 + 1 = 30)
 *   180 days: (2024-10-03, 2025-04-01]  first day inside 2024-10-04
 *   365 days: (2024-04-01, 2025-04-01]  first day inside 2024-04-02 (no 29 Feb in between)
 * A1 has each thing just inside its window, A2 just outside (the day before, or the day after L), A3 and A4
 * cover ties, the exact-third usage drop, missing licenses and a milestone reached after L.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
beforeAll(async () => {
  s = await stage({
    "accounts.csv": csv(
      "account_id,customer_since,licenses,segment",
      "A0,2024-01-01,1,SMB",   // usage history starts with A0 on 2024-01-01, so every window is covered
      "A1,2024-01-01,1,SMB",
      "A2,2024-01-01,2,SMB",
      "A3,2024-01-01,4,SMB",
      "A4,2025-03-01,,SMB",    // no licenses: utilization cannot be measured
    ),
    "renewals.csv": csv(
      "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
      "R1,A1,2025-06-30,2025-06-30,Core,100,100",
      "R2,A2,2025-06-30,2025-06-30,Core,100,0",
      "R3,A3,2025-06-30,2025-06-30,Core,100,100",
      "R4,A4,2025-06-30,2025-06-30,Core,100,100",
    ),
    "features.csv": csv("feature,sticky", "api,true", "reports,false", "search,false", "export,false"),
    "usage.csv": csv(
      "account_id,user_id,date,feature,events",
      "A0,u0,2024-01-01,reports,1",
      "A1,u1,2024-10-04,reports,3",    // first day of the 90 before: events_before = 3
      "A1,u1,2025-01-02,api,2",        // first day of the window: u1, api (sticky) and reports count
      "A1,u1,2025-01-02,reports,1",    //   events_now = 2 + 1 = 3
      "A1,u2,2025-04-02,search,5",     // day after L: u2 and search do not count
      "A2,u1,2024-10-03,reports,100",  // day before the 90 before: not counted anywhere
      "A2,u1,2024-10-04,reports,3",
      "A2,u1,2025-01-01,api,3",        // last day of the 90 before, not in the window: events_before = 3 + 3 = 6
      "A2,u1,2025-04-02,reports,50",   // day after L
      "A3,u1,2024-10-04,reports,3",
      "A3,u1,2025-04-01,reports,2",    // on L itself: counts; 2 = 3 × (1 − 1/3), down by exactly a third = falling
    ),
    "contacts.csv": csv(
      "contact_id,account_id,role,is_exec_sponsor",
      "C1,A1,decision_maker,true",
      "C2,A1,practitioner,false",
      "C3,A1,practitioner,false",
      "C4,A2,decision_maker,false",
      "C5,A2,practitioner,false",
      "C6,A2,practitioner,false",
      "C7,A3,decision_maker,false",
    ),
    "touches.csv": csv(
      "account_id,date,type,contact_id",
      "A1,2024-10-04,business_review,C2",  // first day of the 180 days: a review, and C2 touched
      "A1,2025-01-02,email,C3",
      "A1,2025-03-03,call,C1",             // first day of the 30 days; a decision maker within 90
      "A2,2024-10-03,business_review,C6",  // day before the 180 days
      "A2,2025-01-01,meeting,C4",          // decision maker on the day before the 90 days (inside the 180)
      "A2,2025-03-02,call,C5",             // day before the 30 days
      "A2,2025-04-02,call,C6",             // day after L
    ),
    "tickets.csv": csv(
      "ticket_id,account_id,opened_at,closed_at,severity",
      "T1,A1,2025-01-01,2025-01-05,high",  // day before the 90 days
      "T2,A1,2025-02-01,2025-02-03,normal",// inside, but not high or urgent
      "T3,A1,2025-04-02,,urgent",          // day after L
      "T4,A2,2025-01-02,2025-01-09,urgent",// first day of the 90 days
      "T5,A3,2025-04-01,2025-04-03,HIGH",  // on L (severity matched without regard to case)
    ),
    "nps.csv": csv(
      "account_id,responded_at,score",
      "A1,2024-04-02,10",  // first day of the 365 days: the latest answer by L
      "A1,2025-04-02,0",   // day after L
      "A2,2024-04-01,10",  // day before the 365 days: A2 has no answer
      "A3,2025-02-01,10",
      "A3,2025-03-01,9",   // two answers on the latest day: the lower one counts
      "A3,2025-03-01,5",
    ),
    "milestones.csv": csv(
      "account_id,stage,reached_at",
      "A1,onboarded,2024-01-10",
      "A1,first_value,2024-03-01",  // day 60 after 2024-01-01 (31 + 29): within 60
      "A2,first_value,2024-03-02",  // day 61
      "A4,first_value,2025-04-02",  // day 32, but after L: not known on L
    ),
    "health.csv": csv("account_id,as_of,color", "A1,2025-01-01,green", "A2,2025-01-01,red", "A3,2025-01-01,yellow"),
  }, { config: { asOf: "2025-12-31", lookbackDays: 90 } });
});
afterAll(() => s?.close());

const events = () => s.query(`select * exclude (account_id, segment, renewal_year, renewal_date, lookback_date)
  from green_profile_events order by renewal_id`);

describe("green profile windows end on the lookback date and hold it", () => {
  it("read every event on L = 2025-04-01 with its color and outcome", async () => {
    const rows = await s.query("select renewal_id, lookback_date::varchar as l, color, is_churned from green_profile_events order by 1");
    expect(rows).toEqual([
      { renewal_id: "R1", l: "2025-04-01", color: "green", is_churned: false },
      { renewal_id: "R2", l: "2025-04-01", color: "red", is_churned: true },
      { renewal_id: "R3", l: "2025-04-01", color: "yellow", is_churned: false },
      { renewal_id: "R4", l: "2025-04-01", color: "unscored", is_churned: false },
    ]);
  });

  it("count usage just inside the windows, never just outside", async () => {
    const [r1, r2, r3, r4] = await events();
    // R1: 1 user / 1 licence = 1 ≥ 0.6; {api, reports} = 2 of 4 features = 0.5 ≥ 0.5; api is sticky; 3 / 3 = 1
    expect(r1).toMatchObject({ license_utilization: 1, feature_breadth: 0.5, usage_trend: 1,
      license_utilization_high: true, feature_breadth_high: true, uses_sticky_feature: true, usage_not_falling: true });
    // R2: nothing in (2025-01-01, 2025-04-01]: 0 users / 2, 0 features, 0 / 6 = 0 → falling
    expect(r2).toMatchObject({ license_utilization: 0, feature_breadth: 0, usage_trend: 0,
      license_utilization_high: false, feature_breadth_high: false, uses_sticky_feature: false, usage_not_falling: false });
    // R3: 1 user / 4 = 0.25; 1 of 4 features = 0.25; 2 / 3 → down by exactly a third: falling
    expect(r3).toMatchObject({ license_utilization: 0.25, feature_breadth: 0.25, license_utilization_high: false,
      feature_breadth_high: false, usage_not_falling: false });
    expect(r3.usage_trend).toBeCloseTo(2 / 3, 12);
    // R4: no licenses → utilization unmeasured (null); no usage before → not falling, no trend
    expect(r4).toMatchObject({ license_utilization: null, license_utilization_high: null, feature_breadth: 0,
      usage_trend: null, usage_not_falling: true, uses_sticky_feature: false });
  });

  it("count touches just inside the windows, never just outside", async () => {
    const [r1, r2, r3, r4] = await events();
    // R1: C1, C2, C3 in the 180 days = 3; last touch 2025-03-03 = 29 days before L (< 30);
    // review 2024-10-04 = 179 days before (< 180); decision maker C1 29 days before (< 90); C1 is a sponsor
    expect(r1).toMatchObject({ contacts_touched: 3, days_since_touch: 29, days_since_review: 179,
      multi_threaded: true, touched_recently: true, business_review: true, decision_maker_touched: true, has_exec_sponsor: true });
    // R2: C4 (01-01) and C5 (03-02) in the 180 days = 2 (C6's touches fall outside); last touch 30 days before L;
    // review 180 days before; decision maker 90 days before: each just outside
    expect(r2).toMatchObject({ contacts_touched: 2, days_since_touch: 30, days_since_review: 180,
      multi_threaded: false, touched_recently: false, business_review: false, decision_maker_touched: false, has_exec_sponsor: false });
    expect(r3).toMatchObject({ contacts_touched: 0, days_since_touch: null, touched_recently: false, business_review: false,
      decision_maker_touched: false, has_exec_sponsor: false });
    expect(r4).toMatchObject({ contacts_touched: 0, has_exec_sponsor: false });
  });

  it("count tickets, NPS and first value just inside their windows, never just outside", async () => {
    const rows = await events();
    expect(rows.map((r) => [r.renewal_id, r.high_tickets, r.no_high_ticket, r.nps_score, r.nps_promoter, r.nps_detractor,
      r.days_to_first_value, r.fast_first_value])).toEqual([
      ["R1", 0, true, 10, true, false, 60, true],     // T1 the day before, T3 the day after; NPS 10 on the first day
      ["R2", 1, false, null, false, false, 61, false], // T4 on the first day; NPS the day before: no answer
      ["R3", 1, false, 5, false, true, null, false],   // T5 on L; 9 and 5 the same day → 5
      ["R4", 0, true, null, false, false, null, false], // first value after L is not known on L
    ]);
  });
});

describe("traits that cannot be measured are left out, never guessed", () => {
  let t: Staged;
  beforeAll(async () => {
    // L: R1 2025-04-01; R2 2024-04-01 (Apr 1 → Jun 30 = 90); R3 2024-01-01 (Jan 1 → Mar 31 = 31 + 29 + 30 = 90).
    // Usage starts 2024-01-01, so R2's 90 days (2024-01-02 on) are covered but not the 90 before them
    // (they start 2023-10-05), and R3's 90 days (from 2023-10-04) are not covered at all.
    t = await stage({
      "accounts.csv": csv("account_id,customer_since,licenses", "A1,2023-01-01,5"),
      "renewals.csv": csv(
        "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
        "R1,A1,2025-06-30,2025-06-30,Core,100,100",
        "R2,A1,2024-06-30,2024-06-30,Core,100,100",
        "R3,A1,2024-03-31,2024-03-31,Core,100,100",
      ),
      "usage.csv": csv(
        "account_id,user_id,date,feature,events",
        "A1,u1,2024-01-01,a,1",
        "A1,u1,2024-01-01,b,1",
        "A1,u1,2025-03-01,a,4",
        "A1,u2,2025-04-02,c,1",  // c is first used after R1's L: not yet seen then
      ),
    }, { config: { asOf: "2025-12-31", lookbackDays: 90 } });
  });
  afterAll(() => t?.close());

  it("without a features file, features seen are those anyone had used by L", async () => {
    const rows = await t.query(`select renewal_id, license_utilization, feature_breadth, usage_trend, usage_not_falling, uses_sticky_feature
      from green_profile_events order by 1`);
    expect(rows).toEqual([
      // 1 user / 5 = 0.2; a used of {a, b} seen = 0.5; nothing in the 90 before → no trend, not falling; no sticky flags
      { renewal_id: "R1", license_utilization: 0.2, feature_breadth: 0.5, usage_trend: null, usage_not_falling: true, uses_sticky_feature: null },
      // window (2024-01-02, 2024-04-01] is empty: 0 / 5, 0 of 2; the 90 before start before the usage history
      { renewal_id: "R2", license_utilization: 0, feature_breadth: 0, usage_trend: null, usage_not_falling: null, uses_sticky_feature: null },
      { renewal_id: "R3", license_utilization: null, feature_breadth: null, usage_trend: null, usage_not_falling: null, uses_sticky_feature: null },
    ]);
  });

  it("publishes 'not measured' for traits whose table is missing and 'too few events' for small samples", async () => {
    const d = await t.dataset("green-profile");
    expect(d.table("settings")[0]).toMatchObject({ usage_from: "2024-01-01", has_features: false, has_touches: false, has_contacts: false,
      has_tickets: false, has_nps: false, has_milestones: false, has_licenses: true, min_events: 30 });
    const all = d.table("comparisons").filter((r) => r.segment === null && r.period === null);
    const verdicts = Object.fromEntries(all.map((r) => [r.trait, `${r.verdict} ${r.events}/${r.unmeasured}`]));
    expect(verdicts).toEqual({
      license_utilization_high: "too few events 2/1", feature_breadth_high: "too few events 2/1",
      usage_not_falling: "too few events 1/2", uses_sticky_feature: "not measured 0/3",
      has_exec_sponsor: "not measured 0/3", multi_threaded: "not measured 0/3", touched_recently: "not measured 0/3",
      business_review: "not measured 0/3", decision_maker_touched: "not measured 0/3", no_high_ticket: "not measured 0/3",
      nps_promoter: "not measured 0/3", nps_detractor: "not measured 0/3", fast_first_value: "not measured 0/3",
    });
    expect(d.table("slices")).toEqual([
      { segment: null, period: null, events: 3, retained: 3, retention: 1, green_retained: 0, red_events: 0 },
      { segment: null, period: "2024", events: 2, retained: 2, retention: 1, green_retained: 0, red_events: 0 },
      { segment: null, period: "2025", events: 1, retained: 1, retention: 1, green_retained: 0, red_events: 0 },
      { segment: "(none)", period: null, events: 3, retained: 3, retention: 1, green_retained: 0, red_events: 0 },
      { segment: "(none)", period: "2024", events: 2, retained: 2, retention: 1, green_retained: 0, red_events: 0 },
      { segment: "(none)", period: "2025", events: 1, retained: 1, retention: 1, green_retained: 0, red_events: 0 },
    ]);
    expect(d.table("cohorts")).toEqual([]);
  });
});
