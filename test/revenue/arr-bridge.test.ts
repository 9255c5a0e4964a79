/**
 * The Revenue page's path to the ARR bridge: the published slice for its filters, whose rates the page's own
 * restatement (src/components/arr-bridge.js) gives exactly, on every row of the five-account book; the
 * waterfall spec steps through the bridge; the term warning reads the median term.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundValue } from "../../loaders/datasets/columnar.ts";
import type { Row } from "../../loaders/engine/db.ts";
import { bridgeRates, bridgeSeries, bridgeSlice, termWarning } from "../../src/components/arr-bridge.js";
import { arrBridgeSpec, bridgeSteps } from "../../src/components/specs/arr-bridge.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";
import { compileWarnings } from "../helpers/vega.ts";
import { ACCOUNTS, AS_OF, subscriptionRows } from "../subscriptions/five-accounts.ts";

describe("the page's path to the ARR bridge", () => {
  let s: Staged;
  let table: (t: string) => Row[];
  beforeAll(async () => {
    s = await stage({ "accounts.csv": csv(...ACCOUNTS), "subscriptions.csv": csv(...subscriptionRows()) }, { config: { asOf: AS_OF } });
    table = (await s.dataset("revenue")).table;
  });
  afterAll(() => s?.close());

  it("restates every published rate from the row's sums", () => {
    const published = table("arr_bridge");
    for (const r of published) {
      const rates = bridgeRates(r as never, r.window as string);
      for (const [f, v] of Object.entries(rates)) expect(roundValue(v), `${r.window} ${r.period_end} ${r.dimension}=${r.dimension_value} ${f}`).toBe(r[f]);
    }
    expect(published.length).toBeGreaterThan(200);
  });

  it("picks the slice the filters ask for", () => {
    const published = table("arr_bridge");
    const all = bridgeSlice(published, { segment: null, region: null, csm: null });
    expect(new Set(all.rows.map((r) => r.dimension_value))).toEqual(new Set(["all"]));
    // 24 months (2024-01 … 2025-12), 8 quarters, 2 years and 24 TTM windows: 58 whole-book rows
    expect(all.rows).toHaveLength(58);
    const smb = bridgeSlice(published, { segment: "SMB", region: null, csm: null });
    expect(smb.note).toBeNull();
    expect(bridgeSeries(smb.rows, "year").map((r) => [r.period_end, r.ending_arr])).toEqual([["2024-12-31", 1200], ["2025-12-31", 9800]]);
    // two filters: the CSM's slice, said so
    const both = bridgeSlice(published, { segment: "SMB", region: null, csm: "Bob" });
    expect(both.label).toBe("CSM Bob");
    expect(both.note).toContain("CSM Bob alone");
    expect(bridgeSeries(both.rows, "year").at(-1)).toMatchObject({ dimension: "csm", dimension_value: "Bob", ending_arr: 11500 });
  });

  it("warns on the billing record's 31-day median term", () => {
    const w = termWarning(table("term_length")[0] as never);
    expect(w.short).toBe(true);
    expect(w.text).toContain("31 days");
    expect(termWarning({ basis: "resolved renewal events", median_term_days: 365 }).short).toBe(false);
    expect(termWarning({ basis: "resolved renewal events", median_term_days: 300 }).short).toBe(false);
    expect(termWarning({ basis: "resolved renewal events", median_term_days: 299 }).short).toBe(true);
    expect(termWarning({ basis: "resolved renewal events", median_term_days: null }).short).toBe(false);
  });
});

describe("ARR bridge waterfall", () => {
  // The five accounts' year 2025 (test/subscriptions/bridge.test.ts).
  const y = { starting_arr: 21200, churned_arr: 6000, contraction: 4000, expansion: 600, cross_sell: 1500, new_arr: 5000, reactivation: 3000, ending_arr: 21300 };

  it("floats each bar from where the previous one ended", () => {
    // 21,200 → 15,200 (−6,000) → 11,200 (−4,000) → 11,800 (+600) → 13,300 (+1,500) → 18,300 (+5,000) → 21,300 (+3,000)
    expect(bridgeSteps(y).map((d: Record<string, unknown>) => [d.step, d.start, d.end, d.label])).toEqual([
      ["Starting ARR", 0, 21200, "$21.2K"],
      ["Churned", 21200, 15200, "−$6,000"],
      ["Contraction", 15200, 11200, "−$4,000"],
      ["Expansion", 11200, 11800, "+$600"],
      ["Cross-sell", 11800, 13300, "+$1,500"],
      ["New", 13300, 18300, "+$5,000"],
      ["Reactivation", 18300, 21300, "+$3,000"],
      ["Ending ARR", 0, 21300, "$21.3K"],
    ]);
  });

  it("compiles without warnings and leaves its input alone", () => {
    const input = structuredClone(y);
    const spec = arrBridgeSpec(y, { currency: "EUR" });
    expect(compileWarnings(spec)).toEqual([]);
    expect(spec.layer[0].encoding.y.title).toBe("ARR (EUR)");
    expect(y).toEqual(input);
  });
});
