/**
 * The green profile on the sample book in data/ (skipped until it exists): the ranking matches the truths
 * planted in it (data/README.md § Planted retention drivers / non-drivers), with the figures measured there.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRows } from "../../loaders/datasets/columnar.ts";
import { computeDataset, type DatasetFile } from "../../loaders/datasets/emit.ts";
import { datasetByName } from "../../loaders/datasets/index.ts";
import type { Row } from "../../loaders/engine/db.ts";
import { Db } from "../../loaders/engine/db.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { ingestSample } from "../helpers/sample.ts";

const data = join(ROOT, "data");
const present = existsSync(join(data, "accounts.parquet"));

const DRIVERS = ["has_exec_sponsor", "license_utilization_high", "uses_sticky_feature", "business_review", "fast_first_value"];
const NON_DRIVERS = ["nps_promoter", "nps_detractor", "touched_recently", "no_high_ticket"];

// data/README.md, measured: [with events, without events, retention with %, without %, difference, low, high] (points)
const README: Record<string, number[]> = {
  has_exec_sponsor: [NaN, NaN, 93.1, 79.6, 13.4, 11.3, 15.6],
  license_utilization_high: [NaN, NaN, 91.5, 76.2, 15.3, 12.8, 17.9],
  uses_sticky_feature: [NaN, NaN, 91.2, 78.8, 12.4, 10.1, 14.8],
  business_review: [NaN, NaN, 92.2, 77.4, 14.8, 12.4, 17.2],
  fast_first_value: [NaN, NaN, 90.9, 77.2, 13.7, 11.2, 16.3],
  nps_promoter: [1477, 2272, 86.0, 86.0, -0.0, -2.3, 2.2],
  nps_detractor: [838, 2911, 85.9, 86.0, -0.1, -2.9, 2.5],
  touched_recently: [1851, 1898, 86.0, 86.0, 0.0, -2.2, 2.2],
  no_high_ticket: [2618, 1131, 86.0, 86.0, 0.0, -2.4, 2.4],
  usage_not_falling: [3080, 669, 87.5, 78.9, NaN, NaN, NaN],
  feature_breadth_high: [3636, 113, 86.6, 67.3, NaN, NaN, NaN],
  multi_threaded: [2919, 830, 87.9, 79.4, NaN, NaN, NaN],
  decision_maker_touched: [3116, 633, 86.8, 82.1, NaN, NaN, NaN],
};

describe.skipIf(!present)("green profile on the sample book", () => {
  const state = mkdtempSync(join(tmpdir(), "3r-green-sample-"));
  let db: Db;
  let file: DatasetFile;
  let all: Row[];
  beforeAll(async () => {
    // the run stages the sample once; this file's own warehouse starts from a copy of it (test/helpers/sample.ts)
    const { staged } = await ingestSample(state);
    expect(staged.fatal).toEqual([]);
    db = await Db.open(staged.dbPath, { readOnly: true });
    file = await computeDataset(db, datasetByName("green-profile"));
    all = toRows(file.tables.comparisons).filter((r) => r.segment === null && r.period === null);
  }, 180_000);
  afterAll(() => {
    db?.close();
    rmSync(state, { recursive: true, force: true });
  });

  it("ranks every planted driver above every planted non-driver", () => {
    const rank = (t: string) => all.find((r) => r.trait === t)!.rank as number;
    const lowestDriver = Math.max(...DRIVERS.map(rank));
    const highestNonDriver = Math.min(...NON_DRIVERS.map(rank));
    expect(lowestDriver).toBeLessThan(highestNonDriver);
    for (const t of DRIVERS) expect(all.find((r) => r.trait === t)!.verdict, t).toBe("driver");
    for (const t of NON_DRIVERS) expect(all.find((r) => r.trait === t)!.verdict, t).toBe("no evidence");
  });

  it("reproduces the measured retention, differences and intervals of data/README.md", () => {
    expect(all).toHaveLength(13);
    const pts = (v: unknown) => ((v as number) * 100).toFixed(1).replace(/^-0\.0$/, "0.0");
    for (const [trait, [w, wo, rw, ro, d, lo, hi]] of Object.entries(README)) {
      const r = all.find((x) => x.trait === trait)!;
      expect((r.with_events as number) + (r.without_events as number), trait).toBe(3749);
      if (!Number.isNaN(w)) expect([r.with_events, r.without_events], trait).toEqual([w, wo]);
      expect([pts(r.retention_with), pts(r.retention_without)], trait).toEqual([rw.toFixed(1), ro.toFixed(1)]);
      if (!Number.isNaN(d)) expect([pts(r.difference), pts(r.ci_low), pts(r.ci_high)], trait).toEqual([d, lo, hi].map((x) => x.toFixed(1).replace(/^-0\.0$/, "0.0")));
    }
  });

  it("draws ten metric cohorts for every metric over the whole book, and stays under 1 MB", () => {
    const cohorts = toRows(file.tables.cohorts).filter((r) => r.segment === null && r.period === null);
    const perMetric: Record<string, Row[]> = {};
    for (const r of cohorts) {
      perMetric[r.metric as string] ??= [];
      perMetric[r.metric as string].push(r);
    }
    expect(Object.keys(perMetric).sort()).toEqual(["contacts_touched", "days_since_review", "days_since_touch", "days_to_first_value",
      "feature_breadth", "high_tickets", "license_utilization", "nps_score", "usage_trend"]);
    // utilization's cohorts rise from the low end to the high one (the planted 60% driver shows as a step)
    const util = perMetric.license_utilization;
    expect(util.length).toBe(10);
    expect(util.at(-1)!.retention as number).toBeGreaterThan(util[0].retention as number);
    expect(JSON.stringify(file).length).toBeLessThan(1_000_000);
  });
});
