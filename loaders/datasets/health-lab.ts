/** The Health lab page: can the health score predict churn, and what would a scorecard fitted on our own renewals flag? (docs/metrics.md § Health lab) */
import type { Db, Row } from "../engine/db.ts";
import { Z95 } from "./stats/intervals.ts";
import { aucRows, buildLab, calibrationRows, type HealthEvent, headToHead, type Lab, liftRows, rocRows } from "./stats/lab.ts";
import { defineDataset } from "./define.ts";

/** The renewals, the traits and the fitted lab, computed once per warehouse. */
const inputs = new WeakMap<Db, Promise<{ events: HealthEvent[]; traits: Row[]; lab: Lab; settings: Row }>>();
function read(db: Db) {
  if (!inputs.has(db)) {
    inputs.set(db, (async () => {
      const events = (await db.rows("select * from health_lab_events order by renewal_id")) as HealthEvent[];
      const traits = await db.rows("select trait, label from green_profile_traits order by position");
      const settings = (await db.one("select * from health_lab_settings"))!;
      const testYear = settings.test_year === null ? null : Number(settings.test_year);
      return { events, traits, settings, lab: buildLab(events, traits.map((t) => String(t.trait)), testYear) };
    })());
  }
  return inputs.get(db)!;
}

const slice = {
  cohort: { type: "string", doc: "renewal year of renewal_date, e.g. '2025', or 'all'" },
  segment: { type: "string", nullable: true, doc: "account segment ('(none)' when missing); null = the whole book" },
} as const;
const subject = { type: "string", doc: "score (100 − health score), color (red 2, yellow 1, green 0) or scorecard (100 − fitted points; test year only)" } as const;
const maybe = (doc: string) => ({ type: "number", nullable: true, doc }) as const;

export const healthLab = defineDataset({
  name: "health-lab",
  title: "Health lab",
  doc: "Can the health score predict churn? Each resolved renewal read at its lookback date (renewal_date − lookback): the AUC of the score and of the color with 95% Hanley–McNeil intervals, ROC and precision–recall points, calibration by score decile, lift; and a scorecard fitted (ridge logistic regression on the green-profile traits) on every renewal year before the test year, judged on the test year against the CSMs' color.",
  tables: {
    fit: {
      doc: "One row: how the scorecard was fitted (out of time), or why it was not.",
      load: async (db) => {
        const { lab, settings } = await read(db);
        const years = [...new Set(lab.train.map((e) => e.renewal_year))].sort();
        return [{
          lookback_days: settings.lookback_days, test_year: lab.testYear,
          train_years: years.map(String), train_events: lab.train.length, train_churned: lab.train.filter((e) => e.is_churned).length,
          test_events: lab.test.length, test_churned: lab.test.filter((e) => e.is_churned).length,
          lambda: lab.card?.fit.lambda ?? null, folds: lab.card?.folds ?? 0, intercept: lab.card?.fit.coefficients[0] ?? null,
          no_scorecard: lab.reason,
        }];
      },
      columns: {
        lookback_days: { type: "int", doc: "lookback L: traits, score and color are read on renewal_date − L" },
        test_year: { type: "int", nullable: true, doc: "the latest renewal year ended on or before the as-of date; null = none yet" },
        train_years: { type: "string[]", doc: "renewal years the scorecard learnt from: every year before the test year" },
        train_events: { type: "int", doc: "resolved renewals in those years" },
        train_churned: { type: "int", doc: "of them, fully lost" },
        test_events: { type: "int", doc: "resolved renewals of the test year (scored, never learnt from)" },
        test_churned: { type: "int", doc: "of them, fully lost" },
        lambda: maybe("ridge penalty chosen by leave-one-year-out cross-validation (log loss) over the training years; 1 when the training years cannot be cross-validated"),
        folds: { type: "int", doc: "training years used as cross-validation folds (0 = none: fewer than two years, or a fold without churn or retention; default penalty)" },
        intercept: maybe("log-odds of churn with every trait absent and measured"),
        no_scorecard: { type: "string", nullable: true, doc: "why no scorecard was fitted; null when it was" },
      },
    },
    auc: {
      doc: "Per cohort, segment and subject: how well the ranking sorts churned renewals from retained ones.",
      load: async (db) => { const { events, lab } = await read(db); return aucRows(events, lab); },
      columns: {
        ...slice,
        subject,
        events: { type: "int", doc: "resolved renewals in the slice" },
        churned: { type: "int", doc: "of them, fully lost" },
        no_score: { type: "int", doc: "renewals left out: no score (or unscored, for the color) at the lookback" },
        auc: maybe("Mann–Whitney AUC, ties counted half: the chance a churned renewal ranks riskier than a retained one; null without both"),
        ci_low: maybe("lower end of the 95% Hanley–McNeil interval"),
        ci_high: maybe("upper end"),
        verdict: { type: "string", doc: "no better than chance (interval includes 0.5), better than chance, worse than chance, or not enough events" },
      },
    },
    roc: {
      doc: "ROC and precision–recall points: flag every renewal whose risk ≥ threshold, at every distinct threshold, riskiest first.",
      load: async (db) => { const { events, lab } = await read(db); return rocRows(events, lab); },
      columns: {
        ...slice,
        subject,
        threshold: { type: "number", doc: "risk at or above which a renewal is flagged (the subject's units: 100 − score, 2/1/0, 100 − points)" },
        flagged: { type: "int", doc: "renewals flagged" },
        true_positives: { type: "int", doc: "of them, churned" },
        tpr: maybe("recall: churned flagged / churned"),
        fpr: maybe("retained flagged / retained"),
        precision: { type: "number", doc: "churned flagged / flagged" },
      },
    },
    calibration: {
      doc: "Renewals in health-score deciles (equal counts, ties kept together): mean score and churn rate with its 95% Wilson interval.",
      load: async (db) => calibrationRows((await read(db)).events),
      columns: {
        ...slice,
        decile: { type: "int", doc: "1 = lowest scores" },
        events: { type: "int", doc: "renewals in the decile" },
        churned: { type: "int", doc: "of them, fully lost" },
        score_min: { type: "number", doc: "lowest score" },
        score_max: { type: "number", doc: "highest score" },
        score_mean: { type: "number", doc: "mean score" },
        churn_rate: { type: "number", doc: "churned / events" },
        ci_low: { type: "number", doc: "lower end of the 95% Wilson interval" },
        ci_high: { type: "number", doc: "upper end" },
      },
    },
    lift: {
      doc: "Lift at 10%, 20% and 30%: churn rate among that share of renewals ranked riskiest ÷ the overall churn rate (a group tied at the cut counts in proportion).",
      load: async (db) => { const { events, lab } = await read(db); return liftRows(events, lab); },
      columns: {
        ...slice,
        subject,
        k: { type: "number", doc: "share ranked riskiest: 0.1, 0.2 or 0.3" },
        flagged: { type: "number", doc: "k × ranked renewals (may be fractional)" },
        churned: { type: "number", doc: "churned among them (ties at the cut in proportion)" },
        churn_rate: maybe("churned / flagged"),
        lift: maybe("churn_rate ÷ overall churn rate; null without churn"),
      },
    },
    scorecard: {
      doc: "The fitted scorecard, one row per green-profile trait: its coefficient (log-odds of churn with the trait) with a 95% interval, and points on a 0–100 health scale (higher = healthier) to copy into a CS platform: an account scores the sum, over traits, of the points of its state (with, without, unmeasured).",
      load: async (db) => {
        const { lab, traits } = await read(db);
        if (!lab.card) return [];
        const label = new Map(traits.map((t) => [String(t.trait), String(t.label)]));
        return lab.card.traits.map((t) => ({
          trait: t.trait, label: label.get(t.trait) ?? t.trait, status: t.status, direction: t.direction,
          coefficient: t.coefficient, ci_low: t.coefficient === null ? null : t.coefficient - Z95 * t.se!,
          ci_high: t.coefficient === null ? null : t.coefficient + Z95 * t.se!, missing_coefficient: t.missing_coefficient,
          points: t.points, points_with: t.points_with, points_without: t.points_without, points_unmeasured: t.points_unmeasured,
        })).sort((a, b) => b.points - a.points || a.trait.localeCompare(b.trait));
      },
      columns: {
        trait: { type: "string", doc: "trait key (a green-profile trait)" },
        label: { type: "string", doc: "its name, with the configured threshold" },
        status: { type: "string", doc: "fitted; not measured (no training renewal could measure it); no variation (every training renewal had the same state)" },
        direction: { type: "string", doc: "protective (having it lowers churn odds: earns points), risk (having it raises them: costs points), none" },
        coefficient: maybe("ridge logistic coefficient: log-odds of churn with the trait against without"),
        ci_low: maybe("coefficient − z × standard error (z of every 95% interval; standard error from the penalised information matrix)"),
        ci_high: maybe("coefficient + z × standard error"),
        missing_coefficient: maybe("log-odds of churn when the trait was unmeasured (missing indicator); null when every training renewal measured it"),
        points: { type: "number", doc: "the trait's weight: points between its riskiest and safest state; all traits sum to 100" },
        points_with: maybe("points earned with the trait"),
        points_without: maybe("points earned without it"),
        points_unmeasured: maybe("points earned when unmeasured; null = score an unmeasured trait as without"),
      },
    },
    head_to_head: {
      doc: "On the test year, for the whole book and per segment: the churn the CSMs' red caught at the lookback against the churn the scorecard would have caught flagging as many renewals of the slice (its riskiest; a group tied at the cut counts in proportion).",
      load: async (db) => headToHead((await read(db)).lab).rows,
      columns: {
        test_year: { type: "int", doc: "the test year" },
        segment: slice.segment,
        events: { type: "int", doc: "resolved renewals in it" },
        churned: { type: "int", doc: "of them, fully lost" },
        red: { type: "int", doc: "renewals red at the lookback: also how many the scorecard flags" },
        red_share: maybe("red / events"),
        churned_red: { type: "int", doc: "churned renewals red at the lookback" },
        churned_flagged_by_scorecard: { type: "number", doc: "churned renewals among the scorecard's riskiest (fractional when a tie straddles the cut)" },
        flagged_by_color: maybe("churned_red / churned"),
        flagged_by_scorecard: maybe("churned_flagged_by_scorecard / churned"),
      },
    },
    missed_by_color: {
      doc: "The test year's churned renewals that were not red at the lookback but that the scorecard would have flagged, lowest points first.",
      load: async (db) => headToHead((await read(db)).lab).missed,
      columns: {
        renewal_id: { type: "string", doc: "renewal event" },
        account_id: { type: "string", doc: "account" },
        account_name: { type: "string", nullable: true, doc: "account name" },
        segment: { type: "string", doc: "segment ('(none)' when missing)" },
        csm: { type: "string", nullable: true, doc: "owner (accounts.csm)" },
        renewal_date: { type: "date", doc: "renewal date" },
        arr: { type: "number", doc: "Σ before: the ARR up for renewal (lost)" },
        color: { type: "string", doc: "color at the lookback: yellow, green or unscored" },
        scorecard_points: { type: "number", doc: "the scorecard's points at the lookback (0–100, lower = riskier)" },
        at_cutoff: { type: "boolean", doc: "tied with renewals on the cut: flagged only in part" },
      },
    },
  },
});
