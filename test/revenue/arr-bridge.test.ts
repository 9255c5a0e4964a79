/**
 * The Revenue page's path to the ARR bridge (sum arr_bridge_facts for the filters, then the ratios of
 * src/components/arr-bridge.js) gives exactly what the SQL mart arr_bridge publishes, on every row of the
 * five-account book; the waterfall spec steps through the bridge; the term warning reads the median term.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundValue } from "../../loaders/datasets/columnar.ts";
import type { Row } from "../../loaders/engine/db.ts";
import { bridgeSeries, termWarning } from "../../src/components/arr-bridge.js";
import { filterRows } from "../../src/components/filters.js";
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

  it("gives every published bridge row and rate from the fact rows", () => {
    const facts = table("arr_bridge_facts");
    const published = table("arr_bridge");
    let checked = 0;
    for (const r of published) {
      const slice = r.dimension === "all" ? {} : { [r.dimension as string]: r.dimension_value };
      const page = bridgeSeries(filterRows(facts, slice), r.window as string).find((x) => x.period_end === r.period_end);
      // the whole book lists every window; a slice only those where it held ARR
      const fields = Object.keys(r).filter((k) => !["window", "period_end", "period_start", "dimension", "dimension_value"].includes(k));
      for (const f of fields) expect(roundValue(page ? page[f] : null), `${r.window} ${r.period_end} ${r.dimension}=${r.dimension_value} ${f}`).toBe(page ? r[f] : null);
      checked++;
    }
    expect(checked).toBe(published.length);
    expect(checked).toBeGreaterThan(200);
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
      ["Starting ARR", 0, 21200, "$21,200"],
      ["Churned", 21200, 15200, "−$6,000"],
      ["Contraction", 15200, 11200, "−$4,000"],
      ["Expansion", 11200, 11800, "+$600"],
      ["Cross-sell", 11800, 13300, "+$1,500"],
      ["New", 13300, 18300, "+$5,000"],
      ["Reactivation", 18300, 21300, "+$3,000"],
      ["Ending ARR", 0, 21300, "$21,300"],
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
