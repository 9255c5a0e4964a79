/**
 * The journey dataset on the sample book in data/ (skipped until it exists), against the truths data/README.md
 * documents: milestone counts 2,000 / 1,922 / 1,753 / 805 / 624 / 178, 1,217 fast first values, 525 churned
 * renewals (a churned account has no later renewal, so 525 accounts lost), and first value as a retention driver.
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
import { firstRenewalByClass, retentionCells, slice } from "../../src/components/journey.js";
import { ingestSample } from "../helpers/sample.ts";

const data = join(ROOT, "data");
const present = existsSync(join(data, "milestones.parquet"));

describe.skipIf(!present)("journey on the sample book", () => {
  const state = mkdtempSync(join(tmpdir(), "3r-journey-sample-"));
  let file: DatasetFile;
  const table = (t: string) => toRows(file.tables[t]) as Record<string, any>[];
  beforeAll(async () => {
    // the run stages the sample once; this file's own warehouse starts from a copy of it (test/helpers/sample.ts)
    const { staged } = await ingestSample(state);
    expect(staged.fatal).toEqual([]);
    const db = await Db.open(staged.dbPath, { readOnly: true });
    try {
      file = await computeDataset(db, datasetByName("journey"));
    } finally {
      db.close();
    }
  }, 180_000);
  afterAll(() => rmSync(state, { recursive: true, force: true }));

  it("counts the planted milestones and fast first values", () => {
    expect(slice(table("funnel"), null, null).map((r: Record<string, any>) => r.reached)).toEqual([2000, 1922, 1753, 805, 624, 178]);
    const fv = slice(table("first_value"), null, null)[0];
    expect([fv.accounts, fv.reached, fv.fast]).toEqual([2000, 1753, 1217]);
  });

  it("loses each churned account once in the Kaplan–Meier curve, which only falls and stays inside its interval", () => {
    const book = table("retention_curves").filter((r) => r.segment === null);
    expect(book[0].at_risk).toBe(2000);
    expect(book.reduce((n, r) => n + r.events, 0)).toBe(525);
    expect(book.reduce((n, r) => n + r.events + r.censored, 0)).toBe(2000);
    for (let i = 1; i < book.length; i++) expect(book[i].survival).toBeLessThanOrEqual(book[i - 1].survival);
    for (const r of book.filter((x) => x.lower !== null)) expect(r.lower <= r.survival && r.survival <= r.upper).toBe(true);
  });

  it("shows the planted first-value driver at the first renewal", () => {
    const byClass = firstRenewalByClass(table("first_renewals"));
    const cls = (c: string) => byClass.find((r) => r.first_value_class === c)!;
    expect(cls("fast").logo_retention!).toBeGreaterThan(cls("not_fast").logo_retention! + 0.1);
  });

  it("starts every cohort at 100% and stays under 1 MB", () => {
    const month0 = retentionCells(table("cohort_retention")).filter((c) => c.months === 0);
    expect(month0.length).toBe(15); // 2022-Q4, 4 quarters of 2023, 2024 and 2025, 2026-Q1 and Q2
    for (const c of month0) expect([c.complete, c.logo_retention, c.revenue_retention]).toEqual([true, 1, 1]);
    expect(JSON.stringify(file).length).toBeLessThan(1_000_000);
  });
});
