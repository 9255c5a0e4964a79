/**
 * The data tests beside the models (loaders/sql/**\/*.assert.sql) hold on the bundled sample book and on a
 * hand-made book, every model has some, and the runner reports a broken rule with its file, line and rows.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatFailure, listAssertions, parseAssertions, runAssertions } from "../../loaders/engine/assertions.ts";
import { Db } from "../../loaders/engine/db.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { listModels } from "../../loaders/engine/models.ts";
import { sqlVariables } from "../../loaders/engine/variables.ts";
import { tablesDoc } from "../../loaders/cli/tables-doc.ts";
import { AS_OF, JOURNEY_FILES } from "../journey/fixture.ts";
import { stage, type Staged } from "../helpers/stage.ts";

const opened: Staged[] = [];
afterAll(() => {
  for (const s of opened) s.close();
});

/** Stages files and runs every assertion with the settings the models were built with. */
async function failures(files: Record<string, string | Buffer>, config: Record<string, unknown>): Promise<string[]> {
  const s = await stage(files, { config });
  opened.push(s);
  await s.db.run(sqlVariables(s.config, s.result.asOf).sql);
  return (await runAssertions(s.db)).map(formatFailure);
}

/** The bundled sample book, as `npm run build` reads it. */
function sampleFiles(): Record<string, Buffer> {
  const data = join(ROOT, "data");
  return Object.fromEntries(readdirSync(data).filter((f) => f.endsWith(".parquet")).map((f) => [f, readFileSync(join(data, f))]));
}

describe("data tests beside the models", () => {
  it("exist for every model of the toolkit (an analyst's own report may have some), each with at least one check", () => {
    const checked = new Set(listAssertions().map((a) => a.model));
    expect(listModels().filter((m) => m.layer !== "reports").map((m) => m.name).filter((m) => !checked.has(m))).toEqual([]);
  });

  it("hold on the bundled sample book, and docs/tables.md lists its tables as staged (run npm run docs after changing a model)", async () => {
    expect(await failures(sampleFiles(), {})).toEqual([]);
    expect(readFileSync(join(ROOT, "docs", "tables.md"), "utf8")).toBe(await tablesDoc(opened.at(-1)!.db));
  }, 600_000);

  it("hold on a hand-made book", async () => {
    expect(await failures(JOURNEY_FILES, { asOf: AS_OF })).toEqual([]);
  });
});

describe("the assertion runner", () => {
  it("turns each kind of check into a query and reports the rows that break it, with file and line", async () => {
    const text = [
      "-- unique: id",
      "-- not null: name",
      "-- accepted: amount >= 0",
      "-- assert: totals match",
      "select * from t where id = 3",
    ].join("\n");
    const checks = parseAssertions(text, "t", "loaders/sql/marts/x/t.assert.sql");
    expect(checks.map((c) => [c.line, c.what])).toEqual([[1, "unique: id"], [2, "not null: name"], [3, "accepted: amount >= 0"], [4, "assert: totals match"]]);
    const db = await Db.open();
    try {
      // id 1 twice (unique), a null name (not null), a negative amount (accepted), id 3 (the assert query)
      await db.run("create table t as select * from (values (1, 'a', 5), (1, 'b', 0), (2, null, -1), (3, 'c', 2)) as v(id, name, amount)");
      const failed = await runAssertions(db, checks);
      expect(failed.map((f) => [f.line, f.rows])).toEqual([[1, 1], [2, 1], [3, 1], [4, 1]]);
      expect(formatFailure(failed[2])).toBe('loaders/sql/marts/x/t.assert.sql:3: accepted: amount >= 0 — 1 row breaks it, e.g. {"id":2,"name":null,"amount":-1}');
      await db.run("delete from t where id <> 1 or name <> 'a'");
      expect(await runAssertions(db, checks)).toEqual([]);
      // a query that cannot run is a failure too, never a pass
      const broken = await runAssertions(db, parseAssertions("-- assert: x\nselect * from nowhere", "t", "t.assert.sql"));
      expect(broken[0].error).toMatch(/nowhere/);
    } finally {
      db.close();
    }
  });

  it("refuses an assert with no query under it", () => {
    expect(() => parseAssertions("-- assert: nothing below", "t", "t.assert.sql")).toThrow(/t\.assert\.sql:1/);
  });
});

