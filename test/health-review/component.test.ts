/** The Health review page's helpers: the account link, reasons in words, totals, and the list texts read the thresholds. */
import { describe, expect, it } from "vitest";
import { listTotals, reasonWords, reviewLists } from "../../src/components/health-review.js";
import { REVIEW_LISTS } from "../../loaders/datasets/health-review.ts";

const settings = {
  review_red_days: 14, business_review_days: 180, review_renewal_days: 180, review_cycle_days: 14, touched_days: 30,
  single_thread_days: 180, usage_drop: 1 / 3, early_warning_from_days: 270, early_warning_to_days: 365, expansion_utilization: 0.9,
  expansion_breadth_percentile: 0.75, expansion_breadth_cut: 0.875, flip_days: 30, review_flip_since_days: 365, lookback_days: 90, active_accounts: 10,
};

describe("health review page helpers", () => {
  it("puts reasons into words, keeping an unknown code as it is", () => {
    expect(reasonWords(["no_touch_since_red", "no_business_review"])).toBe("no touch since red, no business review");
    expect(reasonWords(["something_new"])).toBe("something_new");
    expect(reasonWords(null)).toBe("");
  });

  it("adds up accounts and ARR at stake to the cent", () => {
    expect(listTotals([{ arr: 0.1 }, { arr: 0.2 }, { arr: 1000 }])).toEqual({ accounts: 3, arr: 1000.3 });
    expect(listTotals([])).toEqual({ accounts: 0, arr: 0 });
  });

  it("has one section per list, in the dataset's order, with the thresholds in its words", () => {
    const lists = reviewLists(settings);
    expect(lists.map((l) => l.key)).toEqual([...REVIEW_LISTS]);
    expect(lists[0].intro).toContain("Red for 14 days or more");
    expect(lists[3].title).toBe("Early warnings 9–12 months before renewal");
    expect(lists[4].intro).toContain("at least 90% of licenses");
    expect(lists[4].intro).toContain("75th percentile (88%)");
    expect(reviewLists({ ...settings, review_renewal_days: 90 })[1].title).toBe("Red accounts renewing within 90 days");
  });
});
