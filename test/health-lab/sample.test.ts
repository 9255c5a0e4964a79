/**
 * The health lab on the sample book in data/ (skipped until it exists), against the truths planted in it
 * (data/README.md): the five planted retention drivers get the five largest points, the planted non-drivers do not, and
 * out of time the scorecard ranks the test year's churn better than the CSMs' color.
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

describe.skipIf(!present)("health lab on the sample book", () => {
  const state = mkdtempSync(join(tmpdir(), "3r-lab-sample-"));
  let db: Db;
  let file: DatasetFile;
  const table = (t: string): Row[] => toRows(file.tables[t]);
  beforeAll(async () => {
    // the run stages the sample once; this file's own warehouse starts from a copy of it (test/helpers/sample.ts)
    const { staged } = await ingestSample(state);
    expect(staged.fatal).toEqual([]);
    db = await Db.open(staged.dbPath, { readOnly: true });
    file = await computeDataset(db, datasetByName("health-lab"));
  }, 180_000);
  afterAll(() => {
    db?.close();
    rmSync(state, { recursive: true, force: true });
  });

  it("fits on 2023–2024 and tests on 2025, the latest year closed by the as-of date 2026-09-30", () => {
    const [fit] = table("fit");
    // data/README.md: 3,749 resolved events; by year 527 / 1,097 / 1,308 / 817 (2023…2026)
    expect(fit).toMatchObject({ test_year: 2025, train_years: ["2023", "2024"], train_events: 527 + 1097, test_events: 1308, folds: 2 });
  });

  it("gives the five planted drivers the five largest points, and every planted non-driver an interval across no effect", () => {
    const card = table("scorecard");
    const pts = (t: string) => card.find((r) => r.trait === t)!.points as number;
    // nothing else measured at the lookback depends on the outcome (data/README.md § Usage dips and fades), so the
    // traits that only go with the drivers (usage dips, breadth, contacts) must rank below all five
    const others = card.filter((r) => !DRIVERS.includes(String(r.trait))).map((r) => r.points as number);
    expect(Math.min(...DRIVERS.map(pts))).toBeGreaterThan(Math.max(...others));
    expect(card.slice(0, 5).map((r) => r.trait).sort()).toEqual([...DRIVERS].sort());  // rows come largest points first
    for (const t of DRIVERS) {
      const r = card.find((x) => x.trait === t)!;
      expect(r.direction, t).toBe("protective");
      expect(r.ci_high as number, t).toBeLessThan(0);  // each planted driver's interval excludes no effect
    }
    for (const t of NON_DRIVERS) {
      const r = card.find((x) => x.trait === t)!;
      expect([r.ci_low as number, r.ci_high as number], t).toSatisfy(([lo, hi]: number[]) => lo < 0 && hi > 0);
    }
  });

  it("ranks the test year's churn better than the color: the scorecard's AUC interval lies above the color's AUC", () => {
    const auc = table("auc").filter((r) => r.cohort === "2025" && r.segment === null);
    const card = auc.find((r) => r.subject === "scorecard")!;
    const color = auc.find((r) => r.subject === "color")!;
    expect(card.verdict).toBe("better than chance");
    expect(card.auc as number).toBeGreaterThan(color.auc as number);
    expect(card.ci_low as number).toBeGreaterThan(color.auc as number);
    // 63 accounts are unscored (data/README.md): their renewals are left out of the color and counted
    expect(color.no_score as number).toBeGreaterThan(0);
    expect(card.no_score).toBe(0);
  });

  it("at the CSMs' red share, the scorecard flags more of the test year's churn, and lists what the color missed", () => {
    const [h] = table("head_to_head");
    expect(h.flagged_by_scorecard as number).toBeGreaterThan(h.flagged_by_color as number);
    const missed = table("missed_by_color");
    expect(missed.length).toBeGreaterThan(0);
    for (const m of missed) {
      expect(m.color).not.toBe("red");
      expect(String(m.renewal_date).slice(0, 4)).toBe("2025");
    }
    // the under-callers (data/README.md § Health) keep churning accounts out of the red: they miss the most
    const under = ["Marcus Chen", "Olivia Bennett", "Rafael Souza"];
    expect(missed.filter((m) => under.includes(String(m.csm))).length / missed.length).toBeGreaterThan(3 / 12);  // 3 of the 12 CSMs
  });
});
