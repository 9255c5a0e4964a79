// The account page's sections, from one account's rows (account-shard.js accountFrom). Every value goes in as
// text; every summary comes computed from the warehouse (loaders/datasets/account.ts).
import { chart } from "./chart.js";
import { el } from "./dom.js";
import { int, money } from "./format.js";
import { kpis } from "./kpi.js";
import { lossPanel } from "./loss-panel.js";
import { accountHealthSpec, accountTouchesSpec, accountUsageSpec } from "./specs/account-history.js";
import { table } from "./table.js";

const label = (s) => String(s ?? "").replaceAll("_", " ");

/** The traits grouped by area, each ✓ (has it), ✗ (has not) or ? (the inputs cannot measure it). */
function traitList(traits, labels) {
  const items = [];
  let area = null;
  for (const t of traits) {
    const l = labels.get(t.trait);
    if (l?.area !== area) {
      area = l?.area ?? "";
      items.push(el("li", { class: "area" }, area));
    }
    const state = t.has_trait === null ? "unknown" : t.has_trait ? "yes" : "no";
    items.push(el("li", { class: state }, el("span", { class: "mark", "aria-label": state === "unknown" ? "not measurable" : state }, { yes: "✓", no: "✗", unknown: "?" }[state]),
      l?.label ?? t.trait, state === "unknown" ? el("span", { class: "area" }, " (not measurable from the inputs)") : null));
  }
  return el("ul", { class: "account-traits" }, items);
}

/** A small titled section. */
const section = (title, ...body) => el("section", { class: "account-section" }, el("h2", {}, title), ...body);
const none = (text) => el("p", { class: "empty" }, text);

/** The headline: status, value, health, next renewal, and the hygiene checks failed. */
export function accountHeader(p, currency) {
  const status = p.is_active ? "Active customer" : p.lost_on ? `Lost on ${p.lost_on}` : "Not yet a customer";
  return el("div", {},
    el("p", { class: "account-sub" }, [p.account_id, p.csm ?? "no CSM", p.segment, p.region, p.industry ?? "—", `customer since ${p.customer_since ?? "—"}`].join(" · ")),
    kpis([
      { label: "Status", value: status, note: p.licenses === null ? "licenses not on file" : `${int(p.licenses)} licenses` },
      { label: "Current ARR", value: money(p.current_arr, currency), note: p.next_renewal_date ? `next renewal ${p.next_renewal_date}` : "no open renewal on file" },
      { label: "Health today", value: p.color, note: p.score === null ? "no score on file" : `score ${p.score} on ${p.scored_on}` },
      { label: "Hygiene checks failed", value: p.checks_failed === null ? "—" : `${int(p.checks_failed)} of 5`, note: p.is_active ? `last touch ${p.last_touch ?? "never"}` : "checked on active accounts only" },
    ]));
}

/** Everything below the headline, in the order a CSM reads an account. */
export function accountBody(a, index, { currency }) {
  const p = a.profile[0];
  const settings = index.settings[0];
  const labels = new Map(index.trait_labels.map((t) => [t.trait, t]));
  const checks = [["not_touched", "not touched recently"], ["no_business_review", "no recent business review"], ["single_threaded", "single-threaded"], ["no_exec_sponsor", "no executive sponsor"], ["no_decision_maker", "no decision maker touched"]];
  const failing = checks.filter(([k]) => p[k]).map(([, t]) => t);
  const warned = a.early_warning.filter((w) => w.warned);
  return [
    section("Early warning",
      failing.length ? el("p", {}, `Hygiene: ${failing.join(", ")}.`) : p.is_active ? el("p", {}, "Hygiene: every check passes.") : null,
      a.early_warning.length
        ? table(a.early_warning, [
          { key: "renewal_date", label: "renewal due" }, { key: "days_to_renewal", label: "days to renewal", num: true, format: int },
          { key: "arr_at_stake", label: "ARR at stake", num: true, format: (v) => money(v, currency) },
          { key: "usage_dropped", label: "usage dropped", format: (v) => (v ? "yes" : "no") },
          { key: "low_utilization", label: "low utilization", format: (v) => (v ? "yes" : "no") },
          { key: "warned", label: "warned", format: (v) => (v ? "WARNED" : "no") },
        ])
        : none(`No open renewal ${settings.early_warning_from_days}–${settings.early_warning_to_days} days out: nothing on the early-warning horizon.`),
      warned.length ? el("p", { class: "verdict-bad" }, `On the early-warning list for ${warned.length} renewal${warned.length === 1 ? "" : "s"}.`) : null),
    section("Renewal history",
      table(a.renewals, [
        { key: "renewal_date", label: "due" }, { key: "resolved_date", label: "settled", format: (v) => v ?? "—" },
        { key: "outcome", label: "outcome" }, { key: "lines", label: "lines", num: true, format: int },
        { key: "arr_before", label: "ARR before", num: true, format: (v) => money(v, currency) },
        { key: "arr_after", label: "ARR after", num: true, format: (v) => money(v, currency) },
        { key: "loss_reason", label: "loss reason", format: (v) => v ?? "" },
      ], { empty: "No renewal on file." }),
      el("h3", {}, "Contract lines"),
      table(a.lines, [
        { key: "renewal_date", label: "due" }, { key: "renewal_id", label: "renewal" }, { key: "product", label: "product", format: (v) => v ?? "—" },
        { key: "arr_before", label: "ARR before", num: true, format: (v) => money(v, currency) },
        { key: "arr_after", label: "ARR after", num: true, format: (v) => money(v, currency) },
      ], { empty: "No contract line on file.", sort: "renewal_date", desc: true })),
    section("Health", a.health.length ? chart(accountHealthSpec(a.health), { label: "health over time" }) : none("No health snapshot on file.")),
    section("Usage", a.usage_months.length ? chart(accountUsageSpec(a.usage_months), { label: "usage per month" }) : none("No usage on file."),
      a.usage_months.length ? table(a.usage_months, [
        { key: "month", label: "month" }, { key: "events", label: "events", num: true, format: int },
        { key: "active_users", label: "active users", num: true, format: int }, { key: "active_days", label: "active days", num: true, format: int },
        { key: "features_used", label: "features used", num: true, format: int },
      ], { sort: "month", desc: true }) : null),
    section("Touches", a.touch_months.length ? chart(accountTouchesSpec(a.touch_months), { label: "touches per month" }) : none("No touch on file."),
      a.touch_people.length ? table(a.touch_people, [
        { key: "type", label: "type", format: label }, { key: "csm", label: "who", format: (v) => v ?? "(no CSM named)" },
        { key: "touches", label: "touches", num: true, format: int }, { key: "last_12_months", label: "last 12 months", num: true, format: int },
        { key: "last_month", label: "latest month" },
      ]) : null),
    section("Contacts by role",
      table(a.roles, [
        { key: "role", label: "role" }, { key: "contacts", label: "on file", num: true, format: int },
        { key: "contacts_touched", label: "touched in 365 days", num: true, format: int },
        { key: "touches", label: "touches in 365 days", num: true, format: int }, { key: "last_touch", label: "last touch", format: (v) => v ?? "—" },
      ], { empty: "No contact on file." }),
      settings.publish_contacts
        ? table(a.contacts, [
          { key: "contact_id", label: "contact" }, { key: "title", label: "title", format: (v) => v ?? "—" }, { key: "role", label: "role", format: label },
          { key: "is_exec_sponsor", label: "exec sponsor", format: (v) => (v ? "yes" : "") }, { key: "touches", label: "touches in 365 days", num: true, format: int },
          { key: "last_touch", label: "last touch", format: (v) => v ?? "—" },
        ], { empty: "No contact on file." })
        : el("p", { class: "loss-note" }, "Roles only: names, titles and contact ids are not published (config publishContacts).")),
    section("Green-profile traits today",
      !p.is_active ? none("Measured on active accounts only: this account is no longer a customer (its loss-review panel below shows the year before it left).")
        : a.traits.length ? traitList(a.traits, labels) : none("No trait measured.")),
    section("Tickets", el("p", {}, `${int(p.tickets_total)} ticket${p.tickets_total === 1 ? "" : "s"} on file; listed: those opened in the last 365 days and any still open.`), table(a.tickets, [
      { key: "opened_at", label: "opened" }, { key: "ticket_id", label: "ticket" }, { key: "severity", label: "severity", format: (v) => v ?? "—" },
      { key: "closed_at", label: "closed", format: (v) => v ?? "open" }, { key: "days_open", label: "days open", num: true, format: int },
    ], { empty: "None opened in the last 365 days, and none open.", limit: 200 })),
    section("NPS and milestones",
      table(a.nps, [{ key: "responded_at", label: "answered" }, { key: "score", label: "score", num: true, format: int }, { key: "category", label: "category" }], { empty: "No NPS response on file.", sort: "responded_at", desc: true }),
      table(a.milestones, [{ key: "stage", label: "milestone", format: label }, { key: "reached_at", label: "reached" }, { key: "days_from_start", label: "days after start", num: true, format: int }], { empty: "No milestone on file." })),
    a.loss_renewals.length ? section("Loss review", ...a.loss_renewals.map((r) => el("div", { class: "account-loss" }, lossPanel(r, {
      colors: a.loss_colors.filter((x) => x.renewal_id === r.renewal_id),
      months: a.loss_months.filter((x) => x.renewal_id === r.renewal_id),
      roles: a.loss_roles.filter((x) => x.renewal_id === r.renewal_id),
      contacts: a.loss_contacts.filter((x) => x.renewal_id === r.renewal_id),
    }, { currency, lookbackDays: settings.lookback_days, contactsPublished: settings.publish_contacts })))) : null,
  ].filter(Boolean);
}
