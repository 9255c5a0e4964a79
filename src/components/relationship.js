// Relationship figures for any filter, from the rows of the relationship dataset
// (docs/metrics.md § Relationship). The SQL marts decide each account's checks; these
// functions only count them, so every page (team or one CSM) agrees.

import { ratio } from "./metrics.js";

const cents = (v) => Math.round(v * 100) / 100;

/**
 * The five hygiene checks, in the order pages show them. Each key is a boolean column of the
 * accounts table that is true when the account FAILS the check; labels (long, and short for
 * chart axes and table heads) read the thresholds.
 * @param {{touched_days: number, business_review_days: number, single_thread_days: number, decision_maker_days: number}} s
 */
export function checks(s) {
  return [
    { key: "not_touched", label: `Not touched in ${s.touched_days} days`, short: `not touched ${s.touched_days}d` },
    { key: "no_business_review", label: `No business review in ${s.business_review_days} days`, short: `no review ${s.business_review_days}d` },
    { key: "single_threaded", label: `Single-threaded (≤ 1 contact in ${s.single_thread_days} days)`, short: "single-threaded" },
    { key: "no_exec_sponsor", label: "No executive sponsor", short: "no exec sponsor" },
    { key: "no_decision_maker", label: `No decision maker touched in ${s.decision_maker_days} days`, short: `no decision maker ${s.decision_maker_days}d` },
  ];
}

/** Accounts, ARR, and per check the count, share and ARR of accounts failing it, for one set of account rows. */
export function hygieneSummary(accounts, checkList) {
  const out = { accounts: accounts.length, arr: cents(accounts.reduce((n, a) => n + a.current_arr, 0)) };
  for (const c of checkList) {
    const failing = accounts.filter((a) => a[c.key]);
    out[`${c.key}_accounts`] = failing.length;
    out[`${c.key}_share`] = ratio(failing.length, accounts.length);
    out[`${c.key}_arr`] = cents(failing.reduce((n, a) => n + a.current_arr, 0));
  }
  out.clean_accounts = accounts.filter((a) => a.checks_failed === 0).length;
  out.clean_share = ratio(out.clean_accounts, accounts.length);
  return out;
}

/** The grid: one hygiene summary per CSM (accounts without a CSM as csm null, last), sorted by name. */
export function hygieneGrid(accounts, checkList) {
  const byCsm = new Map();
  for (const a of accounts) {
    if (!byCsm.has(a.csm)) byCsm.set(a.csm, []);
    byCsm.get(a.csm).push(a);
  }
  return [...byCsm.entries()]
    .map(([csm, part]) => ({ csm, ...hygieneSummary(part, checkList) }))
    .sort((a, b) => String(a.csm ?? "\uffff").localeCompare(String(b.csm ?? "\uffff")));
}

/** Kinds of work, in the order pages stack them; the grouping is a convention (see the touch_months table doc). */
export const WORK = ["relationship", "risk", "revenue", "routine"];

/** Touch types, in the order pages stack them. */
export const TOUCH_TYPES = ["business_review", "meeting", "onsite", "call", "email", "other"];

/**
 * Touches per CSM split by `by` ("work" or "type"): one row per CSM with a count and a share
 * per value, and the total. rows: touch_months rows already filtered to the period.
 */
export function timeAllocation(rows, by = "work") {
  const keys = by === "work" ? WORK : TOUCH_TYPES;
  const byCsm = new Map();
  for (const r of rows) {
    const s = byCsm.get(r.csm) ?? Object.fromEntries([["csm", r.csm], ["touches", 0], ...keys.map((k) => [k, 0])]);
    s.touches += r.touches;
    s[r[by]] = (s[r[by]] ?? 0) + r.touches;
    byCsm.set(r.csm, s);
  }
  return [...byCsm.values()]
    .map((s) => ({ ...s, ...Object.fromEntries(keys.map((k) => [`${k}_share`, ratio(s[k], s.touches)])) }))
    .sort((a, b) => String(a.csm ?? "\uffff").localeCompare(String(b.csm ?? "\uffff")));
}

/**
 * Month choices for a period filter, as [value, label] pairs whose value is "from..to" (months, inclusive):
 * the last 3, 6 and 12 months up to the as-of month, then each year, then all time.
 */
export function monthPeriods(asOf, months) {
  const end = asOf.slice(0, 7);
  const back = (n) => {
    const [y, m] = end.split("-").map(Number);
    const d = new Date(Date.UTC(y, m - 1 - (n - 1), 1));
    return d.toISOString().slice(0, 7);
  };
  const years = [...new Set(months.map((m) => m.slice(0, 4)))].sort().reverse();
  return [
    ...[3, 6, 12].map((n) => [`${back(n)}..${end}`, `Last ${n} months (${back(n)} to ${end})`]),
    ...years.map((y) => [`${y}-01..${y}-12`, y]),
    ["0000-01..9999-12", "All time"],
  ];
}

/** Is a month ("2025-03") inside a period "from..to" (inclusive)? */
export function inMonths(month, period) {
  const [from, to] = period.split("..");
  return month >= from && month <= to;
}

/** The early-warning list's totals: renewals due in the window, those warned, and the ARR of each. */
export function earlyWarningSummary(rows) {
  const warned = rows.filter((r) => r.warned);
  return {
    renewals: rows.length,
    arr: cents(rows.reduce((n, r) => n + r.arr_at_stake, 0)),
    warned: warned.length,
    warned_arr: cents(warned.reduce((n, r) => n + r.arr_at_stake, 0)),
    usage_dropped: rows.filter((r) => r.usage_dropped).length,
    low_utilization: rows.filter((r) => r.low_utilization).length,
    warned_share: ratio(warned.length, rows.length),
  };
}

/** Why a renewal is on the early-warning list, in words. */
export function warningReasons(r) {
  const out = [];
  if (r.usage_dropped) out.push("usage down");
  if (r.low_utilization) out.push("low utilization");
  return out.join(", ");
}

/** A date for a table cell: non-breaking hyphens keep it on one line; null reads `none`. */
export function day(v, none = "—") {
  return v === null || v === undefined ? none : String(v).replaceAll("-", "\u2011");
}
