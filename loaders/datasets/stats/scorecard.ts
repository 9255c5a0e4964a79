/**
 * The health lab's fitted scorecard (docs/metrics.md § Health lab): a ridge logistic
 * regression of full loss on the green-profile traits read at the lookback,
 * fitted out of time (every renewal year before the test year), its penalty
 * chosen by leave-one-year-out cross-validation over the training years, and
 * its coefficients turned into points a CS platform can hold.
 *
 * Points (0–100, higher = healthier, like a health score). For trait j with
 * coefficient β_j (log-odds of churn when the trait holds) and, when some
 * events could not measure it, γ_j (log-odds when unmeasured; "without" is 0):
 *   worst_j = max(β_j, 0, γ_j),  best_j = min(β_j, 0, γ_j),  R = Σ (worst_j − best_j)
 *   points for a state s = 100 × (worst_j − contribution_s) / R.
 * An account's score is the sum of its states' points: 0 = every trait at its
 * riskiest state, 100 = every trait at its safest. The score is a decreasing
 * straight line of the model's log-odds, so it ranks renewals exactly as the
 * fitted model does; copying the points into a CS platform reproduces it.
 */
import { fitLogistic, type LogisticFit, logLoss } from "./logistic.ts";

/** One renewal as the lab reads it: traits by name (true, false or null = unmeasured). */
export type LabEvent = Record<string, unknown> & { renewal_id: string; renewal_year: number; is_churned: boolean };

/** Penalties tried by cross-validation (per the sum of the log-likelihood over events). */
export const LAMBDAS = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];
/** Penalty used when the training years cannot be cross-validated (fewer than two, or a fold without churn or without retention). */
export const DEFAULT_LAMBDA = 1;

/** Every cohort before the test year trains; the test year is scored. Later years are never used. */
export function splitOutOfTime<E extends LabEvent>(events: readonly E[], testYear: number): { train: E[]; test: E[] } {
  return { train: events.filter((e) => e.renewal_year < testYear), test: events.filter((e) => e.renewal_year === testYear) };
}

/** How each trait enters the model: used (with or without a missing indicator) or left out, and why. */
export interface Column {
  trait: string;
  status: "fitted" | "not measured" | "no variation";
  missing: boolean;
}

/** Decides the columns from the training events only (the test year must not shape the model). */
export function columnsFor(train: readonly LabEvent[], traits: readonly string[]): Column[] {
  return traits.map((trait) => {
    const values = train.map((e) => e[trait]);
    const known = values.filter((v) => v === true || v === false);
    if (known.length === 0) return { trait, status: "not measured", missing: false };
    if (!known.includes(true) || !known.includes(false)) return { trait, status: "no variation", missing: false };
    return { trait, status: "fitted", missing: known.length < values.length };
  });
}

/** The design row of one event: 1, then per fitted trait its 0/1 value and, where used, the missing indicator. */
export function designRow(e: LabEvent, columns: readonly Column[]): number[] {
  const row = [1];
  for (const c of columns) {
    if (c.status !== "fitted") continue;
    row.push(e[c.trait] === true ? 1 : 0);
    if (c.missing) row.push(e[c.trait] === true || e[c.trait] === false ? 0 : 1);
  }
  return row;
}

const matrix = (events: readonly LabEvent[], columns: readonly Column[]) => ({
  X: events.map((e) => designRow(e, columns)),
  y: events.map((e) => (e.is_churned ? 1 : 0)),
});

/** Leave-one-year-out cross-validation: the λ with the lowest held-out log loss summed over events (ties: the larger λ). */
export function chooseLambda(train: readonly LabEvent[], columns: readonly Column[]): { lambda: number; folds: number } {
  const years = [...new Set(train.map((e) => e.renewal_year))].sort();
  // a fold must learn from both outcomes (else its unpenalised intercept runs off to infinity)
  const bothOutcomes = (year: number) => new Set(train.filter((e) => e.renewal_year !== year).map((e) => e.is_churned)).size === 2;
  if (years.length < 2 || !years.every(bothOutcomes)) return { lambda: DEFAULT_LAMBDA, folds: 0 };
  let best = { lambda: DEFAULT_LAMBDA, loss: Infinity };
  for (const lambda of LAMBDAS) {
    let loss = 0;
    for (const year of years) {
      const fit = matrix(train.filter((e) => e.renewal_year !== year), columns);
      const held = matrix(train.filter((e) => e.renewal_year === year), columns);
      loss += logLoss(held.X, held.y, fitLogistic(fit.X, fit.y, lambda).coefficients) * held.X.length;
    }
    if (loss <= best.loss + 1e-12) best = { lambda, loss };
  }
  return { lambda: best.lambda, folds: years.length };
}

/** One trait of the fitted scorecard. */
export interface ScorecardTrait {
  trait: string;
  status: Column["status"];
  coefficient: number | null;
  se: number | null;
  missing_coefficient: number | null;
  points: number;
  points_with: number | null;
  points_without: number | null;
  points_unmeasured: number | null;
  direction: "protective" | "risk" | "none";
}

/** The fitted model and everything derived from it. */
export interface Scorecard {
  columns: Column[];
  fit: LogisticFit;
  folds: number;
  traits: ScorecardTrait[];
  /** 0–100 score of an event (higher = healthier). */
  score: (e: LabEvent) => number;
}

/** Fits the scorecard on `train` and turns it into points. */
export function fitScorecard(train: readonly LabEvent[], traits: readonly string[]): Scorecard {
  const columns = columnsFor(train, traits);
  const { lambda, folds } = chooseLambda(train, columns);
  const { X, y } = matrix(train, columns);
  const fit = fitLogistic(X, y, lambda);
  // walk the design columns to pick each trait's coefficient (and its missing indicator's)
  let at = 1;
  const parts = columns.map((c) => {
    if (c.status !== "fitted") return { c, beta: null, se: null, gamma: null };
    const beta = fit.coefficients[at];
    const se = fit.standardErrors[at];
    at++;
    const gamma = c.missing ? fit.coefficients[at++] : null;
    return { c, beta, se, gamma };
  });
  const range = (p: (typeof parts)[number]) => {
    const states = [p.beta ?? 0, 0, p.gamma ?? 0];
    return { worst: Math.max(...states), best: Math.min(...states) };
  };
  const total = parts.reduce((s, p) => s + range(p).worst - range(p).best, 0);
  const pts = (worst: number, contribution: number) => (total > 0 ? (100 * (worst - contribution)) / total : 0);
  const rows: ScorecardTrait[] = parts.map((p) => {
    if (p.beta === null) {
      return { trait: p.c.trait, status: p.c.status, coefficient: null, se: null, missing_coefficient: null, points: 0,
        points_with: null, points_without: null, points_unmeasured: null, direction: "none" };
    }
    const { worst, best } = range(p);
    return {
      trait: p.c.trait, status: p.c.status, coefficient: p.beta, se: p.se, missing_coefficient: p.gamma,
      points: pts(worst, best), points_with: pts(worst, p.beta), points_without: pts(worst, 0),
      points_unmeasured: p.gamma === null ? null : pts(worst, p.gamma),
      direction: p.beta < 0 ? "protective" : p.beta > 0 ? "risk" : "none",
    };
  });
  const byTrait = new Map(rows.map((r) => [r.trait, r]));
  const score = (e: LabEvent) => columns.reduce((s, c) => {
    const r = byTrait.get(c.trait)!;
    if (r.coefficient === null) return s;
    const v = e[c.trait];
    return s + (v === true ? r.points_with! : v === false || !c.missing ? r.points_without! : r.points_unmeasured!);
  }, 0);
  return { columns, fit, folds, traits: rows, score };
}
