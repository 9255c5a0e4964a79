/**
 * How well a risk ranking sorts churned renewals from retained ones
 * (docs/metrics.md § Health lab): the AUC with ties counted half (Mann–Whitney),
 * its Hanley–McNeil (1982) 95% interval, ROC / precision–recall points at
 * every distinct threshold, and the churn caught among the k riskiest.
 * Every function takes a *risk* value (higher = riskier): 100 − score for a
 * score, 2 / 1 / 0 for red / yellow / green.
 */
import { Z95 } from "./intervals.ts";

/** One ranked renewal: its risk and whether it was fully lost. */
export interface Ranked {
  risk: number;
  churned: boolean;
}

/** The AUC and its interval; null values when one of the two classes is empty. */
export interface Auc {
  events: number;
  churned: number;
  auc: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Mann–Whitney AUC: the share of (churned, retained) pairs where the churned
 * one is riskier, a tie counting half. Computed from mid-ranks, so it is
 * O(n log n): U = Σ ranks of churned − n1(n1 + 1)/2, AUC = U / (n1 n0).
 */
export function mannWhitneyAuc(obs: readonly Ranked[]): number | null {
  const n1 = obs.filter((o) => o.churned).length;
  const n0 = obs.length - n1;
  if (n1 === 0 || n0 === 0) return null;
  const sorted = [...obs].sort((a, b) => a.risk - b.risk);
  let rankSum = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j].risk === sorted[i].risk) j++;
    const midRank = (i + 1 + j) / 2;  // ranks i+1 … j share their average
    for (let t = i; t < j; t++) if (sorted[t].churned) rankSum += midRank;
    i = j;
  }
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}

/**
 * Hanley & McNeil's standard error of an AUC A from n1 churned and n0 retained:
 * Q1 = A / (2 − A), Q2 = 2A² / (1 + A),
 * SE² = (A(1 − A) + (n1 − 1)(Q1 − A²) + (n0 − 1)(Q2 − A²)) / (n1 n0);
 * the interval A ± z·SE is clipped to [0, 1].
 */
export function hanleyMcNeil(a: number, n1: number, n0: number, z = Z95): { low: number; high: number } {
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const variance = (a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n0 - 1) * (q2 - a * a)) / (n1 * n0);
  const se = Math.sqrt(Math.max(0, variance));
  return { low: Math.max(0, a - z * se), high: Math.min(1, a + z * se) };
}

/** The AUC of a ranking with its 95% interval. */
export function aucWithInterval(obs: readonly Ranked[]): Auc {
  const churned = obs.filter((o) => o.churned).length;
  const auc = mannWhitneyAuc(obs);
  if (auc === null) return { events: obs.length, churned, auc: null, low: null, high: null };
  const ci = hanleyMcNeil(auc, churned, obs.length - churned);
  return { events: obs.length, churned, auc, low: ci.low, high: ci.high };
}

/** The verdict docs/metrics.md asks for: an interval that includes 0.5 is "no better than chance". */
export function aucVerdict(a: Auc): string {
  if (a.auc === null) return "not enough events";
  if (a.low! <= 0.5 && a.high! >= 0.5) return "no better than chance";
  return a.low! > 0.5 ? "better than chance" : "worse than chance";
}

/** Groups of equal risk, riskiest first. */
function tiers(obs: readonly Ranked[]): { risk: number; events: number; churned: number }[] {
  const byRisk = new Map<number, { risk: number; events: number; churned: number }>();
  for (const o of obs) {
    const t = byRisk.get(o.risk) ?? { risk: o.risk, events: 0, churned: 0 };
    t.events++;
    if (o.churned) t.churned++;
    byRisk.set(o.risk, t);
  }
  return [...byRisk.values()].sort((a, b) => b.risk - a.risk);
}

/** One ROC / precision–recall point: flag every renewal whose risk ≥ threshold. */
export interface RocPoint {
  threshold: number;
  flagged: number;
  true_positives: number;
  tpr: number | null;
  fpr: number | null;
  precision: number;
}

/** A point at every distinct risk, riskiest first (the curve starts at 0, 0 and ends at 1, 1). */
export function rocPoints(obs: readonly Ranked[]): RocPoint[] {
  const n1 = obs.filter((o) => o.churned).length;
  const n0 = obs.length - n1;
  let flagged = 0;
  let tp = 0;
  return tiers(obs).map((t) => {
    flagged += t.events;
    tp += t.churned;
    return { threshold: t.risk, flagged, true_positives: tp, tpr: n1 ? tp / n1 : null, fpr: n0 ? (flagged - tp) / n0 : null, precision: tp / flagged };
  });
}

/**
 * Churned renewals among the `slots` riskiest. Where the cut falls inside a group
 * of equal risk, that group fills the remaining slots in proportion (the
 * expected count under a random tie-break), so the answer never depends on row order.
 */
export function churnAmongRiskiest(obs: readonly Ranked[], slots: number): number {
  let left = Math.max(0, Math.min(slots, obs.length));
  let caught = 0;
  for (const t of tiers(obs)) {
    if (left <= 0) break;
    const take = Math.min(left, t.events);
    caught += (t.churned * take) / t.events;
    left -= take;
  }
  return caught;
}

/** Lift at k (0–1): churn rate among the k share ranked riskiest ÷ overall churn rate; null without churn. */
export function liftAt(obs: readonly Ranked[], k: number): { flagged: number; churned: number; churn_rate: number | null; lift: number | null } {
  const slots = k * obs.length;
  const caught = churnAmongRiskiest(obs, slots);
  const n1 = obs.filter((o) => o.churned).length;
  const rate = slots > 0 ? caught / slots : null;
  return { flagged: slots, churned: caught, churn_rate: rate, lift: rate !== null && n1 > 0 ? rate / (n1 / obs.length) : null };
}
