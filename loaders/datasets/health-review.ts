/** The Health review page (bi-weekly review of the base) and the actions export: six lists, one row per account per list. */
import { defineDataset } from "./define.ts";

/** The lists, in the order the page shows them and the actions export writes them. */
export const REVIEW_LISTS = ["red_no_plan", "red_renewal", "green_at_risk", "early_warning", "expansion", "flip"] as const;

const order = `case list ${REVIEW_LISTS.map((l, i) => `when '${l}' then ${i}`).join(" ")} end`;

export const healthReview = defineDataset({
  name: "health-review",
  title: "Health review",
  doc: "The lists a CS team works through at its bi-weekly review of the active accounts on the as-of date: red accounts without a plan signal, red accounts renewing soon, green accounts at risk of going red silently, early warnings 9–12 months before renewal, expansion candidates, and accounts whose color flipped red↔green. One row per account per list; an account can be on several lists. Windows of N days end on the as-of date and hold N days: (as-of − N, as-of].",
  tables: {
    settings: {
      doc: "One row: the thresholds the lists were computed with.",
      sql: "select * from health_review_settings",
      columns: {
        review_red_days: { type: "int", doc: "red_no_plan: red at least this many days with no touch since turning red (config reviewRedDays)" },
        business_review_days: { type: "int", doc: "red_no_plan: or no business review in this many days (config businessReviewDays)" },
        review_renewal_days: { type: "int", doc: "red_renewal: renewal due within this many days of the as-of date, both ends included (config reviewRenewalDays)" },
        review_cycle_days: { type: "int", doc: "days between two reviews: the default due date is the next review (config reviewCycleDays)" },
        touched_days: { type: "int", doc: "green_at_risk: not touched in this many days (config touchedDays)" },
        single_thread_days: { type: "int", doc: "green_at_risk: single-threaded = at most one contact touched in this many days (config singleThreadDays)" },
        usage_drop: { type: "number", doc: "usage down by at least this share (last 90 days against the 90 before) (config usageDrop)" },
        early_warning_from_days: { type: "int", doc: "early_warning: renewals due from this many days… (config earlyWarningFromDays)" },
        early_warning_to_days: { type: "int", doc: "… to this many days after the as-of date (config earlyWarningToDays)" },
        expansion_utilization: { type: "number", doc: "expansion: license utilization (distinct users in 90 days / licenses) at least this (config expansionUtilization)" },
        expansion_breadth_percentile: { type: "number", doc: "expansion: feature breadth at least this percentile of the active book (config expansionBreadthPercentile)" },
        expansion_breadth_cut: { type: "number", nullable: true, doc: "that percentile's value on this book (a breadth some account has); null without usage" },
        flip_days: { type: "int", doc: "flip: red to green or back within this many days (config flipDays)" },
        review_flip_since_days: { type: "int", doc: "flip: the new color began within this many days of the as-of date (config reviewFlipSinceDays)" },
        lookback_days: { type: "int", doc: "expansion's due date: this many days before the renewal (config lookbackDays)" },
        active_accounts: { type: "int", doc: "active accounts reviewed" },
      },
    },
    items: {
      doc: "One row per account per list, by list then ARR at stake (largest first). reasons are codes: red_no_plan → no_touch_since_red, no_business_review; red_renewal → renewal_due; green_at_risk → single_threaded, no_exec_sponsor, usage_down, not_touched; early_warning → usage_down, low_utilization; expansion → seats_full, broad_usage, cross_sell; flip → red_to_green, green_to_red.",
      sql: `select * from health_review_items order by ${order}, arr desc, account_id`,
      columns: {
        list: { type: "string", doc: `the list: ${REVIEW_LISTS.join(", ")}` },
        action_key: { type: "string", doc: "md5 of account_id, a unit separator and list: stable from run to run, so a CRM re-import updates the same action" },
        account_id: { type: "string", doc: "account" },
        account_name: { type: "string", nullable: true, doc: "account name" },
        segment: { type: "string", doc: "account segment; '(none)' when the account has none" },
        region: { type: "string", doc: "account region; '(none)' when the account has none" },
        csm: { type: "string", nullable: true, doc: "owner (accounts.csm); null when the account has none" },
        color: { type: "string", doc: "health color on the as-of date: red, yellow, green or unscored" },
        arr: { type: "number", doc: "ARR at stake: current contract value (early_warning: the warned renewal's arr_before)" },
        renewal_date: { type: "date", nullable: true, doc: "the next renewal not yet resolved; null when none is on file" },
        days_to_renewal: { type: "int", nullable: true, doc: "renewal_date − as-of date (negative = overdue)" },
        reasons: { type: "string[]", doc: "why the account is on the list, as codes (see the table doc)" },
        reason_text: { type: "string", doc: "the same reasons in one sentence, with the figures" },
        due_by: { type: "date", doc: "suggested date to act by: red_no_plan, flip → next review (as-of + review_cycle_days); red_renewal → the earlier of the next review and the renewal; green_at_risk → as-of + touched_days; early_warning → renewal − early_warning_from_days, not before the next review; expansion → renewal − lookback_days (none: as-of + lookback_days), not before the next review" },
        red_since: { type: "date", nullable: true, doc: "first day of the red stretch in force on the as-of date; null when not red" },
        days_red: { type: "int", nullable: true, doc: "as-of date − red_since" },
        lead_time_days: { type: "int", nullable: true, doc: "red_renewal: renewal_date − the first day red in the 365 days before it (lead time so far); null on other lists" },
        last_touch: { type: "date", nullable: true, doc: "latest touch on or before the as-of date" },
        days_since_business_review: { type: "int", nullable: true, doc: "as-of date − latest business review; null = none ever" },
        usage_change: { type: "number", nullable: true, doc: "usage events in the last 90 days / the 90 before − 1; null without earlier usage" },
        users_last_90: { type: "int", nullable: true, doc: "distinct active users in the last 90 days (seats taken); null without a usage file" },
        licenses: { type: "int", nullable: true, doc: "seats purchased (accounts.licenses)" },
        utilization: { type: "number", nullable: true, doc: "license utilization: users_last_90 / licenses (as the green profile measures it)" },
        features_used: { type: "int", nullable: true, doc: "distinct features used in the last 90 days" },
        feature_breadth: { type: "number", nullable: true, doc: "features_used / features seen (the features file, else every feature used in the book)" },
        products_missing: { type: "string[]", nullable: true, doc: "expansion: products sold in the book (renewal lines) the account does not pay for now; null on other lists" },
        flip_from: { type: "string", nullable: true, doc: "flip: the color it left (latest flip)" },
        flip_to: { type: "string", nullable: true, doc: "flip: the color it turned" },
        flip_on: { type: "date", nullable: true, doc: "flip: first day of the new color" },
        flip_days: { type: "int", nullable: true, doc: "flip: days from the last day of the old color to the first of the new" },
      },
    },
  },
});
