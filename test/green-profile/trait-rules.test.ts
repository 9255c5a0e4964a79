/**
 * The green-profile trait rules, written once (macro green_profile_flags), on rows of measurements worked by
 * hand, with the default thresholds of 3r.config.json written out: utilization 0.6, breadth 0.5, drop 1/3,
 * 3 contacts, touched 30 days, review 180, decision maker 90, promoter 9, detractor 6, first value 60 days.
 * And neither reader (renewals at the lookback, accounts today) restates a rule: both call the macro.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db } from "../../loaders/engine/db.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { createFigureMacros } from "../../loaders/engine/figure-macros.ts";

// every source present, every window covered; each case below changes what it names
const BASE = {
  window_covered: true, trend_covered: true, license_utilization: 0.6, feature_breadth: 0.5, sticky_used: 1,
  events_now: 100, events_before: 120, has_sticky: true, has_contacts: true, has_touches: true, has_tickets: true,
  has_nps: true, has_milestones: true, has_exec_sponsor: true, contacts_touched: 3, days_since_touch: 29,
  days_since_review: 179, days_since_decision_maker: 89, high_tickets: 0, nps_score: 9, days_to_first_value: 60,
};
const THRESHOLDS = "0.6, 0.5, 1 / 3, 3, 30, 180, 90, 9, 6, 60";

let db: Db;
beforeAll(async () => {
  db = await Db.open();
  await createFigureMacros(db);
});
afterAll(() => db?.close());

async function flags(row: Record<string, unknown>): Promise<Record<string, unknown>> {
  const literal = (v: unknown) => (v === null ? "null" : typeof v === "boolean" ? String(v) : `${v}::double`);
  const fields = Object.entries(row).map(([k, v]) => `${literal(v)} as ${k}`).join(", ");
  return (await db.one(`select unnest(green_profile_flags(m, ${THRESHOLDS})) from (select ${fields}) as m`))!;
}

describe("green-profile trait rules", () => {
  it("holds each trait exactly at its threshold (≥ utilization, breadth, contacts, promoter; < recency days; ≤ first value)", async () => {
    // 100 events against 120 before is a 16.7% fall, short of a third
    expect(await flags(BASE)).toEqual({
      license_utilization_high: true, feature_breadth_high: true, uses_sticky_feature: true, usage_not_falling: true,
      has_exec_sponsor: true, multi_threaded: true, touched_recently: true, business_review: true, decision_maker_touched: true,
      no_high_ticket: true, nps_promoter: true, nps_detractor: false, fast_first_value: true,
    });
  });

  it("drops each trait one step past its threshold", async () => {
    const f = await flags({ ...BASE, license_utilization: 0.59, feature_breadth: 0.49, sticky_used: 0, contacts_touched: 2,
      days_since_touch: 30, days_since_review: 180, days_since_decision_maker: 90, high_tickets: 1, nps_score: 6, days_to_first_value: 61 });
    expect(Object.entries(f).filter(([, v]) => v === true).map(([k]) => k)).toEqual(["usage_not_falling", "has_exec_sponsor", "nps_detractor"]);
  });

  it("counts a fall of exactly a third as falling (float tolerance), and no usage before as not falling", async () => {
    expect((await flags({ ...BASE, events_now: 80, events_before: 120 })).usage_not_falling).toBe(false);  // 80 = 120 × (1 − 1/3)
    expect((await flags({ ...BASE, events_now: 81, events_before: 120 })).usage_not_falling).toBe(true);
    expect((await flags({ ...BASE, events_now: 0, events_before: 0 })).usage_not_falling).toBe(true);
  });

  it("reads never touched, no answer, no first value as not having the trait, when the source exists", async () => {
    const f = await flags({ ...BASE, days_since_touch: null, days_since_review: null, days_since_decision_maker: null, nps_score: null, days_to_first_value: null });
    expect([f.touched_recently, f.business_review, f.decision_maker_touched, f.nps_promoter, f.nps_detractor, f.fast_first_value])
      .toEqual([false, false, false, false, false, false]);
  });

  it("leaves a trait unmeasured (null) when its source is missing or its window not covered", async () => {
    const f = await flags({ ...BASE, window_covered: false, trend_covered: false, has_contacts: false, has_touches: false,
      has_tickets: false, has_nps: false, has_milestones: false });
    expect(Object.values(f).every((v) => v === null)).toBe(true);
    // no sticky feature in the features file: stickiness cannot be measured, the rest can
    expect(await flags({ ...BASE, has_sticky: false })).toMatchObject({ uses_sticky_feature: null, license_utilization_high: true });
  });

  it("is written once: the two trait readers call the macro and compare no threshold themselves", () => {
    const models: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith(".sql") && !e.name.endsWith(".assert.sql")) models.push(join(dir, e.name));
      }
    };
    walk(join(ROOT, "loaders/sql"));
    const callers = models.filter((p) => readFileSync(p, "utf8").includes("green_profile_flags("));
    expect(callers.map((p) => p.split("/").at(-1)).sort()).toEqual(["account_traits.sql", "green_profile_events.sql"]);
    // (other figures share a threshold on purpose, e.g. the journey's "fast" first value: they are not trait rules)
    const rule = /[<>]=?\s*(\w+\s*\*\s*\(1 - )?getvariable\('(license_utilization|feature_breadth|usage_drop|contacts_touched|touched_days|business_review_days|decision_maker_days|promoter|detractor|first_value_days)'\)/;
    for (const p of callers) expect(rule.test(readFileSync(p, "utf8")), p).toBe(false);
  });
});
