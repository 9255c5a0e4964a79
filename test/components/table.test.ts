import { describe, expect, it } from "vitest";
import { csvCell, csvValue, pageNote, sortRows, toCsv, totals } from "../../src/components/table.js";
import { int, money, pct } from "../../src/components/format.js";

describe("CSV downloads", () => {
  it("neutralize spreadsheet formulas in text cells, not in numbers", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("-5.2%")).toBe("-5.2%"); // a negative percentage is a number to a spreadsheet
    expect(csvCell(1234.5)).toBe("1234.5");
    expect(csvCell("Acme, Inc")).toBe('"Acme, Inc"');
    expect(csvCell(null)).toBe("");
  });

  it("head each column with its label and round values as the table shows them", () => {
    const columns = [
      { key: "color", label: "color at lookback" },
      { key: "events", label: "resolved renewals", format: int },
      { key: "rate", label: "logo churn", format: (v: number) => pct(v) },
      { key: "arr", label: "ARR (before)", format: (v: number) => money(v) },
      { key: "per90", label: "changes per 90 days", format: (v: number | null) => (v === null ? "—" : v.toFixed(2)) },
      { key: "ok", label: "verdict", format: (v: boolean) => (v ? "covers" : "under-calls") },
    ];
    const data = [
      // 0.22291021671826625 is shown as 22.3%; $1,234,567 is shown as $1.2M but the CSV keeps the whole amount
      { color: "=red", events: 12.4, rate: 0.22291021671826625, arr: 1234567.4, per90: 0.4166, ok: false },
      { color: "green", events: 3, rate: null, arr: 9876.6, per90: null, ok: true },
    ];
    expect(toCsv(data, columns)).toBe(
      "color at lookback,resolved renewals,logo churn,ARR (before),changes per 90 days,verdict\r\n" +
      "'=red,12,22.3%,1234567,0.42,under-calls\r\n" +
      "green,3,,9877,,covers\r\n");
    // the raw-precision option keeps every digit (headers stay the labels)
    expect(toCsv(data.slice(0, 1), columns, { raw: true }).split("\r\n")[1]).toBe("'=red,12.4,0.22291021671826625,1234567.4,0.4166,false");
  });

  it("read a negative amount with its sign", () => {
    expect(csvValue({ key: "x", format: (v: number) => money(v) }, -23823.2, {})).toBe(-23823);
    expect(csvValue({ key: "x", format: (v: number) => pct(v) }, -0.052, {})).toBe("-5.2%");
  });
});

describe("table logic", () => {
  it("adds up only the columns marked sum, skipping missing values", () => {
    const rows = [{ n: 2, arr: 100.5, rate: 0.5 }, { n: null, arr: 50, rate: 0.1 }, { n: 5, arr: 0, rate: null }];
    // n: 2 + 5 = 7 (null skipped); arr: 100.5 + 50 + 0 = 150.5; rate is not summed
    expect(totals(rows, [{ key: "n", sum: true }, { key: "arr", sum: true }, { key: "rate" }])).toEqual({ n: 7, arr: 150.5 });
    expect(totals(rows, [{ key: "rate" }])).toBeNull();
  });

  it("sorts missing values last in either direction", () => {
    const rows = [{ v: 2 }, { v: null }, { v: 10 }, { v: 1 }];
    expect(sortRows(rows, "v").map((r) => r.v)).toEqual([1, 2, 10, null]);
    expect(sortRows(rows, "v", true).map((r) => r.v)).toEqual([10, 2, 1, null]);
  });

  it("says which rows a page shows, with plurals right", () => {
    expect(pageNote(0, 25, 1, 1)).toBe("1 row");
    expect(pageNote(0, 25, 20, 20)).toBe("20 rows");
    // page 3 of 2,000 rows at 25 a page: rows 51 to 75
    expect(pageNote(2, 25, 2000, 2000)).toBe("51–75 of 2,000 rows");
    // the last page of 60 matches stops at 60
    expect(pageNote(2, 25, 60, 2000)).toBe("51–60 of 60 matches of 2,000 rows");
    expect(pageNote(0, 25, 1, 2000)).toBe("1 match of 2,000 rows");
  });
});
