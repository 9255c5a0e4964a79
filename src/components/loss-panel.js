// One loss-review panel (one printed page): the lost renewal's header, health timeline, month-by-month
// activity, contacts engaged by role (or by contact when the config publishes contacts) and the facts
// a loss review asks about. Every value goes in as text.
import { chart } from "./chart.js";
import { el } from "./dom.js";
import { int, money, pct } from "./format.js";
import { lossActivitySpec } from "./specs/loss-activity.js";
import { lossTimelineSpec } from "./specs/loss-timeline.js";

const ROLE_NOTE = "Roles only: names, titles and contact ids are not published (config publishContacts).";

/** A small static table (printed in full, no scrolling). */
function grid(head, body) {
  return el("table", { class: "loss-grid" }, el("thead", {}, el("tr", {}, head.map((h) => el("th", {}, h)))),
    el("tbody", {}, body.map((row) => el("tr", {}, row.map((c) => el("td", {}, c))))));
}

function fact(label, value) {
  return el("div", { class: "loss-fact" }, el("span", { class: "label" }, label), el("span", { class: "value" }, value));
}

/**
 * r: a renewals row; parts: {colors, months, roles, contacts} rows of that renewal;
 * options: {currency, lookbackDays, contactsPublished (the config's publishContacts)}.
 */
export function lossPanel(r, { colors = [], months = [], roles = [], contacts = [] }, { currency = "USD", lookbackDays = 90, contactsPublished = false } = {}) {
  const firstRed = r.first_red_day === null ? "never red in the year before renewal" : `${r.first_red_day} (${int(r.lead_days)} days before renewal)`;
  const events = (n) => `${int(n)} event${n === 1 ? "" : "s"}`;
  const usage = r.usage_change === null
    ? `${events(r.events_last_90)} in the last 90 days before renewal, none in the 90 before`
    : `${r.usage_change > 0 ? "+" : ""}${pct(r.usage_change)}: ${events(r.events_last_90)} in the last 90 days before renewal, ${int(r.events_prior_90)} in the 90 before`;
  const people = !contactsPublished ? el("p", { class: "loss-note" }, ROLE_NOTE)
    : !contacts.length ? el("p", { class: "loss-note" }, "No contact on file.")
    : grid(["contact", "title", "role", "exec sponsor", "touches", "last touch"],
      contacts.map((c) => [c.contact_id, c.title ?? "—", c.role.replace("_", " "), c.is_exec_sponsor ? "yes" : "", int(c.touches), c.last_touch ?? "—"]));
  return el("section", { class: "loss-panel", "data-renewal": r.renewal_id },
    el("h2", {}, `${r.account_name ?? r.account_id} — lost ${money(r.lost_arr, currency)}`),
    el("p", { class: "loss-sub" }, `${r.renewal_id} · ${r.csm ?? "no CSM"} · ${r.segment} · ${r.region} · customer since ${r.customer_since ?? "—"}`),
    el("div", { class: "loss-facts" },
      fact("Renewal date", r.renewal_date),
      fact("Loss settled", r.resolved_date),
      fact("Loss reason", r.loss_reason ?? "(none given)"),
      fact("First turned red", firstRed),
      fact(`Color ${lookbackDays} days before`, r.lookback_color),
      fact("Usage trend", usage),
      fact("Touches in the year", `${int(r.touches)}, last ${r.last_touch ?? "—"}`),
      fact("Business reviews", `${int(r.business_reviews)}${r.last_business_review ? `, last ${r.last_business_review}` : ""}`),
      fact("Decision makers touched", `${int(r.decision_makers_touched)} of ${int(r.decision_makers)} on file${r.last_decision_maker_touch ? `, last ${r.last_decision_maker_touch}` : ""}`),
      fact("Executive sponsor", r.has_exec_sponsor ? (r.exec_sponsor_touched ? "on file, touched" : "on file, NOT touched") : "none on file"),
      fact("Tickets in the year", `${int(r.tickets)} (${int(r.high_tickets)} high/urgent), ${int(r.open_tickets)} open at renewal`),
      fact("Tenure", r.tenure_days === null ? "—" : `${(r.tenure_days / 365).toFixed(1)} years`)),
    chart(lossTimelineSpec(colors), { label: `health colors of ${r.renewal_id}` }),
    chart(lossActivitySpec(months), { label: `activity of ${r.renewal_id}` }),
    el("h3", {}, "Contacts engaged in the year before renewal"),
    grid(["role", "on file", "touched", "touches", "last touch"],
      roles.map((x) => [x.role, x.contacts_on_file === null ? "" : int(x.contacts_on_file), x.contacts_touched === null ? "" : int(x.contacts_touched), int(x.touches), x.last_touch ?? "—"])),
    people,
    el("div", { class: "loss-notes" }, el("span", { class: "label" }, "Review notes: "), el("span", { class: "lines" })));
}
