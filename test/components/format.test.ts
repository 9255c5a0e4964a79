import { describe, expect, it } from "vitest";
import { change, count, int, label, money, num, pct } from "../../src/components/format.js";

describe("formatters", () => {
  it("show a missing value as a dash, never 0 or NaN", () => {
    for (const f of [int, pct, (v: unknown) => money(v as number)]) {
      expect(f(null as never)).toBe("—");
      expect(f(Number.NaN as never)).toBe("—");
    }
  });

  it("ignore the row that table() passes as a second argument", () => {
    const row = { grr: 0.9567 };
    expect(pct(0.9567, row as never)).toBe("95.7%");
    expect(money(1234, row as never)).toBe("$1,234");
    expect(pct(0.9567, 0)).toBe("96%");
    expect(money(2_500_000, "EUR")).toBe("€2.5M");
  });
});

describe("one rule for money, counts and labels", () => {
  it("writes money whole under 10,000 and compact with one decimal from 10,000", () => {
    expect(money(9_876.4)).toBe("$9,876");
    expect(money(10_000)).toBe("$10.0K");
    // the three values the issue saw mixed in one column now read alike
    expect([130_000, 23_823, 410_900].map((v) => money(v))).toEqual(["$130.0K", "$23.8K", "$410.9K"]);
    expect(money(1_234_567)).toBe("$1.2M");
    expect(money(-23_823)).toBe("-$23.8K");
    expect(money(23_823, "USD", { compact: false })).toBe("$23,823");
  });

  it("makes a noun agree with its number", () => {
    expect(count(1, "account")).toBe("1 account");
    expect(count(0, "account")).toBe("0 accounts");
    expect(count(2000, "account")).toBe("2,000 accounts");
    expect(count(2, "match", "matches")).toBe("2 matches");
  });

  it("signs a change in the figure's unit", () => {
    // 0.893 → 0.908 is 1.5 percentage points
    expect(change(0.908, 0.893, "pct")).toBe("+1.5 pts");
    expect(change(90, 120, "int")).toBe("−30");
    expect(change(5, 5, "int")).toBe("±0");
    expect(change(null, 5, "int")).toBe("—");
    expect(change(1_250_000, 1_200_000, "money")).toBe("+$50.0K");
  });

  it("turns field names into readers' words", () => {
    expect(label("renewal_date")).toBe("renewal date");
    expect(label("current_arr")).toBe("current ARR");
    expect(label("csm")).toBe("CSM");
    expect(num(1234.56, 1)).toBe("1,234.6");
  });
});
