/** The Relationship page and the per-CSM pages: base hygiene, time allocation and early warning (docs/metrics.md § Relationship). */
import { defineDataset } from "./define.ts";

const who = {
  account_id: { type: "string", doc: "account" },
  account_name: { type: "string", nullable: true, doc: "account name" },
  segment: { type: "string", doc: "account segment; '(none)' when the account has none" },
  region: { type: "string", doc: "account region; '(none)' when the account has none" },
  csm: { type: "string", nullable: true, doc: "owner (accounts.csm); null when the account has none" },
} as const;

const color = { type: "string", doc: "health color in force on the as-of date: red, yellow, green, or unscored" } as const;

export const relationship = defineDataset({
  name: "relationship",
  title: "Relationship",
  doc: "Base hygiene of the active accounts on the as-of date, touches per CSM by type and kind of work, and the early-warning list of renewals due in 270–365 days. Windows of N days end on the as-of date and hold N days: (as-of − N, as-of]. No contact-level data (names, titles, contact ids) is published here.",
  tables: {
    settings: {
      doc: "One row: the thresholds the figures were computed with, and how much relationship data the inputs held.",
      sql: "select * from relationship_settings",
      columns: {
        touched_days: { type: "int", doc: "an account is touched when it had any touch in the last touched_days days (config touchedDays)" },
        business_review_days: { type: "int", doc: "no business review in the last business_review_days days is flagged (config businessReviewDays)" },
        single_thread_days: { type: "int", doc: "single-threaded: at most one distinct contact touched in the last single_thread_days days (config singleThreadDays)" },
        decision_maker_days: { type: "int", doc: "decision maker engaged: a touch with a decision_maker contact in the last decision_maker_days days (config decisionMakerDays)" },
        early_warning_from_days: { type: "int", doc: "early warning: renewals due at least this many days after the as-of date (config earlyWarningFromDays)" },
        early_warning_to_days: { type: "int", doc: "… and at most this many (config earlyWarningToDays)" },
        usage_drop: { type: "number", doc: "usage down by at least this share (last 90 days against the 90 before) is a warning (config usageDrop)" },
        early_warning_utilization: { type: "number", doc: "license utilization below this is a warning (config earlyWarningUtilization)" },
        touches: { type: "int", doc: "touches staged; 0 = no touches file, every account fails the touch checks" },
        contacts: { type: "int", doc: "contacts staged; 0 = no contacts file, no account has an executive sponsor or a decision maker" },
        usage_days: { type: "int", doc: "account-days of usage staged; 0 = no usage file, the usage signs of the early warning are unknown" },
      },
    },
    csms: {
      doc: "Every named CSM, the slug of their page (/csm/<slug>) and their book today.",
      sql: "select * from relationship_csms order by csm",
      columns: {
        csm: { type: "string", doc: "CSM name as in accounts.csm" },
        slug: { type: "string", doc: "URL-safe page name: lower-case ASCII letters, digits and hyphens, unique" },
        accounts: { type: "int", doc: "accounts owned, active or not" },
        active_accounts: { type: "int", doc: "of them, active on the as-of date" },
        current_arr: { type: "number", doc: "Σ current contract value of the active accounts" },
      },
    },
    accounts: {
      doc: "Base hygiene of every active account (int_account_status.is_active) on the as-of date. The five check columns (not_touched, no_business_review, single_threaded, no_exec_sponsor, no_decision_maker) are true when the account FAILS that check.",
      sql: "select * from relationship_accounts order by account_id",
      columns: {
        ...who,
        customer_since: { type: "date", doc: "first contract start" },
        current_arr: { type: "number", doc: "current contract value (next open renewal's arr_before, else the latest resolved arr_after)" },
        next_renewal_date: { type: "date", nullable: true, doc: "the next renewal not yet resolved; null when none is on file" },
        last_touch: { type: "date", nullable: true, doc: "latest touch on or before the as-of date; null = never touched" },
        recent_touches: { type: "int", doc: "touches in the last touched_days days" },
        last_business_review: { type: "date", nullable: true, doc: "latest business_review touch; null = none ever" },
        days_since_business_review: { type: "int", nullable: true, doc: "as-of date − last_business_review (0 = a review on the as-of date); null = none ever" },
        contacts_touched: { type: "int", doc: "distinct contacts named in touches of the last single_thread_days days" },
        contacts: { type: "int", doc: "contacts on file for the account (contacts carry no dates: today's list)" },
        decision_makers: { type: "int", doc: "of them, role decision_maker" },
        decision_maker_touches: { type: "int", doc: "touches with a decision_maker contact in the last decision_maker_days days" },
        not_touched: { type: "boolean", doc: "check failed: no touch in the last touched_days days" },
        no_business_review: { type: "boolean", doc: "check failed: no business review in the last business_review_days days (days_since_business_review ≥ business_review_days, or none ever)" },
        single_threaded: { type: "boolean", doc: "check failed: at most one distinct contact touched in the last single_thread_days days" },
        no_exec_sponsor: { type: "boolean", doc: "check failed: no contact of the account is an executive sponsor" },
        no_decision_maker: { type: "boolean", doc: "check failed: no touch with a decision maker in the last decision_maker_days days" },
        checks_failed: { type: "int", doc: "how many of the five checks the account fails (0–5)" },
        color,
      },
    },
    touch_months: {
      doc: "Touches per CSM who made them (a touch without one counts for the account's owner), calendar month, type and kind of work. Kind of work is a convention: relationship = business_review, meeting, onsite; risk = a call or email to an account red that day; revenue = a call or email to an account with a renewal due within 90 days of it (not settled before); routine = every other call, email or 'other'.",
      sql: "select * from relationship_touch_months order by csm nulls last, month, type, work",
      columns: {
        csm: { type: "string", nullable: true, doc: "who made the touches; null when neither the touch nor the account names a CSM" },
        month: { type: "string", doc: "calendar month of the touch, YYYY-MM" },
        type: { type: "string", doc: "touch type: call, email, meeting, business_review, onsite, other" },
        work: { type: "string", doc: "kind of work (a convention, see the table doc): relationship, risk, revenue or routine" },
        touches: { type: "int", doc: "touches" },
      },
    },
    early_warning: {
      doc: "Open renewals of active accounts due early_warning_from_days–early_warning_to_days after the as-of date (both ends included), with the warning signs. warned = usage_dropped or low_utilization.",
      sql: "select * from relationship_early_warning order by renewal_date, renewal_id",
      columns: {
        renewal_id: { type: "string", doc: "renewal event" },
        ...who,
        renewal_date: { type: "date", doc: "the date the contract is up for renewal" },
        days_to_renewal: { type: "int", doc: "renewal_date − as-of date" },
        arr_at_stake: { type: "number", doc: "Σ arr_before of the renewal's lines" },
        licenses: { type: "int", nullable: true, doc: "seats purchased (accounts.licenses)" },
        events_last_90: { type: "int", nullable: true, doc: "usage events in the last 90 days, (as-of − 90, as-of]; null without a usage file" },
        events_prior_90: { type: "int", nullable: true, doc: "usage events in the 90 days before those, (as-of − 180, as-of − 90]" },
        usage_change: { type: "number", nullable: true, doc: "events_last_90 / events_prior_90 − 1 (−0.5 = halved); null when events_prior_90 is 0 or unknown" },
        users_last_30: { type: "int", nullable: true, doc: "distinct active users in the last 30 days, (as-of − 30, as-of]" },
        utilization: { type: "number", nullable: true, doc: "users_last_30 / licenses; null without licenses (or a usage file)" },
        usage_dropped: { type: "boolean", doc: "−usage_change ≥ usage_drop (compared to 9 decimals: a drop of exactly a third counts)" },
        low_utilization: { type: "boolean", doc: "utilization < early_warning_utilization" },
        warned: { type: "boolean", doc: "usage_dropped or low_utilization: on the early-warning list" },
        color,
      },
    },
  },
});
