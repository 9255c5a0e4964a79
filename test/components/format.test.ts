import { describe, expect, it } from "vitest";
import { int, money, pct } from "../../src/components/format.js";

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
