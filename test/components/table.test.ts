import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/components/table.js";

describe("CSV downloads", () => {
  it("neutralize spreadsheet formulas in text cells, not in numbers", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(1234.5)).toBe("1234.5");
    expect(csvCell("Acme, Inc")).toBe('"Acme, Inc"');
    expect(csvCell(null)).toBe("");
  });

  it("write raw values under the column keys, one line per row", () => {
    const csv = toCsv([{ a: "x", b: 1 }, { a: "=1+1", b: null }], [{ key: "a" }, { key: "b" }]);
    expect(csv).toBe("a,b\r\nx,1\r\n'=1+1,\r\n");
  });
});
