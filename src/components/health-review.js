// The Health review page: one section per list of the health-review dataset, each with its own CSM, segment
// and region filters, its table sorted by ARR at stake, and a CSV download. The lists are decided in SQL
// (loaders/sql/marts/health-review); this module only shows them.
import { accountLink as linkToAccount } from "./account-link.js";
import { distinct } from "./data.js";
import { el } from "./dom.js";
import { allOf, filterRows, select } from "./filters.js";
import { int, money, pct } from "./format.js";
import { table } from "./table.js";

/** The account's name (or id) as a link to its page (account-link.js: right from any page, with or without .html). */
export function accountLink(row) {
  return linkToAccount(row.account_id, row.account_name ?? row.account_id);
}

/** Accounts and ARR at stake of a list's rows. */
export function listTotals(rows) {
  return { accounts: rows.length, arr: Math.round(rows.reduce((t, r) => t + r.arr, 0) * 100) / 100 };
}

/** Reason codes in words, for table cells (the full sentence is in reason_text). */
export const REASONS = {
  no_touch_since_red: "no touch since red",
  no_business_review: "no business review",
  renewal_due: "renewal due",
  single_threaded: "single-threaded",
  no_exec_sponsor: "no executive sponsor",
  usage_down: "usage down",
  not_touched: "not touched",
  low_utilization: "low utilization",
  seats_full: "seats full",
  broad_usage: "broad usage",
  cross_sell: "cross-sell",
  red_to_green: "red → green",
  green_to_red: "green → red",
};

/** Reason codes → "a, b". */
export function reasonWords(codes) {
  return (codes ?? []).map((c) => REASONS[c] ?? c).join(", ");
}

/** The reasons in words; hovering shows the sentence with the figures (actions.csv carries both). */
const WHY = { key: "reasons", label: "why", format: (v, r) => el("span", { title: r.reason_text }, reasonWords(v)) };
const COLOR = { key: "color", label: "health" };
const day = (v) => (v === null || v === undefined ? "—" : String(v).replaceAll("-", "\u2011"));
const change = (v) => (v === null || v === undefined ? "—" : `${v > 0 ? "+" : ""}${pct(v)}`);

/**
 * The lists in page order: key (the `list` column), title, and the columns special to each.
 * @param {object} s the settings row
 */
export function reviewLists(s) {
  return [
    { key: "red_no_plan", title: "Red accounts without a plan signal",
      intro: `Red for ${s.review_red_days} days or more with no touch since the account turned red, or no business review in ${s.business_review_days} days. Every red account should have a plan and an owner.`,
      columns: [
        { key: "days_red", label: "days red", num: true, format: int },
        { key: "last_touch", label: "last touch", format: (v) => (v === null ? "never" : day(v)) },
        { key: "days_since_business_review", label: "days since review", num: true, format: (v) => (v === null ? "never" : int(v)) },
        WHY,
      ] },
    { key: "red_renewal", title: `Red accounts renewing within ${s.review_renewal_days} days`,
      intro: `Red today with the next renewal due in 0–${s.review_renewal_days} days. Lead time so far: days from the first day red in the 365 days before the renewal to the renewal date.`,
      columns: [
        { key: "days_to_renewal", label: "days to renewal", num: true, format: int },
        { key: "days_red", label: "days red", num: true, format: int },
        { key: "lead_time_days", label: "lead time so far", num: true, format: int },
      ] },
    { key: "green_at_risk", title: "Green accounts at risk of going red silently",
      intro: `Green, but single-threaded (at most one contact touched in ${s.single_thread_days} days), without an executive sponsor, with usage down ${pct(s.usage_drop, 0)} or more (last 90 days against the 90 before), or not touched in ${s.touched_days} days.`,
      columns: [
        { key: "last_touch", label: "last touch", format: (v) => (v === null ? "never" : day(v)) },
        { key: "usage_change", label: "usage change", num: true, format: change },
        WHY,
      ] },
    { key: "early_warning", title: `Early warnings ${Math.round(s.early_warning_from_days / 30.4)}–${Math.round(s.early_warning_to_days / 30.4)} months before renewal`,
      intro: `The Relationship page's early-warning rule: renewals due ${s.early_warning_from_days}–${s.early_warning_to_days} days out with usage down ${pct(s.usage_drop, 0)} or more, or license utilization in the last 30 days below its threshold.`,
      columns: [COLOR, { key: "days_to_renewal", label: "days to renewal", num: true, format: int }, WHY] },
    { key: "expansion", title: "Expansion candidates",
      intro: `Seats used (distinct users in 90 days) at least ${pct(s.expansion_utilization, 0)} of licenses, feature breadth at or above the book's ${Math.round(s.expansion_breadth_percentile * 100)}th percentile (${s.expansion_breadth_cut === null ? "no usage data" : pct(s.expansion_breadth_cut, 0)}), usage not down ${pct(s.usage_drop, 0)} or more, no open high or urgent ticket, and not red. Products not owned: sold elsewhere in the book (renewal lines), not on the account's current contract.`,
      columns: [
        COLOR,
        { key: "users_last_90", label: "seats used", num: true, format: (v, r) => (v === null ? "—" : `${int(v)} / ${r.licenses === null ? "—" : int(r.licenses)}`) },
        { key: "utilization", label: "utilization", num: true, format: (v) => pct(v) },
        { key: "feature_breadth", label: "breadth", num: true, format: (v) => pct(v, 0) },
        { key: "products_missing", label: "products not owned", format: (v) => (v?.length ? v.join(", ") : "—") },
      ] },
    { key: "flip", title: "Color flips: check the score",
      intro: `Red to green, or green to red, within ${s.flip_days} days (whatever yellow came between), with the new color starting in the last ${s.review_flip_since_days} days. A score that swings this fast needs a check before anyone acts on it.`,
      columns: [
        COLOR,
        { key: "flip_to", label: "flip", format: (v, r) => `${r.flip_from} → ${v}` },
        { key: "flip_on", label: "on", format: day },
        { key: "flip_days", label: "in days", num: true, format: int },
      ] },
  ];
}

/** One list: its own CSM / segment / region filters above its table (sorted by ARR at stake, the first 100 shown, all in the CSV). */
export function reviewSection(rows, list, currency) {
  const csmIn = select(allOf(distinct(rows, "csm")), { label: "CSM" });
  const segmentIn = select(allOf(distinct(rows, "segment")), { label: "Segment" });
  const regionIn = select(allOf(distinct(rows, "region")), { label: "Region" });
  const summary = el("p");
  const body = el("div");
  const columns = [
    { key: "account_name", label: "account", format: (_v, r) => accountLink(r) },
    { key: "csm", label: "CSM", format: (v) => v ?? "(no CSM)" },
    { key: "segment", label: "segment" },
    { key: "region", label: "region" },
    { key: "arr", label: "ARR at stake", num: true, format: (v) => money(v, currency) },
    { key: "renewal_date", label: "renewal", format: day },
    ...list.columns,
    { key: "due_by", label: "due by", format: day },
  ];
  function render() {
    const shown = filterRows(rows, { csm: csmIn.value, segment: segmentIn.value, region: regionIn.value });
    const t = listTotals(shown);
    summary.textContent = `${int(t.accounts)} account${t.accounts === 1 ? "" : "s"}, ${money(t.arr, currency)} ARR at stake.`;
    body.replaceChildren(table(shown, columns, { csv: `health-review-${list.key.replaceAll("_", "-")}.csv`, sort: "arr", desc: true, empty: "No account on this list under these filters.", limit: 100 }));
  }
  for (const f of [csmIn, segmentIn, regionIn]) f.addEventListener("input", render);
  render();
  return el("div", {}, el("div", { class: "filters" }, csmIn, segmentIn, regionIn), summary, body);
}
