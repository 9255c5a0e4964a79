/** The Revenue page: the renewal waterfall per cohort, retention rates, logo versus revenue churn, rip and replace. */
import { type ColumnDef, defineDataset } from "./define.ts";

const money = (doc: string): ColumnDef => ({ type: "number", doc });
const count = (doc: string): ColumnDef => ({ type: "int", doc });
const rate = (doc: string): ColumnDef => ({ type: "number", nullable: true, doc: `${doc}; null when the denominator is 0` });

const owner = {
  segment: { type: "string", doc: "account segment; '(none)' when the account has none" },
  region: { type: "string", doc: "account region; '(none)' when the account has none" },
  csm: { type: "string", doc: "account owner (accounts.csm); '(none)' when the account has none" },
} satisfies Record<string, ColumnDef>;

const slice = {
  dimension: { type: "string", doc: "'all' (the whole book), 'segment', 'region' or 'csm'" },
  dimension_value: { type: "string", nullable: true, doc: "the segment, region or CSM; null for 'all'" },
} satisfies Record<string, ColumnDef>;

/** The resolved part of the waterfall, in waterfall order. */
const resolvedSums = {
  resolved_events: count("resolved renewal events (resolved_date on or before the as-of date)"),
  resolved: money("Σ before over resolved events"),
  churned_events: count("resolved events with after = 0 (logos lost)"),
  full_loss: money("Σ before over resolved events with after = 0"),
  partial_loss: money("over resolved events with after > 0: Σ max(arr_before − arr_after, 0) per line"),
  retained: money("resolved − full_loss − partial_loss"),
  upsell: money("over resolved events with after > 0: Σ max(arr_after − arr_before, 0) over lines with arr_before > 0"),
  cross_sell: money("over resolved events with after > 0: Σ arr_after over lines with arr_before = 0"),
  ending: money("retained + upsell + cross_sell (= Σ after over resolved events)"),
} satisfies Record<string, ColumnDef>;

/** What TTM needs (GRR, NRR, revenue and logo churn): the expansion split is left out to keep the file small. */
const { upsell: _u, cross_sell: _c, ...ttmSums } = resolvedSums;

/** The additive sums of one cohort slice. */
const cohortSums = {
  events: count("renewal events whose renewal_date falls in the period"),
  starting: money("starting contract value: Σ arr_before over all events of the cohort"),
  ...resolvedSums,
  unresolved_events: count("events not resolved on the as-of date (no resolved_date, or one after the as-of date)"),
  unresolved_value: money("Σ before of the unresolved events (= starting − resolved)"),
  overdue_events: count("unresolved events whose renewal_date is before the as-of date"),
  overdue_value: money("Σ before of the overdue events"),
  rip_replace_events: count("rip-and-replace events: resolved, retained, partial_loss > 0 and cross_sell > 0"),
  rip_replace_loss: money("Σ partial_loss of the rip-and-replace events (value torn out)"),
  rip_replace_cross_sell: money("Σ cross_sell of the rip-and-replace events (value put in)"),
} satisfies Record<string, ColumnDef>;

const retentionRates = {
  grr: rate("gross retention rate: retained / resolved"),
  nrr: rate("net annual renewal rate: ending / resolved"),
  revenue_churn_rate: rate("(full_loss + partial_loss) / resolved = 1 − GRR"),
  logo_churn_rate: rate("churned_events / resolved_events"),
} satisfies Record<string, ColumnDef>;

const period = {
  period_type: { type: "string", doc: "'year' or 'quarter' of renewal_date" },
  period: { type: "string", doc: "'2025' or '2025-Q1'" },
} satisfies Record<string, ColumnDef>;

const eventId = {
  renewal_id: { type: "string", doc: "the renewal event" },
  account_id: { type: "string", doc: "the account" },
  account_name: { type: "string", nullable: true, doc: "the account's name, when given" },
  ...owner,
  renewal_date: { type: "date", doc: "the date the contract was up for renewal" },
} satisfies Record<string, ColumnDef>;

const cohort = {
  renewal_year: { type: "string", doc: "the year cohort, as in `period`" },
  renewal_quarter: { type: "string", doc: "the quarter cohort, as in `period`" },
} satisfies Record<string, ColumnDef>;

export const revenue = defineDataset({
  name: "revenue",
  title: "Revenue",
  doc: "The renewal waterfall per cohort (year and quarter of renewal_date): starting value → resolved → losses → retained → expansion → ending; GRR, NRR, logo and revenue churn, the TTM series, rip-and-replace renewals and overdue renewals. Definitions: docs/metrics.md § Revenue. Rates for any filter are ratios of the sums in cohort_facts and ttm_facts.",
  tables: {
    periods: {
      doc: "The cohorts that have renewal events, with their calendar bounds.",
      sql: "select * from revenue_periods order by period_type desc, period",
      columns: {
        ...period,
        period_start: { type: "date", doc: "first day of the period" },
        period_end: { type: "date", doc: "last day of the period" },
        is_closed: { type: "boolean", doc: "the period ended on or before the as-of date" },
        contains_as_of: { type: "boolean", doc: "the as-of date falls in the period" },
      },
    },
    cohort_facts: {
      doc: "Additive waterfall sums per cohort × segment × region × CSM (only combinations with events). Summing rows then taking the ratios of cohort_rates gives the figures for any filter.",
      sql: "select * from revenue_cohort_facts order by period_type desc, period, segment, region, csm",
      columns: { ...period, ...owner, ...cohortSums },
    },
    cohort_rates: {
      doc: "The waterfall and every rate per cohort, for the whole book and by each of segment, region and CSM on its own.",
      sql: `select * from revenue_cohort_rates
        order by period_type desc, period, list_position(['all', 'segment', 'region', 'csm'], dimension), dimension_value`,
      columns: {
        ...period,
        ...slice,
        ...cohortSums,
        resolution_rate: rate("resolved / starting"),
        grr: retentionRates.grr,
        expansion_rate: rate("(upsell + cross_sell) / resolved"),
        nrr: retentionRates.nrr,
        revenue_churn_rate: retentionRates.revenue_churn_rate,
        logo_churn_rate: retentionRates.logo_churn_rate,
        logo_retention_rate: rate("1 − logo_churn_rate"),
      },
    },
    ttm_facts: {
      doc: "Trailing twelve months: on each month end m, the sums over events resolved in (m − 365 days, m], per segment × region × CSM (only combinations with events).",
      sql: "select * from revenue_ttm_facts order by month_end, segment, region, csm",
      columns: { month_end: { type: "date", doc: "last day of the month m" }, ...owner, ...ttmSums },
    },
    ttm_rates: {
      doc: "The TTM series for the whole book (every month end) and by each of segment, region and CSM on its own.",
      sql: `select * from revenue_ttm_rates
        order by month_end, list_position(['all', 'segment', 'region', 'csm'], dimension), dimension_value`,
      columns: {
        month_end: { type: "date", doc: "last day of the month m (on or before the as-of date)" },
        full_window: { type: "boolean", doc: "the window (m − 365, m] starts on or after the first resolved renewal in the data, so it holds a whole year" },
        ...slice,
        ...ttmSums,
        ...retentionRates,
      },
    },
    rip_and_replace: {
      doc: "Rip and replace: resolved, retained renewals with partial loss > 0 and cross-sell > 0, and the value that moved.",
      sql: "select * from rip_and_replace_renewals order by renewal_date, renewal_id",
      columns: {
        ...eventId,
        resolved_date: { type: "date", doc: "when the outcome was settled" },
        ...cohort,
        starting: money("before: Σ arr_before of the event's lines"),
        ending: money("after: Σ arr_after of the event's lines"),
        partial_loss: money("value torn out: Σ max(arr_before − arr_after, 0) per line"),
        cross_sell: money("value put in on new products: Σ arr_after over lines with arr_before = 0"),
        upsell: money("growth on existing products"),
        net_change: money("ending − starting"),
        removed_products: { type: "string[]", doc: "products with arr_before > 0 and arr_after = 0" },
        reduced_products: { type: "string[]", doc: "products kept at a lower value" },
        added_products: { type: "string[]", doc: "products with arr_before = 0 and arr_after > 0" },
        loss_reasons: { type: "string", nullable: true, doc: "distinct loss_reason values of the lines, '; '-separated" },
      },
    },
    arr_bridge: {
      doc: "The ARR bridge on an account basis (docs/metrics.md § Revenue on an account basis): per window (s, e], from the ARR each account held on s to the ARR it holds on e, for the whole book and by each of segment, region and CSM on its own. Holds for any term length (monthly plans included), unlike the cohort rates, which count renewal events. starting_arr − churned_arr − contraction + expansion + cross_sell + new_arr + reactivation = ending_arr on every row.",
      sql: `select "window", period_end, dimension, dimension_value, starting_logos, churned_logos, starting_arr, churned_arr,
          contraction, expansion, cross_sell, new_arr, reactivation, ending_arr, logo_churn_rate, grr, nrr,
          logo_churn_rate_annualized, grr_annualized, nrr_annualized, period_start
        from arr_bridge
        order by list_position(['month', 'quarter', 'year', 'ttm'], "window"), period_end,
          list_position(['all', 'segment', 'region', 'csm'], dimension), dimension_value`,
      columns: {
        window: { type: "string", doc: "'month', 'quarter', 'year' (calendar) or 'ttm' (the 365 days ending on period_end)" },
        period_end: { type: "date", doc: "e: the last day of the window (a month end on or before the as-of date)" },
        dimension: { type: "string", doc: "'all' (the whole book), 'segment', 'region' or 'csm'" },
        dimension_value: { type: "string", doc: "the segment, region or CSM ('(none)' when the account has none); 'all' for the whole book" },
        starting_logos: count("accounts active on s (ARR > 0)"),
        churned_logos: count("accounts active on s and not on e"),
        starting_arr: money("Σ ARR on s"),
        churned_arr: money("ARR on s of the churned accounts"),
        contraction: money("over accounts active on s and e: Σ max(ARR on s − ARR on e, 0) per line (a line removed while the account stays counts here)"),
        expansion: money("over accounts active on s and e: Σ max(ARR on e − ARR on s, 0) per line held on s"),
        cross_sell: money("over accounts active on s and e: Σ ARR on e of lines not held on s"),
        new_arr: money("Σ ARR on e of accounts not active on s and never active before"),
        reactivation: money("Σ ARR on e of accounts not active on s that were active before s"),
        ending_arr: money("Σ ARR on e = starting − churned − contraction + expansion + cross_sell + new + reactivation"),
        logo_churn_rate: rate("account-basis logo churn: churned_logos / starting_logos"),
        grr: rate("account-basis GRR: (starting − churned − contraction) / starting"),
        nrr: rate("account-basis NRR: (starting − churned − contraction + expansion + cross_sell) / starting"),
        logo_churn_rate_annualized: rate("month windows only (else null): 1 − (1 − logo_churn_rate)^12, labelled annualized"),
        grr_annualized: rate("month windows only (else null): grr^12 (its churn 1 − grr annualized as above)"),
        nrr_annualized: rate("month windows only (else null): nrr^12, compounded over twelve months"),
        period_start: { type: "date", doc: "s: the day before the window's first day (for ttm, period_end − 365 days)" },
      },
    },
    term_length: {
      doc: "The median term of the revenue record (one row). Under 300 days the cohort rates are per term, not annual: the Revenue page then warns and leads with the account basis.",
      sql: "select * from revenue_term_length",
      columns: {
        basis: { type: "string", doc: "'subscription rows' (end_date − start_date) or 'resolved renewal events' (days since the account's previous renewal_date, or customer_since)" },
        terms: count("terms measured"),
        median_term_days: { type: "number", nullable: true, doc: "median term in days; null when none could be measured" },
      },
    },
    overdue: {
      doc: "Overdue renewals: not resolved on the as-of date, with renewal_date before it.",
      sql: "select * from overdue_renewals order by renewal_date, renewal_id",
      columns: {
        ...eventId,
        ...cohort,
        days_overdue: count("days from renewal_date to the as-of date"),
        lines: count("contract lines"),
        value: money("Σ arr_before of the event's lines"),
      },
    },
  },
});
