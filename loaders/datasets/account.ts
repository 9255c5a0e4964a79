/**
 * The account page: everything about one account, published in shards (shards.ts) so one account view
 * downloads one small file whatever the book's size. Every split table carries account_id. Contact-level data
 * (ids, titles) is published only when the config sets publishContacts; roles otherwise.
 */
import { defineDataset } from "./define.ts";
import { lossReview } from "./loss-review.ts";

const account = { type: "string", doc: "account" } as const;
const lr = lossReview.tables;
/** A loss-review table, per account: the same rows and columns as in loss-review.json, with the account. */
const lossTable = (table: "renewals" | "colors" | "months" | "roles" | "contacts", sql: string) => ({
  doc: `The loss-review panel of each renewal the account lost (as loss-review › ${table}).`,
  sql,
  columns: table === "renewals" ? lr.renewals.columns : { account_id: account, ...lr[table].columns },
});
const ofLost = (t: string, order: string) =>
  `select r.account_id, x.* from ${t} as x join loss_review_renewals as r using (renewal_id) order by r.account_id, ${order}`;

export const accountDataset = defineDataset({
  name: "account",
  title: "Account",
  doc: "One account at a time: its profile today, contract lines and renewal history with outcomes, health over time, usage and touches by month, contacts by role, tickets, NPS, milestones, green-profile traits today, early-warning flags and, when it lost a renewal, the loss-review panel (the search list is the dataset account-names). Published in the site as account/a0/index.json (settings, shard ranges, trait labels) and account/a<k>/shard-<n>.json (every other table: the rows of the accounts in shard n, about 180 KB); `npm run report` writes it whole as account.json.",
  shards: {
    key: "account_id",
    sql: "select account_id, shard, archive from account_shards",
    files: { index: ["settings", "shards", "trait_labels"] },
  },
  tables: {
    settings: {
      doc: "One row: what the page needs to read the shards and word its panels.",
      sql: "select * from account_settings",
      columns: {
        publish_contacts: { type: "boolean", doc: "config publishContacts: when false the contacts and loss_contacts tables are empty" },
        lookback_days: { type: "int", doc: "config lookbackDays (the loss panel's lookback color)" },
        early_warning_from_days: { type: "int", doc: "config earlyWarningFromDays" },
        early_warning_to_days: { type: "int", doc: "config earlyWarningToDays" },
      },
    },
    shards: {
      doc: "Which shard holds which accounts: shards are runs of accounts in account_id order (compared code point by code point), so an account is in the last shard whose first_account_id is ≤ its id.",
      sql: "select shard, any_value(archive) as archive, min(account_id) as first_account_id, max(account_id) as last_account_id, count(*) as accounts, sum(published_rows) as published_rows from account_shards group by shard order by shard",
      columns: {
        shard: { type: "int", doc: "shard number n" },
        archive: { type: "int", doc: "its archive k: the shard is the file account/a<k>/shard-<n>.json" },
        first_account_id: { type: "string", doc: "the shard's first account_id" },
        last_account_id: { type: "string", doc: "the shard's last account_id" },
        accounts: { type: "int", doc: "accounts in the shard" },
        published_rows: { type: "int", doc: "rows the shard holds across its tables (about 4,000 a shard)" },
      },
    },
    profile: {
      doc: "One row per account on the as-of date. The five hygiene checks are true when the account FAILS them (as on the Relationship page) and null for an account that is not active.",
      sql: "select * from account_profile order by account_id",
      columns: {
        account_id: account,
        account_name: { type: "string", nullable: true, doc: "account name" },
        segment: { type: "string", doc: "segment; '(none)' when none" },
        region: { type: "string", doc: "region; '(none)' when none" },
        industry: { type: "string", nullable: true, doc: "industry" },
        csm: { type: "string", nullable: true, doc: "owner (accounts.csm)" },
        customer_since: { type: "date", nullable: true, doc: "first contract start" },
        licenses: { type: "int", nullable: true, doc: "seats purchased" },
        is_active: { type: "boolean", doc: "a customer on the as-of date (started, and no renewal fully lost yet)" },
        lost_on: { type: "date", nullable: true, doc: "when its first full loss was settled; null = not lost" },
        current_arr: { type: "number", doc: "current contract value (0 once lost)" },
        next_renewal_date: { type: "date", nullable: true, doc: "the next renewal not yet settled" },
        color: { type: "string", doc: "health color in force on the as-of date: red, yellow, green or unscored" },
        score: { type: "number", nullable: true, doc: "the latest health score on or before the as-of date" },
        scored_on: { type: "date", nullable: true, doc: "the day of that score" },
        last_touch: { type: "date", nullable: true, doc: "latest touch (active accounts)" },
        last_business_review: { type: "date", nullable: true, doc: "latest business review (active accounts)" },
        checks_failed: { type: "int", nullable: true, doc: "hygiene checks failed, 0–5 (active accounts)" },
        not_touched: { type: "boolean", nullable: true, doc: "no touch in the last touchedDays days" },
        no_business_review: { type: "boolean", nullable: true, doc: "no business review in the last businessReviewDays days" },
        single_threaded: { type: "boolean", nullable: true, doc: "at most one contact touched in the last singleThreadDays days" },
        no_exec_sponsor: { type: "boolean", nullable: true, doc: "no executive sponsor on file" },
        no_decision_maker: { type: "boolean", nullable: true, doc: "no decision maker touched in the last decisionMakerDays days" },
        tickets_total: { type: "int", doc: "tickets ever opened up to the as-of date (the tickets table lists the recent and open ones)" },
      },
    },
    renewals: {
      doc: "Renewal history: every renewal event with its outcome as known on the as-of date.",
      sql: "select * from account_renewals order by account_id, renewal_date, renewal_id",
      columns: {
        account_id: account,
        renewal_id: { type: "string", doc: "renewal event" },
        renewal_date: { type: "date", doc: "the date the contract was up for renewal" },
        resolved_date: { type: "date", nullable: true, doc: "when it was settled; null = not settled by the as-of date" },
        lines: { type: "int", doc: "contract lines" },
        arr_before: { type: "number", doc: "Σ arr_before of the lines" },
        arr_after: { type: "number", nullable: true, doc: "Σ arr_after; null until settled" },
        outcome: { type: "string", doc: "open (due later), overdue (due, not settled), lost (nothing renewed), contracted, flat or expanded" },
        loss_reason: { type: "string", nullable: true, doc: "loss reasons of the lines, '; '-joined" },
      },
    },
    lines: {
      doc: "Contract lines: one row per product line of each renewal event.",
      sql: "select * from account_lines order by account_id, renewal_date, renewal_id, product",
      columns: {
        account_id: account,
        renewal_id: { type: "string", doc: "renewal event" },
        renewal_date: { type: "date", doc: "the date the line was up for renewal" },
        product: { type: "string", nullable: true, doc: "product" },
        arr_before: { type: "number", doc: "value before the renewal" },
        arr_after: { type: "number", nullable: true, doc: "value after; null until settled" },
      },
    },
    health: {
      doc: "Health up to the as-of date as the chart draws it: the first snapshot, every change of color and the last snapshot of each calendar month (two on a day: the most severe color, with its score).",
      sql: "select * from account_health order by account_id, day",
      columns: {
        account_id: account,
        day: { type: "date", doc: "snapshot date" },
        color: { type: "string", doc: "red, yellow or green" },
        score: { type: "number", nullable: true, doc: "health score" },
      },
    },
    usage_months: {
      doc: "Usage per calendar month up to the as-of date (the last month may be partial).",
      sql: "select * from account_usage_months order by account_id, month",
      columns: {
        account_id: account,
        month: { type: "string", doc: "calendar month, YYYY-MM" },
        events: { type: "int", doc: "usage events" },
        active_users: { type: "int", doc: "distinct users active in the month" },
        active_days: { type: "int", doc: "days with any use" },
        features_used: { type: "int", doc: "distinct features used" },
      },
    },
    touch_months: {
      doc: "Touches per calendar month up to the as-of date, one column per type (the chart).",
      sql: "select * from account_touch_months order by account_id, month",
      columns: {
        account_id: account,
        month: { type: "string", doc: "calendar month, YYYY-MM" },
        business_reviews: { type: "int", doc: "business reviews" },
        meetings: { type: "int", doc: "meetings" },
        onsites: { type: "int", doc: "onsite visits" },
        calls: { type: "int", doc: "calls" },
        emails: { type: "int", doc: "emails" },
        other_touches: { type: "int", doc: "touches of type other" },
      },
    },
    touch_people: {
      doc: "Touches by type and who made them up to the as-of date (a touch naming no CSM counts for the owner), most first.",
      sql: "select * from account_touch_people order by account_id, touches desc, type, csm nulls last",
      columns: {
        account_id: account,
        type: { type: "string", doc: "call, email, meeting, business_review, onsite or other" },
        csm: { type: "string", nullable: true, doc: "who made the touches; null when neither the touch nor the account names a CSM" },
        touches: { type: "int", doc: "touches, all time" },
        last_12_months: { type: "int", doc: "of them, in the 12 calendar months ending with the as-of date's month" },
        last_month: { type: "string", doc: "the latest month with one, YYYY-MM" },
      },
    },
    roles: {
      doc: "Contacts by role today (contacts carry no dates) and their touches in the 365 days ending on the as-of date. Roles only: no names, titles or ids. An executive sponsor also counts in their own role.",
      sql: "select * exclude (role_order) from account_roles order by account_id, role_order, role",
      columns: {
        account_id: account,
        role: { type: "string", doc: "executive sponsor, decision maker or practitioner" },
        contacts: { type: "int", doc: "contacts in this role" },
        contacts_touched: { type: "int", doc: "of them, touched in the 365 days" },
        touches: { type: "int", doc: "touches naming them in the 365 days" },
        last_touch: { type: "date", nullable: true, doc: "the latest of those touches" },
      },
    },
    contacts: {
      doc: "Contact-level rows, published ONLY when the config sets publishContacts to true; empty otherwise.",
      sql: "select * from account_contacts order by account_id, contact_id",
      columns: {
        account_id: account,
        contact_id: { type: "string", doc: "contact (contact-level data)" },
        title: { type: "string", nullable: true, doc: "job title (contact-level data)" },
        role: { type: "string", nullable: true, doc: "decision_maker or practitioner" },
        is_exec_sponsor: { type: "boolean", doc: "an executive sponsor" },
        touches: { type: "int", doc: "touches naming this contact in the 365 days ending on the as-of date" },
        last_touch: { type: "date", nullable: true, doc: "the latest of them" },
      },
    },
    tickets: {
      doc: "Support tickets opened in the 365 days ending on the as-of date, and older ones still open on it (profile.tickets_total counts them all).",
      sql: "select * from account_tickets order by account_id, opened_at desc, ticket_id",
      columns: {
        account_id: account,
        ticket_id: { type: "string", doc: "ticket" },
        opened_at: { type: "date", doc: "opened" },
        closed_at: { type: "date", nullable: true, doc: "closed; null = open on the as-of date" },
        severity: { type: "string", nullable: true, doc: "low, medium, high or urgent" },
        days_open: { type: "int", doc: "days from opening to closing (or to the as-of date while open)" },
      },
    },
    nps: {
      doc: "NPS responses up to the as-of date.",
      sql: "select * from account_nps order by account_id, responded_at, score",
      columns: {
        account_id: account,
        responded_at: { type: "date", doc: "answered" },
        score: { type: "int", doc: "0–10" },
        category: { type: "string", doc: "promoter (≥ config promoter), detractor (≤ config detractor) or passive" },
      },
    },
    milestones: {
      doc: "Lifecycle stages reached up to the as-of date.",
      sql: "select * from account_milestones order by account_id, reached_at, stage",
      columns: {
        account_id: account,
        stage: { type: "string", doc: "onboarded, adopted, first_value…" },
        reached_at: { type: "date", doc: "when" },
        days_from_start: { type: "int", nullable: true, doc: "reached_at − customer_since" },
      },
    },
    trait_labels: {
      doc: "The green-profile traits in the page's order (as green-profile › traits), worded with the configured thresholds.",
      sql: "select trait, area, label from green_profile_traits order by position",
      columns: {
        trait: { type: "string", doc: "trait key" },
        area: { type: "string", doc: "Usage, Relationship, Support, Sentiment or Onboarding" },
        label: { type: "string", doc: "the trait, worded with the configured thresholds" },
      },
    },
    traits: {
      doc: "The green-profile traits measured today (lookback date = the as-of date, same thresholds and windows as the Green profile page); labels in trait_labels.",
      sql: "select account_id, trait, has_trait from account_traits order by account_id, position",
      columns: {
        account_id: account,
        trait: { type: "string", doc: "trait key (trait_labels)" },
        has_trait: { type: "boolean", nullable: true, doc: "the account has it today; null = the inputs cannot measure it" },
      },
    },
    early_warning: {
      doc: "The account's open renewals on the early-warning horizon, with the warning signs (as relationship › early_warning).",
      sql: "select account_id, renewal_id, renewal_date, days_to_renewal, arr_at_stake, usage_change, utilization, usage_dropped, low_utilization, warned from relationship_early_warning order by account_id, renewal_date, renewal_id",
      columns: {
        account_id: account,
        renewal_id: { type: "string", doc: "renewal event" },
        renewal_date: { type: "date", doc: "due" },
        days_to_renewal: { type: "int", doc: "renewal_date − as-of date" },
        arr_at_stake: { type: "number", doc: "Σ arr_before of its lines" },
        usage_change: { type: "number", nullable: true, doc: "events in the last 90 days against the 90 before, − 1" },
        utilization: { type: "number", nullable: true, doc: "users in the last 30 days / licenses" },
        usage_dropped: { type: "boolean", doc: "usage fell by config usageDrop or more" },
        low_utilization: { type: "boolean", doc: "utilization below config earlyWarningUtilization" },
        warned: { type: "boolean", doc: "either sign: on the early-warning list" },
      },
    },
    loss_renewals: lossTable("renewals", "select * exclude (window_start) from loss_review_renewals order by account_id, renewal_date, renewal_id"),
    loss_colors: lossTable("colors", ofLost("loss_review_colors", "x.renewal_id, x.day_from")),
    loss_months: lossTable("months", ofLost("loss_review_months", "x.renewal_id, x.month")),
    loss_roles: lossTable("roles", `select r.account_id, x.* exclude (role_order) from loss_review_roles as x join loss_review_renewals as r using (renewal_id) order by r.account_id, x.renewal_id, x.role_order`),
    loss_contacts: lossTable("contacts", ofLost("loss_review_contacts", "x.renewal_id, x.contact_id")),
  },
});
