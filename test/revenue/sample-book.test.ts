/**
 * The revenue marts on the sample book in data/ (skipped until it exists): every
 * data test holds, the page's path gives the published rates, the file stays small.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRows } from "../../loaders/datasets/columnar.ts";
import { computeDataset, type DatasetFile } from "../../loaders/datasets/emit.ts";
import { datasetByName } from "../../loaders/datasets/index.ts";
import { Db } from "../../loaders/engine/db.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { failedAssertions } from "./assertions.ts";
import { expectPagePathMatches } from "./page-path.ts";
import { ingestSample } from "../helpers/sample.ts";

const data = join(ROOT, "data");
const present = existsSync(join(data, "accounts.parquet"));

describe.skipIf(!present)("revenue on the sample book", () => {
  const state = mkdtempSync(join(tmpdir(), "3r-revenue-sample-"));
  let db: Db;
  let file: DatasetFile;
  beforeAll(async () => {
    // the run stages the sample once; this file's own warehouse starts from a copy of it (test/helpers/sample.ts)
    const { staged } = await ingestSample(state);
    expect(staged.fatal).toEqual([]);
    db = await Db.open(staged.dbPath, { readOnly: true });
    file = await computeDataset(db, datasetByName("revenue"));
  });
  afterAll(() => {
    db?.close();
    rmSync(state, { recursive: true, force: true });
  });

  it("passes every data test", async () => {
    expect(await failedAssertions((q) => db.rows(q))).toEqual([]);
  });

  it("gives the page the published rates for every cohort, slice and month end", () => {
    expect(expectPagePathMatches((t) => toRows(file.tables[t]))).toBeGreaterThan(1000);
  });

  // The cohort tables took ~0.9 MB; the account basis (arr_bridge, ~2,300 rows: every month, quarter, year and TTM
  // window for the whole book and each segment, region and CSM) adds ~0.38 MB.
  it("has each kind of outcome and stays under 1.5 MB", () => {
    const all = toRows(file.tables.cohort_rates).filter((r) => r.dimension === "all" && r.period_type === "year");
    const sum = (f: string) => all.reduce((n, r) => n + (r[f] as number), 0);
    for (const f of ["full_loss", "partial_loss", "upsell", "cross_sell", "overdue_events", "rip_replace_events"]) expect(sum(f), f).toBeGreaterThan(0);
    expect(JSON.stringify(file).length).toBeLessThan(1_500_000);
  });
});
