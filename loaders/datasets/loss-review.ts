/**
 * The loss review worksheet: one panel per renewal fully lost, over the year before its renewal date
 * (docs/metrics.md § Relationship and § Risk). Contact-level data is published only when the config sets
 * publishContacts to true (the contacts table is empty otherwise); the panels show roles by default.
 */
import { defineDataset } from "./define.ts";

const renewal = { type: "string", doc: "renewal event (a key of the renewals table)" } as const;

export const lossReview = defineDataset({
  name: "loss-review",
  title: "Loss review",
  doc: "For every renewal fully lost (resolved by the as-of date with arr_after = 0): health colors, touches, contacts engaged by role, usage, tickets and loss reason over the 365 days before its renewal date, [renewal_date − 365, renewal_date).",
  tables: {
    settings: {
      doc: "One row: the settings the worksheet was computed with.",
      sql: "select * from loss_review_settings",
      columns: {
        lookback_days: { type: "int", doc: "lookback L (config lookbackDays): lookback_color is the color on renewal_date − L" },
        publish_contacts: { type: "boolean", doc: "config publishContacts: when false the contacts table is empty and panels show roles only" },
      },
    },
    renewals: {
      doc: "One row per lost renewal: the panel's header and summary.",
      sql: "select * exclude (window_start) from loss_review_renewals order by resolved_date desc, renewal_id",
      columns: {
        renewal_id: { type: "string", doc: "renewal event" },
        account_id: { type: "string", doc: "account" },
        account_name: { type: "string", nullable: true, doc: "account name" },
        segment: { type: "string", doc: "account segment; '(none)' when none" },
        region: { type: "string", doc: "account region; '(none)' when none" },
        csm: { type: "string", nullable: true, doc: "owner (accounts.csm)" },
        customer_since: { type: "date", nullable: true, doc: "first contract start" },
        renewal_date: { type: "date", doc: "the date the contract was up for renewal" },
        resolved_date: { type: "date", doc: "when the loss was settled" },
        lost_arr: { type: "number", doc: "Σ arr_before of the renewal's lines: the value lost" },
        loss_reason: { type: "string", nullable: true, doc: "loss_reason of the lines ('; '-joined when they differ); null when none was given" },
        resolved_month: { type: "string", doc: "month of resolved_date, YYYY-MM: the loss review's period" },
        tenure_days: { type: "int", nullable: true, doc: "renewal_date − customer_since" },
        lookback_color: { type: "string", doc: "color on renewal_date − lookback days (config lookbackDays): red, yellow, green or unscored" },
        first_red_day: { type: "date", nullable: true, doc: "first day the account was red in the year before renewal; null = never red" },
        lead_days: { type: "int", nullable: true, doc: "renewal_date − first_red_day (1–365); null = never red" },
        touches: { type: "int", doc: "touches in the year before renewal" },
        business_reviews: { type: "int", doc: "of them, business reviews" },
        last_touch: { type: "date", nullable: true, doc: "latest touch in that year" },
        last_business_review: { type: "date", nullable: true, doc: "latest business review in that year" },
        contacts_touched: { type: "int", doc: "distinct contacts named in those touches" },
        decision_makers_touched: { type: "int", doc: "of them, decision makers" },
        exec_sponsor_touched: { type: "boolean", doc: "an executive sponsor was touched in that year" },
        last_decision_maker_touch: { type: "date", nullable: true, doc: "latest touch with a decision maker in that year" },
        contacts: { type: "int", doc: "contacts on file today (contacts carry no dates)" },
        decision_makers: { type: "int", doc: "of them, decision makers" },
        has_exec_sponsor: { type: "boolean", doc: "an executive sponsor is on file today" },
        events_last_90: { type: "int", doc: "usage events in the 90 days before renewal_date, [renewal_date − 90, renewal_date)" },
        events_prior_90: { type: "int", doc: "usage events in the 90 days before those" },
        usage_change: { type: "number", nullable: true, doc: "events_last_90 / events_prior_90 − 1; null when events_prior_90 is 0" },
        tickets: { type: "int", doc: "tickets opened in the year before renewal" },
        high_tickets: { type: "int", doc: "of them, severity high or urgent" },
        open_tickets: { type: "int", doc: "tickets opened before renewal_date and still open on it" },
      },
    },
    colors: {
      doc: "Health color timeline per lost renewal: spans [day_from, day_to) covering the year before renewal exactly; days before the first snapshot are unscored.",
      sql: "select * from loss_review_colors order by renewal_id, day_from",
      columns: {
        renewal_id: renewal,
        color: { type: "string", doc: "red, yellow, green or unscored" },
        day_from: { type: "date", doc: "first day of the span" },
        day_to: { type: "date", doc: "the day after its last day" },
        days: { type: "int", doc: "day_to − day_from" },
      },
    },
    months: {
      doc: "Per lost renewal and calendar month of the year before renewal (the first and last months are partial, and days after the as-of date are left out: see days): touches by type, usage and tickets opened.",
      sql: "select * from loss_review_months order by renewal_id, month",
      columns: {
        renewal_id: renewal,
        month: { type: "string", doc: "calendar month, YYYY-MM" },
        days: { type: "int", doc: "days of the month inside the year before renewal" },
        business_reviews: { type: "int", doc: "business_review touches" },
        meetings: { type: "int", doc: "meeting touches" },
        onsites: { type: "int", doc: "onsite touches" },
        calls: { type: "int", doc: "call touches" },
        emails: { type: "int", doc: "email touches" },
        other_touches: { type: "int", doc: "touches of type other" },
        usage_events: { type: "int", doc: "usage events" },
        active_users: { type: "int", doc: "distinct users active in those days" },
        tickets: { type: "int", doc: "tickets opened" },
        high_tickets: { type: "int", doc: "of them, high or urgent" },
      },
    },
    roles: {
      doc: "Contacts engaged in the year before renewal, by role only (no names, titles or ids). The executive sponsor is also counted among decision makers; 'no contact named' counts touches that named no contact.",
      sql: "select * exclude (role_order) from loss_review_roles order by renewal_id, role_order",
      columns: {
        renewal_id: renewal,
        role: { type: "string", doc: "executive sponsor, decision maker, practitioner, or no contact named" },
        contacts_on_file: { type: "int", nullable: true, doc: "contacts of the account in this role today; null for 'no contact named'" },
        contacts_touched: { type: "int", nullable: true, doc: "of them, touched in the year before renewal; null for 'no contact named'" },
        touches: { type: "int", doc: "touches in that year with a contact in this role" },
        last_touch: { type: "date", nullable: true, doc: "the latest of those touches" },
      },
    },
    contacts: {
      doc: "Contact-level rows, published ONLY when the config sets publishContacts to true; empty otherwise. Each contact of the account on file, with its touches in the year before renewal.",
      sql: "select * from loss_review_contacts order by renewal_id, contact_id",
      columns: {
        renewal_id: renewal,
        contact_id: { type: "string", doc: "contact (contact-level data)" },
        title: { type: "string", nullable: true, doc: "job title (contact-level data)" },
        role: { type: "string", doc: "decision_maker or practitioner" },
        is_exec_sponsor: { type: "boolean", doc: "an executive sponsor" },
        touches: { type: "int", doc: "touches naming this contact in the year before renewal" },
        last_touch: { type: "date", nullable: true, doc: "the latest of them" },
      },
    },
  },
});
