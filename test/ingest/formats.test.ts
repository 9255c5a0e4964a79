import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Db } from "../../loaders/engine/db.ts";
import { listProblems } from "../../loaders/engine/ingest/list-problems.ts";
import { formatProblem } from "../../loaders/engine/ingest/problems.ts";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const accountsCsv = csv("account_id,customer_since,segment", "A1,2024-01-05,SMB", "A2,2024-02-01,Enterprise");
const renewalsCsv = csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
  "R1,A1,2025-01-05,2025-01-02,Core,100,90");

/** Problems of a staged folder as printed by npm run check, without the temp path. */
async function problems(s: Staged): Promise<string[]> {
  const db = await Db.open(s.result.dbPath, { readOnly: true });
  try {
    return (await listProblems(db)).flatMap((t) => t.problems.map((p) => formatProblem(p).replace(/^.*\/data\//, "")));
  } finally {
    db.close();
  }
}

describe("reading inputs", () => {
  it("reads CSV.gz, NDJSON, a JSON array and Parquet alike", async () => {
    const s = await stage({
      "accounts.csv.gz": gzipSync(accountsCsv),
      "renewals.ndjson": '{"renewal_id":"R1","account_id":"A1","renewal_date":"2025-01-05","resolved_date":"2025-01-02","product":"Core","arr_before":100,"arr_after":90}\n',
      "health.json": '[{"account_id":"A1","as_of":"2024-06-01","color":"Red"},{"account_id":"A2","as_of":"2024-06-01","color":"green","score":80}]',
    });
    try {
      expect(s.result.fatal).toEqual([]);
      expect(await s.query("select account_id, segment, customer_since from stg_accounts order by 1")).toEqual([
        { account_id: "A1", segment: "SMB", customer_since: "2024-01-05" },
        { account_id: "A2", segment: "Enterprise", customer_since: "2024-02-01" },
      ]);
      expect(await s.query("select arr_before, arr_after from stg_renewals")).toEqual([{ arr_before: 100, arr_after: 90 }]);
      expect(await s.query("select account_id, color, score from stg_health order by 1")).toEqual([
        { account_id: "A1", color: "red", score: null },
        { account_id: "A2", color: "green", score: 80 },
      ]);
    } finally {
      s.close();
    }
    // Parquet: write one with DuckDB and read it back through the same path.
    const db = await Db.open();
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const tmp = join(mkdtempSync(join(tmpdir(), "3r-pq-")), "accounts.parquet");
    await db.run(`copy (select 'A1' as account_id, date '2024-01-05' as customer_since, 7::int as licenses) to '${tmp}' (format parquet)`);
    db.close();
    const p = await stage({ "accounts.parquet": readFileSync(tmp), "renewals.csv": renewalsCsv });
    try {
      expect(await p.query("select account_id, customer_since, licenses from stg_accounts")).toEqual([{ account_id: "A1", customer_since: "2024-01-05", licenses: 7 }]);
    } finally {
      p.close();
    }
  });

  it("takes a BOM, Windows line endings, semicolons, quoted commas and case-insensitive headers", async () => {
    const s = await stage({
      "accounts.csv": "\uFEFFAccount_ID;Customer_Since;Account_Name\r\nA1;2024-01-05;\"Acme; Inc, \"\"the\"\" best\"\r\n",
      "renewals.csv": renewalsCsv,
    });
    try {
      expect(s.result.fatal).toEqual([]);
      expect(await s.query("select account_id, account_name from stg_accounts")).toEqual([{ account_id: "A1", account_name: 'Acme; Inc, "the" best' }]);
    } finally {
      s.close();
    }
  });

  it("maps the user's column names through the config and ignores extra columns", async () => {
    const s = await stage({
      "accounts.csv": csv("Account ID,Start,Customer Tier,Favourite colour", "A1,2024-01-05,SMB,blue"),
      "renewals.csv": renewalsCsv,
    }, { config: { columns: { accounts: { account_id: "Account ID", customer_since: "Start", segment: "Customer Tier" } } } });
    try {
      expect(s.result.fatal).toEqual([]);
      expect(await s.query("select account_id, customer_since, segment from stg_accounts")).toEqual([{ account_id: "A1", customer_since: "2024-01-05", segment: "SMB" }]);
    } finally {
      s.close();
    }
  });

  it("locates problems by file line even after a quoted line break and a malformed line", async () => {
    const s = await stage({
      "accounts.csv": csv("account_id,account_name,customer_since",
        'A1,"two', 'lines",2024-01-05', // one record on lines 2–3
        "A2,too,many,fields", // line 4: malformed, rejected by the reader
        "A3,Fine,2024-13-01"), // line 5: a bad date
      "renewals.csv": renewalsCsv,
    });
    try {
      expect(await problems(s)).toEqual([
        'accounts.csv:4: expected 3 fields as in the header (found 4; a field with a comma or line break must be in double quotes), got "A2,too,many,fields"',
        'accounts.csv:5:customer_since: expected a date YYYY-MM-DD, got "2024-13-01"',
      ]);
      const t = s.result.tables.find((x) => x.table_name === "accounts")!;
      // 3 records read; 1 malformed + 1 bad date rejected; 1 used — and they reconcile.
      expect([t.rows_read, t.rows_rejected, t.rows_used]).toEqual([3, 2, 1]);
    } finally {
      s.close();
    }
  });

  it("rejects whole renewal events whose lines disagree or lack arr_after, and counts every row", async () => {
    const s = await stage({
      "accounts.csv": accountsCsv,
      "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
        "R1,A1,2025-01-05,2025-01-02,Core,100,90", // line 2: fine
        "R2,A1,2025-03-01,2025-03-01,Core,100,100", // line 3 ┐ R2's lines disagree on renewal_date
        "R2,A1,2025-03-02,2025-03-01,Extra,0,10", //   line 4 ┘
        "R3,A2,2025-04-01,2025-04-02,Core,50,", // line 5 ┐ resolved, but arr_after missing on line 5
        "R3,A2,2025-04-01,2025-04-02,Extra,10,10", //  line 6 ┘ so the whole event goes
        "R4,A2,2025-05-01,2023-01-01,Core,5,5"), // line 7: resolved more than a year before due
    });
    try {
      expect(await problems(s)).toEqual([
        'renewals.csv:3:renewal_date: expected the same renewal_date on every line of renewal "R2", got lines that disagree: 2025-03-01 on this line',
        'renewals.csv:4:renewal_date: expected the same renewal_date on every line of renewal "R2", got lines that disagree: 2025-03-02 on this line',
        "renewals.csv:5:arr_after: expected an arr_after on every line of a resolved renewal (resolved_date 2025-04-02), got empty",
        'renewals.csv:6:renewal_id: expected every line of renewal "R3" to be valid, got line 5 of it was rejected',
        "renewals.csv:7:resolved_date: expected a resolved_date no earlier than 365 days before renewal_date 2025-05-01, got 2023-01-01",
      ]);
      expect(await s.query("select renewal_id from stg_renewals")).toEqual([{ renewal_id: "R1" }]);
      const t = s.result.tables.find((x) => x.table_name === "renewals")!;
      expect([t.rows_read, t.rows_rejected, t.rows_used]).toEqual([6, 5, 1]);
    } finally {
      s.close();
    }
  });

  it("rejects dates in the future (after today) except renewal dates, and money with separators or signs", async () => {
    const s = await stage({
      "accounts.csv": csv("account_id,customer_since", "A1,2024-01-05", "A2,2099-01-01"),
      "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
        "R1,A1,2099-01-05,,Core,100,", "R2,A1,2025-01-05,,Core,-5,", "R3,A1,2025-01-06,,Core,$10,"),
    }, { today: "2026-11-22" });
    try {
      expect(await problems(s)).toEqual([
        "accounts.csv:3:customer_since: expected a date not after today (2026-11-22), got \"2099-01-01\"",
        'renewals.csv:3:arr_before: expected a plain number ≥ 0, got "-5"',
        'renewals.csv:4:arr_before: expected a plain number ≥ 0, got "$10"',
      ]);
    } finally {
      s.close();
    }
  });

  it("treats an absent optional table as empty, and an empty file as unusable", async () => {
    const s = await stage({ "accounts.csv": accountsCsv, "renewals.csv": renewalsCsv, "touches.csv": "" });
    try {
      expect(s.result.fatal.map((p) => formatProblem(p).replace(/^.*\/data\//, ""))).toEqual(["touches.csv: expected a header line naming the columns, got an empty file"]);
      expect(await s.query("select count(*)::int as n from stg_health")).toEqual([{ n: 0 }]);
    } finally {
      s.close();
    }
  });
});
