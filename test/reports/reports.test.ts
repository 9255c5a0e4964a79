/**
 * An analyst's report (reports/<name>.sql): file names, the errors an analyst will make (file and line, the
 * tables that exist), the published column types, and the page helpers. The whole path — scaffold, edit,
 * build, report, a broken file — is test/site/reports.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Db } from "../../loaders/engine/db.ts";
import { modelError, reportNames } from "../../loaders/engine/reports.ts";
import { publishedType, reportColumns } from "../../loaders/datasets/reports.ts";
import { columnFormat, label } from "../../src/components/reports.js";
import { reportBarsSpec } from "../../src/components/specs/report-bars.js";
import { roundNumbers } from "../helpers/golden.ts";
import { compileWarnings } from "../helpers/vega.ts";

describe("report files", () => {
  it("names reports by their files, and refuses a name that cannot name a table, suggesting one", () => {
    const root = mkdtempSync(join(tmpdir(), "3r-reports-"));
    try {
      mkdirSync(join(root, "reports"));
      writeFileSync(join(root, "reports", "b_report.sql"), "select 1");
      writeFileSync(join(root, "reports", "a_report.sql"), "select 1");
      writeFileSync(join(root, "reports", "notes.txt"), "not a report");
      expect(reportNames(root)).toEqual(["a_report", "b_report"]);
      writeFileSync(join(root, "reports", "Renewals by Industry.sql"), "select 1");
      expect(() => reportNames(root)).toThrow("reports/Renewals by Industry.sql: a report's file name must be lower-case letters, digits and underscores, starting with a letter (it names a table and a page), e.g. reports/renewals_by_industry.sql");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("errors an analyst will make", () => {
  async function errorOf(sql: string): Promise<string> {
    const db = await Db.open();
    try {
      await db.run("create table stg_accounts (account_id varchar); create table int_renewal_events (renewal_id varchar); create table raw_accounts (x int)");
      // as the warehouse builds a model: one statement, the model's SQL on the line after "create table … as"
      return await db.run(`create table report_x as\n${sql}`).then(() => "no error", async (err) => modelError("reports/x.sql", err, [...await db.tables()], sql));
    } finally {
      db.close();
    }
  }

  it("names the file and the line of a syntax error", async () => {
    expect(await errorOf("select account_id,\n  count(*) as n\nfrom stg_accounts\ngroup by account_id order by n desc limit")).toMatch(/^reports\/x\.sql:4: Parser Error: syntax error at end of input$/);
    expect(await errorOf("select account_id\nfrm stg_accounts")).toMatch(/^reports\/x\.sql:2: Parser Error: syntax error at or near "stg_accounts"/);
  });

  it("names a table that does not exist, with a guess and the tables that do (not raw inputs)", async () => {
    const message = await errorOf("select *\nfrom stg_acounts");
    expect(message).toMatch(/^reports\/x\.sql:2: Catalog Error: Table with name stg_acounts does not exist!/);
    expect(message).toContain("Did you mean stg_accounts?");
    expect(message).toContain("tables you can read: int_renewal_events, stg_accounts");
    expect(message).not.toContain("raw_accounts");
  });

  it("names a column that does not exist", async () => {
    expect(await errorOf("select acount_id from stg_accounts")).toMatch(/^reports\/x\.sql:1: Binder Error: Referenced column "acount_id" not found/);
  });
});

describe("published columns", () => {
  it("maps DuckDB's types to the published ones, and refuses what a page cannot read", () => {
    expect(["VARCHAR", "BIGINT", "HUGEINT", "DOUBLE", "DECIMAL(18,2)", "DATE", "BOOLEAN", "VARCHAR[]"].map(publishedType))
      .toEqual(["string", "int", "int", "number", "number", "date", "boolean", "string[]"]);
    expect(["STRUCT(a INTEGER)", "TIMESTAMP", "BLOB", "INTERVAL", "INTEGER[]", "MAP(VARCHAR, INTEGER)"].map(publishedType)).toEqual([null, null, null, null, null, null]);
  });

  it("takes a report's columns from the warehouse, and a column of another type is an error naming file and column", async () => {
    const db = await Db.open();
    try {
      const types = async (sql: string) => (await db.typedColumns(sql)).types;
      const ok = await types("select 'a' as segment, 2025 as renewal_year, 0.9::double as grr, date '2025-01-01' as day, 1.5::decimal(18, 2) as arr, ['x'] as tags");
      expect(Object.fromEntries(Object.entries(reportColumns("ok", ok)).map(([k, v]) => [k, v.type])))
        .toEqual({ segment: "string", renewal_year: "int", grr: "number", day: "date", arr: "number", tags: "string[]" });
      const bad = await types("select 'a' as segment, timestamp '2025-01-01 10:00' as seen_at");
      expect(() => reportColumns("bad", bad)).toThrow('reports/bad.sql: column "seen_at" is TIMESTAMP, which a page cannot read; publish text, numbers, booleans, dates or lists of text (for example select seen_at::date as seen_at)');
    } finally {
      db.close();
    }
  });
});

describe("the report page's helpers", () => {
  it("labels columns and formats them by name: rates as percentages, money, years without separators", () => {
    expect(["resolved_arr", "grr", "logo_churn_rate", "renewal_year"].map(label)).toEqual(["Resolved ARR", "GRR", "Logo churn rate", "Renewal year"]);
    expect(columnFormat("grr", [0.8834, null])!(0.8834)).toBe("88.3%");
    expect(columnFormat("renewal_year", [2026])!(2026)).toBe("2026");
    expect(columnFormat("renewals", [1200])!(1200)).toBe("1,200");
    expect(columnFormat("segment", ["SMB"])).toBeNull();
  });

  it("draws a bar chart that compiles without warnings and does not change its input", async () => {
    const data = [{ industry: "Retail", renewal_year: 2025, grr: 0.9 }, { industry: null, renewal_year: 2026, grr: 0.8 }, { industry: "Media", renewal_year: 2026, grr: null }];
    const before = structuredClone(data);
    const spec = reportBarsSpec(data, { x: "industry", y: "grr", group: "renewal_year", format: ".0%" });
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/report-bars.json");
    expect(compileWarnings(spec)).toEqual([]);
    expect(data).toEqual(before);
    // the missing measure is left out; a missing category is shown as "(none)"
    expect(spec.data.values.map((d: Record<string, unknown>) => d.industry)).toEqual(["Retail", "(none)"]);
    expect(spec.encoding.color.title).toBe("renewal year");
  });
});
