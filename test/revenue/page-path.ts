/**
 * The page's path to a figure: filter the published fact rows, sum them, take
 * the ratios (src/components/revenue.js). It must give exactly what the SQL
 * rate tables publish, for every cohort and every slice.
 */
import { expect } from "vitest";
import { roundValue } from "../../loaders/datasets/columnar.ts";
import type { Row } from "../../loaders/engine/db.ts";
import { filterRows } from "../../src/components/filters.js";
import { summarize, ttmSeries } from "../../src/components/revenue.js";

/** Equal once the page's value gets the rounding every published number gets (12 significant digits). */
function expectSame(page: Record<string, unknown>, sql: Row, fields: string[], where: string) {
  for (const f of fields) expect(roundValue(page[f] as number | null), `${where} ${f}`).toBe(sql[f]);
}

const slicer = (r: Row) => (r.dimension === "all" ? {} : { [r.dimension as string]: r.dimension_value });

/** Checks every row of cohort_rates and ttm_rates against the page's computation on cohort_facts and ttm_facts. */
export function expectPagePathMatches(table: (t: string) => Row[]): number {
  const facts = table("cohort_facts");
  let checked = 0;
  for (const r of table("cohort_rates")) {
    const page = summarize(filterRows(facts, { period_type: r.period_type, period: r.period, ...slicer(r) }));
    const fields = Object.keys(r).filter((k) => !["period_type", "period", "dimension", "dimension_value"].includes(k));
    expectSame(page, r, fields, `${r.period} ${r.dimension}=${r.dimension_value}`);
    checked++;
  }
  const ttmFacts = table("ttm_facts");
  for (const r of table("ttm_rates")) {
    const series = ttmSeries(filterRows(ttmFacts, slicer(r)));
    const page = series.find((s: Row) => s.month_end === r.month_end);
    if (!page) {
      expect(r.resolved_events, `${r.month_end} ${r.dimension}=${r.dimension_value} has no fact rows`).toBe(0);
      continue;
    }
    const fields = Object.keys(r).filter((k) => !["month_end", "full_window", "dimension", "dimension_value"].includes(k));
    expectSame(page, r, fields, `${r.month_end} ${r.dimension}=${r.dimension_value}`);
    checked++;
  }
  return checked;
}
