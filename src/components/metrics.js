// Every rate the site shows, defined once: the SQL marts publish additive facts per group cell (counts and sums),
// and a rate is Σ numerator terms / Σ denominator terms over the cells a filter keeps. Pages compute their figures
// with rates() below; the SQL rate tables (revenue_cohort_rates, revenue_ttm_rates, arr_bridge, book_verdicts,
// renewal_verdicts, risk_csm_calls) state the same formulas and test/metrics/sql-rates.test.ts checks every row they
// publish against this table, on the sample and on a hand-made book (docs/decisions.md § One table of formulas).

/**
 * A ratio, missing (null) when the denominator is 0, null or undefined, or the numerator is null: never 0, never
 * NaN, never Infinity (docs/metrics.md: "a rate whose denominator is 0 is missing"). The one ratio of the site.
 * @param {number | null | undefined} num
 * @param {number | null | undefined} den
 * @returns {number | null}
 */
export function ratio(num, den) {
  return den === 0 || den === null || den === undefined || num === null || num === undefined ? null : num / den;
}

/**
 * Does a quarter ("2025-Q1") fall in a period filter: null or undefined (all), a year ("2025") or that quarter.
 * The one period test of the site; a row with a date reads its quarter first (quarterOf).
 * @param {string} quarter
 * @param {string | null | undefined} period
 */
export function inPeriod(quarter, period) {
  if (period === null || period === undefined) return true;
  return period.length === 4 ? quarter.startsWith(`${period}-`) : quarter === period;
}

/** The quarter ("2025-Q1") of an ISO date. @param {string} iso */
export function quarterOf(iso) {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * @typedef {{key: string, label: string, numerator: string[], denominator: string[], complement?: boolean,
 *   scored?: boolean, annualize?: "churn" | "retention"}} Formula
 * numerator / denominator: fact names summed ("-x" subtracts x). complement: 1 − the ratio. scored: missing unless
 * the cell has a scored fact > 0 (a red share of a book without health scores is unknown, not 0). annualize: the
 * rate of a month compounded over twelve (churn: 1 − (1 − r)^12; retention: r^12), only for a monthly window.
 */

/**
 * @typedef {{facts: Record<string, string | [string, "red" | "scored" | "unscored"]>, formulas: Formula[]}} Family
 * facts: how each fact is summed from a published row: a column, or [column, slice] to sum it only over rows of
 * red, scored (not unscored) or unscored color.
 */

const COHORT_MONEY = ["starting", "resolved", "full_loss", "partial_loss", "retained", "upsell", "cross_sell", "ending",
  "unresolved_value", "overdue_value", "rip_replace_loss", "rip_replace_cross_sell"];
const COHORT_COUNTS = ["events", "resolved_events", "churned_events", "unresolved_events", "overdue_events", "rip_replace_events"];
const same = (/** @type {string[]} */ names) => Object.fromEntries(names.map((n) => [n, n]));

const GRR = { key: "grr", label: "GRR", numerator: ["retained"], denominator: ["resolved"] };
const NRR = { key: "nrr", label: "NRR", numerator: ["ending"], denominator: ["resolved"] };
const REVENUE_CHURN = { key: "revenue_churn_rate", label: "revenue churn", numerator: ["full_loss", "partial_loss"], denominator: ["resolved"] };
const LOGO_CHURN = { key: "logo_churn_rate", label: "logo churn", numerator: ["churned_events"], denominator: ["resolved_events"] };

/** @type {Record<"cohort" | "ttm" | "bridge" | "renewal_view" | "book_view", Family>} */
export const FAMILIES = {
  // docs/metrics.md § Revenue: a renewal cohort (revenue cohort_facts → revenue_cohort_rates)
  cohort: {
    facts: same([...COHORT_COUNTS, ...COHORT_MONEY]),
    formulas: [
      { key: "resolution_rate", label: "resolution rate", numerator: ["resolved"], denominator: ["starting"] },
      GRR,
      { key: "expansion_rate", label: "expansion", numerator: ["upsell", "cross_sell"], denominator: ["resolved"] },
      NRR,
      REVENUE_CHURN,
      LOGO_CHURN,
      { key: "logo_retention_rate", label: "logo retention", numerator: ["churned_events"], denominator: ["resolved_events"], complement: true },
    ],
  },
  // § Revenue, trailing twelve months (revenue ttm_facts → revenue_ttm_rates): the same formulas over a window
  ttm: {
    facts: same(["resolved_events", "resolved", "churned_events", "full_loss", "partial_loss", "retained", "ending"]),
    formulas: [GRR, NRR, REVENUE_CHURN, LOGO_CHURN],
  },
  // § Revenue on an account basis (arr_bridge_accounts → arr_bridge)
  bridge: {
    facts: same(["starting_logos", "churned_logos", "starting_arr", "churned_arr", "contraction", "expansion", "cross_sell",
      "new_arr", "reactivation", "ending_arr"]),
    formulas: [
      { key: "logo_churn_rate", label: "logo churn (account basis)", numerator: ["churned_logos"], denominator: ["starting_logos"] },
      { key: "grr", label: "GRR (account basis)", numerator: ["starting_arr", "-churned_arr", "-contraction"], denominator: ["starting_arr"] },
      { key: "nrr", label: "NRR (account basis)", numerator: ["starting_arr", "-churned_arr", "-contraction", "expansion", "cross_sell"], denominator: ["starting_arr"] },
      { key: "logo_churn_rate_annualized", label: "logo churn, annualized", numerator: ["churned_logos"], denominator: ["starting_logos"], annualize: "churn" },
      { key: "grr_annualized", label: "GRR, annualized", numerator: ["starting_arr", "-churned_arr", "-contraction"], denominator: ["starting_arr"], annualize: "retention" },
      { key: "nrr_annualized", label: "NRR, annualized", numerator: ["starting_arr", "-churned_arr", "-contraction", "expansion", "cross_sell"], denominator: ["starting_arr"], annualize: "retention" },
    ],
  },
  // § Risk, renewal view: resolved renewals read at the lookback (risk renewals → renewal_verdicts, risk_csm_calls)
  renewal_view: {
    facts: { events: "events", red: ["events", "red"], scored: ["events", "scored"], churned: "churned", churned_red: ["churned", "red"],
      arr: "arr", red_arr: ["arr", "red"], lost_arr: "lost_arr" },
    formulas: [
      { key: "red_share", label: "red share", numerator: ["red"], denominator: ["events"], scored: true },
      { key: "red_share_arr", label: "red share, ARR", numerator: ["red_arr"], denominator: ["arr"], scored: true },
      { key: "logo_churn_rate", label: "logo churn", numerator: ["churned"], denominator: ["events"] },
      { key: "revenue_churn_rate", label: "revenue churn", numerator: ["lost_arr"], denominator: ["arr"] },
      { key: "flagged_churn", label: "flagged churn", numerator: ["churned_red"], denominator: ["churned"], scored: true },
      { key: "missed_churn", label: "missed churn", numerator: ["churned_red"], denominator: ["churned"], scored: true, complement: true },
      { key: "precision", label: "precision", numerator: ["churned_red"], denominator: ["red"] },
    ],
  },
  // § Risk, book view: accounts active on a quarter's first day (risk book → book_verdicts)
  book_view: {
    facts: { accounts: "accounts", red_accounts: ["accounts", "red"], scored: ["accounts", "scored"], unscored_accounts: ["accounts", "unscored"],
      arr: "arr", red_arr: ["arr", "red"], events: "events", churned: "churned", churned_red: ["churned", "red"],
      resolved_arr: "resolved_arr", lost_arr: "lost_arr", unresolved: "unresolved" },
    formulas: [
      { key: "red_share", label: "red share", numerator: ["red_accounts"], denominator: ["accounts"], scored: true },
      { key: "red_share_arr", label: "red share, ARR", numerator: ["red_arr"], denominator: ["arr"], scored: true },
      { key: "unscored_share", label: "unscored", numerator: ["unscored_accounts"], denominator: ["accounts"] },
      { key: "logo_churn_rate", label: "logo churn", numerator: ["churned"], denominator: ["events"] },
      { key: "revenue_churn_rate", label: "revenue churn", numerator: ["lost_arr"], denominator: ["resolved_arr"] },
      { key: "flagged_churn", label: "flagged churn", numerator: ["churned_red"], denominator: ["churned"], scored: true },
      { key: "missed_churn", label: "missed churn", numerator: ["churned_red"], denominator: ["churned"], scored: true, complement: true },
    ],
  },
};

const SLICES = { red: (c) => c === "red", scored: (c) => c !== "unscored", unscored: (c) => c === "unscored" };

/**
 * Σ of each fact of a family over rows. Sums are kept to the cent, so they do not depend on the order of the rows
 * (published money has at most 2 decimals; counts are whole).
 * @param {Record<string, any>[]} rows
 * @param {Family} family
 * @returns {Record<string, number>}
 */
export function sumFacts(rows, family) {
  /** @type {[string, string, ((color: string) => boolean) | null][]} */
  const entries = Object.entries(family.facts).map(([name, def]) => (typeof def === "string" ? [name, def, null] : [name, def[0], SLICES[def[1]]]));
  const out = Object.fromEntries(entries.map(([name]) => [name, 0]));
  for (const r of rows) for (const [name, column, keep] of entries) if (!keep || keep(r.color)) out[name] += r[column] ?? 0;
  for (const [name] of entries) out[name] = Math.round(out[name] * 100) / 100;
  return out;
}

/** Σ of the terms ("-x" subtracts x) in the order written. @param {string[]} terms @param {Record<string, number>} s */
function termSum(terms, s) {
  return terms.reduce((t, name) => (name.startsWith("-") ? t - s[name.slice(1)] : t + s[name]), 0);
}

/**
 * One formula on summed facts.
 * @param {Formula} f
 * @param {Record<string, number>} s
 * @param {{monthly?: boolean}} [options] monthly: the window is a month (annualized rates exist only then)
 * @returns {number | null}
 */
export function rate(f, s, { monthly = false } = {}) {
  if (f.scored && !s.scored) return null;
  if (f.annualize && !monthly) return null;
  const r = ratio(termSum(f.numerator, s), termSum(f.denominator, s));
  if (r === null) return null;
  const v = f.complement ? 1 - r : r;
  return f.annualize === "churn" ? 1 - (1 - v) ** 12 : f.annualize === "retention" ? v ** 12 : v;
}

/**
 * Every rate of a family from its summed facts, keyed as the SQL rate tables name their columns.
 * @param {Family} family
 * @param {Record<string, number>} s
 * @param {{monthly?: boolean}} [options]
 * @returns {Record<string, number | null>}
 */
export function rates(family, s, options = {}) {
  return Object.fromEntries(family.formulas.map((f) => [f.key, rate(f, s, options)]));
}

/**
 * Facts and rates of the rows a filter kept: one cell of a family.
 * @param {Record<string, any>[]} rows
 * @param {Family} family
 * @param {{monthly?: boolean}} [options]
 * @returns {Record<string, any>}
 */
export function summarizeFacts(rows, family, options = {}) {
  const s = sumFacts(rows, family);
  return { ...s, ...rates(family, s, options) };
}

/**
 * A formula as a reader sees it: "retained / resolved", "(upsell + cross-sell) / resolved", "1 − churned events / resolved events",
 * "(starting ARR − churned ARR − contraction) / starting ARR".
 * @param {Formula} f
 */
export function formulaText(f) {
  const side = (/** @type {string[]} */ terms) => {
    const text = terms.map((t, i) => (t.startsWith("-") ? ` − ${t.slice(1)}` : `${i ? " + " : ""}${t}`)).join("").replaceAll("_", " ");
    return terms.length > 1 ? `(${text})` : text;
  };
  return `${f.complement ? "1 − " : ""}${side(f.numerator)} / ${side(f.denominator)}`.replaceAll("cross sell", "cross-sell").replace(/\barr\b/g, "ARR");
}

/** The formula of a family by key. @param {Family} family @param {string} key @returns {Formula} */
export function formula(family, key) {
  const f = family.formulas.find((x) => x.key === key);
  if (!f) throw new Error(`no formula ${key}`);
  return f;
}
