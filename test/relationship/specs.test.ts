/** The Relationship and Loss review chart specs: each compiles without warnings, encodes what it should, and leaves its input alone. */
import { describe, expect, it } from "vitest";
import { checks, hygieneGrid, timeAllocation } from "../../src/components/relationship.js";
import { csmRedVsChurnSpec } from "../../src/components/specs/csm-red-vs-churn.js";
import { earlyWarningSpec } from "../../src/components/specs/early-warning.js";
import { hygieneGridSpec } from "../../src/components/specs/hygiene-grid.js";
import { lossActivitySpec } from "../../src/components/specs/loss-activity.js";
import { lossTimelineSpec } from "../../src/components/specs/loss-timeline.js";
import { timeAllocationSpec } from "../../src/components/specs/time-allocation.js";
import { roundNumbers } from "../helpers/golden.ts";
import { compileWarnings } from "../helpers/vega.ts";

/** Calls spec(input) on a frozen deep copy, so any mutation throws; returns the spec. */
function build<T>(spec: (input: T) => Record<string, any>, input: T) {
  const frozen = structuredClone(input);
  const deepFreeze = (o: any): any => { if (o && typeof o === "object") { Object.values(o).forEach(deepFreeze); Object.freeze(o); } return o; };
  const s = spec(deepFreeze(frozen));
  expect(frozen).toEqual(input);
  expect(compileWarnings(s)).toEqual([]);
  return s;
}

const CHECKS = checks({ touched_days: 30, business_review_days: 180, single_thread_days: 180, decision_maker_days: 90 });
const account = (csm: string | null, arr: number, failing: string[]) => ({
  csm, current_arr: arr, checks_failed: failing.length,
  ...Object.fromEntries(CHECKS.map((c) => [c.key, failing.includes(c.key)])),
});

describe("hygiene grid", () => {
  it("has a cell per CSM and check with the share failing", async () => {
    const grid = hygieneGrid([account("Ann", 100, ["not_touched"]), account("Ann", 300, []), account(null, 50, ["no_exec_sponsor"])], CHECKS);
    const s = build((g: typeof grid) => hygieneGridSpec(g, CHECKS), grid);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/hygiene-grid.json");
    expect(s.layer[0].mark.type).toBe("rect");
    expect(s.layer[0].encoding.color.field).toBe("share");
    expect(s.encoding.y.sort).toEqual(["Ann", "(no CSM)"]);
    expect(s.data.values).toHaveLength(10);
    const cell = s.data.values.find((v: any) => v.csm === "Ann" && v.check === CHECKS[0].short);
    expect(cell).toMatchObject({ share: 0.5, failing: 1, accounts: 2, arr: 100 });
  });
});

describe("time allocation", () => {
  it("stacks each CSM's touches to 100% by kind of work or by type", async () => {
    const rows = timeAllocation([
      { csm: "Ann", month: "2025-01", type: "meeting", work: "relationship", touches: 3 },
      { csm: "Ann", month: "2025-01", type: "call", work: "risk", touches: 1 },
    ]);
    const s = build((r: typeof rows) => timeAllocationSpec(r), rows);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/time-allocation.json");
    expect(s.encoding.x.stack).toBe("normalize");
    expect(s.data.values.map((v: any) => [v.key, v.touches, v.share])).toEqual([["relationship", 3, 0.75], ["risk", 1, 0.25]]);
    const t = build((r: typeof rows) => timeAllocationSpec(timeAllocation(r as never, "type"), { by: "type" }), [
      { csm: "Ann", month: "2025-01", type: "meeting", work: "relationship", touches: 3 },
    ] as never);
    await expect(JSON.stringify(roundNumbers(t), null, 1)).toMatchFileSnapshot("__golden__/time-allocation-by-type.json");
    expect(t.encoding.color.scale.domain).toContain("business_review");
  });
});

describe("early warning map", () => {
  it("places renewals with both measures and draws the two thresholds", async () => {
    const rows = [
      { account_id: "A1", account_name: "Acme", csm: "Ann", renewal_date: "2026-07-01", arr_at_stake: 1000, usage_change: -2 / 3, utilization: 0.5, warned: true },
      { account_id: "A2", account_name: null, csm: null, renewal_date: "2026-08-01", arr_at_stake: 500, usage_change: null, utilization: 0.2, warned: true },
      { account_id: "A3", account_name: "Cyan", csm: "Bo", renewal_date: "2026-09-01", arr_at_stake: 700, usage_change: 3, utilization: 0.9, warned: false },
    ];
    const s = build((r: typeof rows) => earlyWarningSpec(r, { usageDrop: 1 / 3, utilization: 0.4 }), rows);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/early-warning.json");
    expect(s.layer[0].data.values.map((v: any) => [v.account, v.x, v.status])).toEqual([["Acme", -2 / 3, "warned"], ["Cyan", 1, "not warned"]]);
    expect(s.layer[1].data.values).toEqual([{ x: -1 / 3 }]);
    expect(s.layer[2].data.values).toEqual([{ y: 0.4 }]);
  });
});

describe("loss review panel", () => {
  it("draws the color spans as a timeline", async () => {
    const spans = [
      { renewal_id: "R1", color: "unscored", day_from: "2024-07-01", day_to: "2024-08-01", days: 31 },
      { renewal_id: "R1", color: "red", day_from: "2024-08-01", day_to: "2025-07-01", days: 334 },
    ];
    const s = build((x: typeof spans) => lossTimelineSpec(x), spans);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/loss-timeline.json");
    expect(s.encoding.x.field).toBe("from");
    expect(s.encoding.x2.field).toBe("to");
    expect(s.encoding.color.scale.domain).toEqual(["red", "yellow", "green", "unscored"]);
  });

  it("draws touches by type, usage and tickets on one month axis", async () => {
    const months = [
      { month: "2024-07", days: 31, business_reviews: 1, meetings: 0, onsites: 0, calls: 2, emails: 0, other_touches: 0, usage_events: 100, active_users: 3, tickets: 2, high_tickets: 1 },
      { month: "2024-08", days: 31, business_reviews: 0, meetings: 0, onsites: 0, calls: 0, emails: 0, other_touches: 0, usage_events: 0, active_users: 0, tickets: 0, high_tickets: 0 },
    ];
    const s = build((x: typeof months) => lossActivitySpec(x), months);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/loss-activity.json");
    expect(s.vconcat).toHaveLength(3);
    expect(s.vconcat[0].data.values.map((v: any) => [v.month, v.type, v.touches])).toEqual([["2024-07", "business review", 1], ["2024-07", "call", 2]]);
    expect(s.vconcat[1].data.values.map((v: any) => v.events)).toEqual([100, 0]);
    expect(s.vconcat[2].data.values).toEqual([
      { month: "2024-07", days: 31, severity: "high or urgent", tickets: 1 },
      { month: "2024-07", days: 31, severity: "low or normal", tickets: 1 },
    ]);
    expect(s.vconcat[2].encoding.x.scale.domain).toEqual(["2024-07", "2024-08"]);
  });
});

describe("a CSM's red share against churn", () => {
  it("pairs the two rates per year and leaves missing ones out", async () => {
    const rows = [{ year: 2024, events: 10, red_share: 0.1, logo_churn_rate: 0.3 }, { year: 2025, events: 0, red_share: null, logo_churn_rate: null }];
    const s = build((r: typeof rows) => csmRedVsChurnSpec(r), rows);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/csm-red-vs-churn.json");
    expect(s.data.values).toEqual([
      { year: "2024", measure: "Red share", value: 0.1, events: 10 },
      { year: "2024", measure: "Logo churn", value: 0.3, events: 10 },
    ]);
    expect(s.encoding.yOffset.field).toBe("measure");
  });
});
