/**
 * The health lab's tables from the renewals read at their lookback (docs/metrics.md
 * § Health lab): for every cohort (a renewal year, or all) and segment, how
 * well today's score and color rank churn; and, on the test year only, the
 * fitted scorecard's ranking and its head to head with the CSMs' color.
 */
import type { Row } from "../../engine/db.ts";
import { metricCohorts } from "./cohorts.ts";
import { wilson } from "./intervals.ts";
import { aucVerdict, aucWithInterval, churnAmongRiskiest, liftAt, type Ranked, rocPoints } from "./ranking.ts";
import { fitScorecard, type LabEvent, type Scorecard, splitOutOfTime } from "./scorecard.ts";

/** One renewal as health_lab_events publishes it. */
export type HealthEvent = LabEvent & {
  account_id: string; account_name: string | null; segment: string; csm: string | null;
  renewal_date: string; color: string; score: number | null; arr: number;
};

export const SUBJECTS = ["score", "color", "scorecard"] as const;
export type Subject = (typeof SUBJECTS)[number];
export const LIFT_AT = [0.1, 0.2, 0.3];

const COLOR_RISK: Record<string, number> = { red: 2, yellow: 1, green: 0 };

/** A slice: cohort = a renewal year as text or 'all'; segment null = the whole book. */
export interface LabSlice {
  cohort: string;
  segment: string | null;
  events: HealthEvent[];
}

export function labSlices(events: readonly HealthEvent[]): LabSlice[] {
  const cohorts = ["all", ...[...new Set(events.map((e) => String(e.renewal_year)))].sort()];
  const segments = [null, ...[...new Set(events.map((e) => e.segment))].sort()];
  return cohorts.flatMap((cohort) => segments.map((segment) => ({
    cohort, segment,
    events: events.filter((e) => (cohort === "all" || String(e.renewal_year) === cohort) && (segment === null || e.segment === segment)),
  }))).filter((s) => s.events.length > 0);
}

/** The fitted scorecard and its test year (null when no closed year has an earlier year to learn from). */
export interface Lab {
  testYear: number | null;
  card: Scorecard | null;
  train: HealthEvent[];
  test: HealthEvent[];
  /** Why there is no scorecard, when there is none. */
  reason: string | null;
}

/** Splits out of time and fits; the test year's events are never passed to the fit. */
export function buildLab(events: readonly HealthEvent[], traits: readonly string[], testYear: number | null): Lab {
  if (testYear === null) return { testYear, card: null, train: [], test: [], reason: "no renewal year has closed yet" };
  const { train, test } = splitOutOfTime(events, testYear);
  const churned = train.filter((e) => e.is_churned).length;
  if (train.length === 0) return { testYear, card: null, train, test, reason: `no resolved renewal before ${testYear} to learn from` };
  if (churned === 0 || churned === train.length) {
    return { testYear, card: null, train, test, reason: `the years before ${testYear} hold no ${churned ? "retained" : "churned"} renewal to learn from` };
  }
  try {
    return { testYear, card: fitScorecard(train, traits), train, test, reason: null };
  } catch (err) {
    // a fit that cannot converge must not stop the build: the page says why there is no scorecard
    return { testYear, card: null, train, test, reason: (err as Error).message };
  }
}

/** The risk of each event under a subject; events it cannot rank are left out (and counted as no_score). */
export function ranked(events: readonly HealthEvent[], subject: Subject, lab: Lab): Ranked[] {
  const risk = (e: HealthEvent): number | null =>
    subject === "score" ? (e.score === null ? null : 100 - e.score)
    : subject === "color" ? (COLOR_RISK[e.color] ?? null)
    : lab.card ? 100 - lab.card.score(e) : null;
  return events.flatMap((e) => {
    const r = risk(e);
    return r === null ? [] : [{ risk: r, churned: e.is_churned }];
  });
}

/** The scorecard is judged out of time only: on the test year's events. */
function subjectsFor(s: LabSlice, lab: Lab): Subject[] {
  return SUBJECTS.filter((x) => x !== "scorecard" || (lab.card !== null && s.cohort === String(lab.testYear)));
}

export function aucRows(events: readonly HealthEvent[], lab: Lab): Row[] {
  return labSlices(events).flatMap((s) => subjectsFor(s, lab).map((subject) => {
    const obs = ranked(s.events, subject, lab);
    const a = aucWithInterval(obs);
    return {
      cohort: s.cohort, segment: s.segment, subject, events: s.events.length, churned: s.events.filter((e) => e.is_churned).length,
      no_score: s.events.length - obs.length, auc: a.auc, ci_low: a.low, ci_high: a.high, verdict: aucVerdict(a),
    };
  }));
}

export function rocRows(events: readonly HealthEvent[], lab: Lab): Row[] {
  return labSlices(events).flatMap((s) => subjectsFor(s, lab).flatMap((subject) =>
    rocPoints(ranked(s.events, subject, lab)).map((p) => ({ cohort: s.cohort, segment: s.segment, subject, ...p }))));
}

export function liftRows(events: readonly HealthEvent[], lab: Lab): Row[] {
  return labSlices(events).flatMap((s) => subjectsFor(s, lab).flatMap((subject) => {
    const obs = ranked(s.events, subject, lab);
    return obs.length ? LIFT_AT.map((k) => ({ cohort: s.cohort, segment: s.segment, subject, k, ...liftAt(obs, k) })) : [];
  }));
}

/** Churn rate per score decile (ties kept in one decile), with Wilson intervals. */
export function calibrationRows(events: readonly HealthEvent[]): Row[] {
  return labSlices(events).flatMap((s) => {
    const obs = s.events.filter((e) => e.score !== null).map((e) => ({ value: e.score as number, retained: !e.is_churned }));
    return metricCohorts(obs, { maxCohorts: 10, minSize: 1 }).map((c) => {
      const ci = wilson(c.events - c.retained, c.events)!;
      return {
        cohort: s.cohort, segment: s.segment, decile: c.cohort, events: c.events, churned: c.events - c.retained,
        score_min: c.min, score_max: c.max, score_mean: c.mean, churn_rate: ci.estimate, ci_low: ci.low, ci_high: ci.high,
      };
    });
  });
}

/**
 * Head to head on the test year: the scorecard flags as many renewals as the
 * CSMs had red at the lookback (its riskiest, ties shared in proportion), and
 * each side's flagged churn = churned renewals flagged / churned renewals.
 * `rows`: the whole book (segment null), then each segment at its own red
 * share, the scorecard ranking within the segment; `row` = the whole book's.
 */
export interface HeadToHead { row: Row | null; rows: Row[]; missed: Row[] }
export function headToHead(lab: Lab): HeadToHead {
  if (!memo.has(lab)) memo.set(lab, compare(lab));
  return memo.get(lab)!;
}
const memo = new WeakMap<Lab, HeadToHead>();

function slice(lab: Lab, events: readonly HealthEvent[], segment: string | null): Row {
  const red = events.filter((e) => e.color === "red").length;
  const churned = events.filter((e) => e.is_churned).length;
  const byCard = churnAmongRiskiest(ranked(events, "scorecard", lab), red);
  const byColor = events.filter((e) => e.is_churned && e.color === "red").length;
  return {
    test_year: lab.testYear, segment, events: events.length, churned, red, red_share: events.length ? red / events.length : null,
    churned_red: byColor, churned_flagged_by_scorecard: byCard,
    flagged_by_color: churned ? byColor / churned : null,
    flagged_by_scorecard: churned ? byCard / churned : null,
  };
}

function compare(lab: Lab): HeadToHead {
  if (!lab.card) return { row: null, rows: [], missed: [] };
  const test = lab.test;
  const row = slice(lab, test, null);
  const segments = [...new Set(test.map((e) => e.segment))].sort();
  const rows = [row, ...segments.map((g) => slice(lab, test.filter((e) => e.segment === g), g))];
  const red = row.red as number;
  const obs = ranked(test, "scorecard", lab);
  // the churn the color missed and the scorecard caught (whole book): riskier renewals than this one leave it a slot
  const missed = test.filter((e) => e.is_churned && e.color !== "red").flatMap((e) => {
    const risk = 100 - lab.card!.score(e);
    const riskier = obs.filter((o) => o.risk > risk).length;
    const tied = obs.filter((o) => o.risk === risk).length;
    if (riskier >= red) return [];
    return [{
      renewal_id: e.renewal_id, account_id: e.account_id, account_name: e.account_name ?? null, segment: e.segment, csm: e.csm,
      renewal_date: e.renewal_date, arr: e.arr, color: e.color, scorecard_points: lab.card!.score(e), at_cutoff: riskier + tied > red,
    }];
  }).sort((a, b) => a.scorecard_points - b.scorecard_points || b.arr - a.arr || String(a.renewal_id).localeCompare(String(b.renewal_id)));
  return { row, rows, missed };
}
